import { Composer, InlineKeyboard } from 'grammy';
import { assertNever } from '../../../../models/errors.js';
import {
  approveChannel,
  channelModerationFacts,
  type ModerateChannelCode,
  rejectChannel,
} from '../../../../models/admin/moderate-channel.js';
import type { BotContext } from '../../../context.js';
import { escapeHtml } from '../../../html.js';
import { adminActor, askAdminReason, onAdminReply } from '../ask-reason.js';
import { adminData, adminDataPattern } from '../callback-data.js';
import { type AdminCardActions, type AdminCardActionDeps, answerAdmin } from './actions-kit.js';
import type { AdminCardRenderer } from './registry.js';

/** A new channel waiting for approval: title, link, subscribers, owner; Approve / Reject. */
export const renderChannelCard: AdminCardRenderer = async ({ card, t, database }) => {
  const facts = await channelModerationFacts(database, card.objectId);
  if (!facts) return { text: t('admin-card-gone', { id: card.objectId }) };
  const owner = facts.owner;
  const text = t('admin-channel-card', {
    title: escapeHtml(facts.title),
    username: facts.username ? `@${escapeHtml(facts.username)}` : '—',
    subscribers: facts.subscribers,
    chatId: String(facts.telegramChatId),
    category: escapeHtml(facts.category ?? '—'),
    language: escapeHtml(facts.language ?? '—'),
    owner: escapeHtml(owner.firstName ?? '—'),
    ownerUsername: owner.username ? `@${escapeHtml(owner.username)}` : '',
    ownerId: String(owner.telegramId),
  });
  const keyboard = new InlineKeyboard()
    .text(t('admin-button-approve'), adminData('channel', 'ok', facts.id))
    .text(t('admin-button-reject'), adminData('channel', 'no', facts.id));
  return { text, keyboard };
};

async function answerCode(ctx: BotContext, input: AdminCardActionDeps, code: ModerateChannelCode) {
  switch (code) {
    case 'not_found':
      return answerAdmin(ctx, input, 'admin-card-gone-short');
    case 'not_pending':
      return answerAdmin(ctx, input, 'admin-card-closed');
    default:
      assertNever(code);
  }
}

/** Approve at once; Reject asks for the reason (shown to the owner) first. */
export const channelCardActions: AdminCardActions = (input) => {
  const { deps } = input;
  const feature = new Composer<BotContext>();
  feature.callbackQuery(adminDataPattern('channel', ['ok', 'no']), async (ctx) => {
    const [, action, channelId] = ctx.match as RegExpMatchArray as [string, string, string];
    if (action === 'no') {
      await askAdminReason(ctx, deps, input.i18n, {
        kind: 'channel',
        objectId: channelId,
        action: 'reject',
        promptKey: 'admin-ask-reason',
      });
      return;
    }
    const result = await approveChannel(
      deps.database,
      { channelId, admin: adminActor(ctx) },
      deps.clock,
    );
    if (!result.ok) return answerCode(ctx, input, result.code);
    await answerAdmin(ctx, input, 'admin-done');
    await input.refresh(ctx, 'channel', channelId);
  });
  feature.use(
    onAdminReply('channel', 'reject', async (ctx, reply) => {
      const result = await rejectChannel(
        deps.database,
        { channelId: reply.objectId, admin: reply.admin, reason: reply.text },
        deps.clock,
      );
      if (!result.ok) return answerCode(ctx, input, result.code);
      await input.refresh(ctx, 'channel', reply.objectId);
    }),
  );
  return feature;
};
