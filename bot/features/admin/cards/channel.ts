import { InlineKeyboard } from 'grammy';
import {
  approveChannel,
  channelModerationFacts,
  rejectChannel,
} from '../../../../models/admin/moderate-channel.js';
import { escapeHtml } from '../../../html.js';
import { adminData } from '../callback-data.js';
import { type AdminCardActions, moderationCardActions } from './actions-kit.js';
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

/** Approve at once; Reject asks for the reason (shown to the owner) first. */
export const channelCardActions: AdminCardActions = (input) => {
  const { deps } = input;
  return moderationCardActions(input, {
    kind: 'channel',
    promptKey: 'admin-ask-reason',
    approve: (channelId, admin) => approveChannel(deps.database, { channelId, admin }, deps.clock),
    reject: (reply) =>
      rejectChannel(
        deps.database,
        { channelId: reply.objectId, admin: reply.admin, reason: reply.text },
        deps.clock,
      ),
  });
};
