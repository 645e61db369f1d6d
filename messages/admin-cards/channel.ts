import { InlineKeyboard } from 'grammy';
import { channelModerationFacts } from '../../models/admin/moderate-channel.js';
import { escapeHtml } from '../../format/html.js';
import { adminData } from '../callback-data/admin.js';
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
