import { InlineKeyboard } from 'grammy';
import {
  registerChannel,
  type RegisterChannelCode,
} from '../../../models/channels/register-channel.js';
import { assertNever } from '../../../models/errors.js';
import type { BotContext, BotDeps } from '../../context.js';
import { trustedHtml } from '../../../format/html.js';
import { showScreen } from '../../kit/show-screen.js';
import { showChannelCard } from './screens.js';
import { fetchChannelFacts, type ChannelRef, type FactsFailure } from './telegram-facts.js';
import { addToChannelUrl } from './views.js';
import { channelListData, verifyChannelData } from '../../../messages/callback-data/channels.js';

type Refusal = FactsFailure | RegisterChannelCode;

function refusalText(ctx: BotContext, code: Refusal, title: string, limit: number): string {
  switch (code) {
    case 'chat_not_found':
      return ctx.t('channels-error-chat-not-found');
    case 'bot_not_member':
      return ctx.t('channels-error-bot-not-member', { title });
    case 'bot_not_admin':
      return ctx.t('channels-error-bot-not-admin', { title });
    case 'bot_cannot_post':
      return ctx.t('channels-error-bot-cannot-post', {
        title,
        right: trustedHtml(ctx.t('channels-right-post')),
      });
    case 'not_a_channel':
      return ctx.t('channels-error-not-channel');
    case 'user_not_admin':
      return ctx.t('channels-error-user-not-admin', { title });
    case 'already_registered':
      return ctx.t('channels-error-already-registered', { title });
    case 'plan_limit':
      return ctx.t('channels-error-plan-limit', { limit });
    case 'telegram_error':
      return ctx.t('channels-error-telegram');
    default:
      return assertNever(code);
  }
}

/** Codes the person fixes by giving the bot rights in the channel (then re-checking). */
const fixableByRights = new Set<Refusal>(['bot_not_member', 'bot_not_admin', 'bot_cannot_post']);

/**
 * Checks a channel with Telegram and registers (or refreshes) it: the card on success, otherwise
 * a clear refusal naming what to fix, with the add-to-channel button and «Check again».
 */
export async function verifyChannel(
  ctx: BotContext,
  deps: BotDeps,
  ref: ChannelRef,
): Promise<void> {
  const account = ctx.account;
  const from = ctx.from;
  if (!account || !from) return;
  const facts = await fetchChannelFacts(ctx.api, ref, from.id, ctx.me.id);
  const chatId = facts.ok ? facts.value.telegramChatId : typeof ref === 'number' ? ref : undefined;
  const title = facts.ok && facts.value.title ? facts.value.title : ctx.t('channels-this-channel');
  let refusal: Refusal;
  let limit = 0;
  if (facts.ok) {
    const result = await registerChannel(deps.database, {
      accountId: account.id,
      language: account.language,
      facts: facts.value,
      now: deps.clock.now(),
    });
    if (result.ok) {
      const header = result.value.created
        ? ctx.t('channels-added', { title })
        : ctx.t('channels-rechecked', { title });
      await showChannelCard(ctx, deps, result.value.channelId, header);
      return;
    }
    refusal = result.code;
    limit = typeof result.detail?.limit === 'number' ? result.detail.limit : 0;
  } else {
    refusal = facts.code;
  }
  const keyboard = new InlineKeyboard();
  if (fixableByRights.has(refusal) || refusal === 'chat_not_found')
    keyboard.url(ctx.t('channels-button-add-bot'), addToChannelUrl(ctx.me.username)).row();
  if (chatId !== undefined && refusal !== 'already_registered' && refusal !== 'not_a_channel')
    keyboard
      .text(ctx.t('channels-button-check-again'), verifyChannelData.pack({ chatId: chatId }))
      .row();
  keyboard.text(ctx.t('channels-button-list'), channelListData);
  await showScreen(ctx, refusalText(ctx, refusal, title, limit), keyboard);
}
