import { InlineKeyboard } from 'grammy';
import { formatMoment } from '../../format/dates.js';
import { placementReviewFacts } from '../../models/admin/moderate-placement.js';
import { adminCardData } from '../callback-data/admin.js';
import type { AdminCardRenderer } from './registry.js';

/** A publication that may or may not have gone out (crash between send and record). */
export const renderPlacementCard: AdminCardRenderer = async ({ card, t, locale, database }) => {
  const facts = await placementReviewFacts(database, card.objectId);
  if (!facts) return { text: t('admin-card-gone', { id: card.objectId }) };
  const text = t('admin-placement-card', {
    channel: facts.channelTitle,
    username: facts.channelUsername ? `@${facts.channelUsername}` : '—',
    due: `${formatMoment(facts.dueAt, 'UTC', locale)} UTC`,
    attempt: facts.sendStartedAt ? `${formatMoment(facts.sendStartedAt, 'UTC', locale)} UTC` : '—',
    error: facts.lastError ?? '—',
    order: facts.orderId.slice(0, 8),
    format: facts.format,
  });
  const keyboard = new InlineKeyboard()
    .text(
      t('admin-button-published'),
      adminCardData.placement.pack({ action: 'pub', id: facts.id }),
    )
    .text(
      t('admin-button-not-published'),
      adminCardData.placement.pack({ action: 'fail', id: facts.id }),
    );
  return { text, keyboard };
};
