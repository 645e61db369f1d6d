import { InlineKeyboard } from 'grammy';
import { formatMoment } from '../../format/dates.js';
import { parkedUpdateFacts } from '../../models/intake/parked.js';
import { adminCardData } from '../callback-data/admin.js';
import type { AdminCardRenderer } from './registry.js';

/** An update the bot could not handle after its retries: what it was and the last error. */
export const renderParkedUpdateCard: AdminCardRenderer = async ({ card, t, locale, database }) => {
  const facts = await parkedUpdateFacts(database, card.objectId);
  if (!facts) return { text: t('admin-card-gone', { id: card.objectId }) };
  const text = t('admin-parked-card', {
    update: facts.updateId,
    kind: facts.kind,
    chat: facts.orderKey,
    received: `${formatMoment(facts.receivedAt, 'UTC', locale)} UTC`,
    attempts: facts.attempts,
    error: (facts.lastError ?? '—').slice(0, 500),
  });
  const keyboard = new InlineKeyboard()
    .text(
      t('admin-button-retry'),
      adminCardData.parked_update.pack({ action: 'retry', id: facts.id }),
    )
    .text(
      t('admin-button-dismiss'),
      adminCardData.parked_update.pack({ action: 'dismiss', id: facts.id }),
    );
  return { text, keyboard };
};
