import { InlineKeyboard } from 'grammy';
import { closeMootAdminCard } from '../../../models/admin/moot-cards.js';
import { isChannelId, loadChannelCard } from '../../../models/channels/channel-card.js';
import { pauseChannel, type PauseChannelCode } from '../../../models/channels/pause-channel.js';
import { removeChannel, type RemoveChannelCode } from '../../../models/channels/remove-channel.js';
import { resumeChannel, type ResumeChannelCode } from '../../../models/channels/resume-channel.js';
import { assertNever } from '../../../models/errors.js';
import { channelAccess } from '../../../models/workspaces/access.js';
import { canPerform } from '../../../models/workspaces/permissions.js';
import type { BotContext, BotDeps } from '../../context.js';
import { showScreen } from '../../kit/show-screen.js';
import { showChannelCard } from './screens.js';
import { verifyChannel } from './verify.js';
import {
  channelActionData,
  channelCardData,
  channelListData,
} from '../../../messages/callback-data/channels.js';

type ActionCode = PauseChannelCode | ResumeChannelCode | RemoveChannelCode;

function refusalText(ctx: BotContext, code: ActionCode): string {
  switch (code) {
    case 'not_found':
      return ctx.t('channels-not-found');
    case 'forbidden':
      return ctx.t('channels-error-forbidden');
    case 'blocked':
      return ctx.t('channels-error-blocked');
    case 'rights_missing':
      return ctx.t('channels-error-resume-rights');
    case 'plan':
      return ctx.t('channels-error-resume-plan');
    case 'has_bookings':
      return ctx.t('channels-error-remove-bookings');
    case 'has_history':
      return ctx.t('channels-error-remove-history');
    default:
      return assertNever(code);
  }
}

/**
 * The card's actions on one channel: re-check rights, pause, resume, remove (asks first; owner
 * only). Access is re-checked from the person's memberships on every press.
 */
export async function handleChannelAction(
  ctx: BotContext,
  deps: BotDeps,
  action: string,
  channelId: string,
): Promise<void> {
  const account = ctx.account;
  const access =
    account && isChannelId(channelId)
      ? await channelAccess(deps.database, account.id, channelId)
      : undefined;
  if (!account || !access) {
    await ctx.answerCallbackQuery({ text: ctx.t('channels-not-found'), show_alert: true });
    return;
  }
  const now = deps.clock.now();
  const refuse = (code: ActionCode) =>
    ctx.answerCallbackQuery({ text: refusalText(ctx, code), show_alert: true });

  switch (action) {
    case 'recheck': {
      await ctx.answerCallbackQuery();
      const card = await loadChannelCard(deps.database, access, account.id, account.language, now);
      if (card) await verifyChannel(ctx, deps, card.channel.telegramChatId);
      return;
    }
    case 'pause':
    case 'resume': {
      const result =
        action === 'pause'
          ? await pauseChannel(deps.database, access, account.id, now)
          : await resumeChannel(deps.database, access, account.id, now);
      if (!result.ok) return void (await refuse(result.code));
      await ctx.answerCallbackQuery({
        text: ctx.t(action === 'pause' ? 'channels-paused' : 'channels-resumed'),
      });
      await showChannelCard(ctx, deps, channelId);
      return;
    }
    case 'remove': {
      if (!canPerform(access.role, 'channels.remove')) return void (await refuse('forbidden'));
      const card = await loadChannelCard(deps.database, access, account.id, account.language, now);
      if (!card) return void (await refuse('not_found'));
      await ctx.answerCallbackQuery();
      const keyboard = new InlineKeyboard()
        .text(
          ctx.t('channels-button-remove-confirm'),
          channelActionData.pack({ action: 'remove-yes', channelId: channelId }),
        )
        .row()
        .text(
          ctx.t('channels-button-remove-cancel'),
          channelCardData.pack({ channelId: channelId }),
        );
      const title = card.channel.title;
      await showScreen(ctx, ctx.t('channels-remove-confirm', { title }), keyboard);
      return;
    }
    case 'remove-yes': {
      const result = await removeChannel(deps.database, access, account.id, now);
      if (!result.ok) return void (await refuse(result.code));
      // A channel that waited for review: its admin card no longer needs a decision.
      await closeMootAdminCard(deps.database, { kind: 'channel', objectId: channelId }, deps.clock);
      await ctx.answerCallbackQuery();
      const keyboard = new InlineKeyboard().text(ctx.t('channels-button-list'), channelListData);
      const title = result.value.title;
      await showScreen(ctx, ctx.t('channels-removed', { title }), keyboard);
      return;
    }
    default:
      await ctx.answerCallbackQuery();
  }
}
