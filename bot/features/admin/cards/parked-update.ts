import { Composer, InlineKeyboard } from 'grammy';
import { formatMoment } from '../../../../format/dates.js';
import { decideParkedUpdate, parkedUpdateFacts } from '../../../../models/intake/parked.js';
import { assertNever } from '../../../../models/errors.js';
import type { BotContext } from '../../../context.js';
import { escapeHtml } from '../../../html.js';
import { adminActor } from '../ask-reason.js';
import { adminData, adminDataPattern } from '../callback-data.js';
import { type AdminCardActions, answerAdmin, answerStaleCard } from './actions-kit.js';
import type { AdminCardRenderer } from './registry.js';

/** An update the bot could not handle after its retries: what it was and the last error. */
export const renderParkedUpdateCard: AdminCardRenderer = async ({ card, t, locale, database }) => {
  const facts = await parkedUpdateFacts(database, card.objectId);
  if (!facts) return { text: t('admin-card-gone', { id: card.objectId }) };
  const text = t('admin-parked-card', {
    update: facts.updateId,
    kind: escapeHtml(facts.kind),
    chat: escapeHtml(facts.orderKey),
    received: `${formatMoment(facts.receivedAt, 'UTC', locale)} UTC`,
    attempts: facts.attempts,
    error: escapeHtml((facts.lastError ?? '—').slice(0, 500)),
  });
  const keyboard = new InlineKeyboard()
    .text(t('admin-button-retry'), adminData('parked_update', 'retry', facts.id))
    .text(t('admin-button-dismiss'), adminData('parked_update', 'dismiss', facts.id));
  return { text, keyboard };
};

/** "Retry" queues the update again with fresh attempts; "Dismiss" ends it unhandled. */
export const parkedUpdateCardActions: AdminCardActions = (input) => {
  const { deps } = input;
  const feature = new Composer<BotContext>();
  feature.callbackQuery(adminDataPattern('parked_update', ['retry', 'dismiss']), async (ctx) => {
    const [, action, id] = ctx.match as RegExpMatchArray as [string, string, string];
    const result = await decideParkedUpdate(deps.database, {
      id,
      decision: action === 'retry' ? 'retry' : 'dismiss',
      admin: adminActor(ctx),
      at: deps.clock.now(),
    });
    const card = { kind: 'parked_update' as const, objectId: id };
    if (!result.ok) {
      switch (result.code) {
        case 'not_found':
          return answerStaleCard(ctx, input, card, 'admin-card-gone-short');
        case 'not_parked':
          return answerStaleCard(ctx, input, card, 'admin-card-closed');
        default:
          return assertNever(result.code);
      }
    }
    await answerAdmin(ctx, input, action === 'retry' ? 'admin-parked-retried' : 'admin-done');
    await input.refresh(ctx, 'parked_update', id);
  });
  return feature;
};
