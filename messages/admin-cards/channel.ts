import { InlineKeyboard } from 'grammy';
import { channelModerationFacts } from '../../models/admin/moderate-channel.js';
import { adminCardData } from '../callback-data/admin.js';
import type { AdminCardRenderer } from './registry.js';

/** A new channel waiting for approval: title, link, subscribers, owner; Approve / Reject. */
export const renderChannelCard: AdminCardRenderer = async ({ card, t, database }) => {
  const facts = await channelModerationFacts(database, card.objectId);
  if (!facts) return { text: t('admin-card-gone', { id: card.objectId }) };
  const owner = facts.owner;
  const text = t('admin-channel-card', {
    title: facts.title,
    username: facts.username ? `@${facts.username}` : '—',
    subscribers: facts.subscribers,
    chatId: String(facts.telegramChatId),
    category: facts.category ?? '—',
    language: facts.language ?? '—',
    owner: owner.firstName ?? '—',
    ownerUsername: owner.username ? `@${owner.username}` : '',
    ownerId: String(owner.telegramId),
  });
  const keyboard = new InlineKeyboard()
    .text(t('admin-button-approve'), adminCardData.channel.pack({ action: 'ok', id: facts.id }))
    .text(t('admin-button-reject'), adminCardData.channel.pack({ action: 'no', id: facts.id }));
  return { text, keyboard };
};
