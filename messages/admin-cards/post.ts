import { type Api, GrammyError } from 'grammy';
import type { Config } from '../../config.js';
import { formatMoment } from '../../format/dates.js';
import { adminLanguageOf } from '../../models/admin/admin-language.js';
import { type AdminCard, findAdminCard, recordAdminCardMessage } from '../../models/admin/cards.js';
import type { Clock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import type { Logger } from '../../models/logger.js';
import type { Translate, Translator } from '../i18n.js';
import { trustedHtml } from '../../format/html.js';
import { adminCardRenderers } from './registry.js';

export interface CardPostDeps {
  api: Api;
  i18n: Translator;
  config: Pick<Config, 'adminChatId' | 'adminTelegramIds'>;
  database: Database;
  clock: Clock;
  logger: Logger;
}

const negative = new Set(['rejected', 'not_published', 'blocked', 'no_refund', 'cancelled']);
/** Closed without an admin's decision: the object ended another way. */
const neutral = new Set(['moot']);

/** "✅/❌ <decision> — <admin>, <time UTC>" (+ the reason) for a decided card. */
function decisionLine(t: Translate, card: AdminCard, locale: string): string {
  const time = card.decidedAt ? formatMoment(card.decidedAt, 'UTC', locale) : '';
  const line = t('admin-card-decided', {
    mark: neutral.has(card.decision ?? '') ? '⏹' : negative.has(card.decision ?? '') ? '❌' : '✅',
    decision: trustedHtml(t('admin-decision', { decision: card.decision ?? '—' })),
    admin: card.decidedByName ?? String(card.decidedByTelegramId ?? '—'),
    time,
  });
  if (!card.reason) return line;
  // A card closed because its object moved on: the reason is that object's state.
  if (card.decision === 'moot')
    return `${line}\n${t('admin-card-moot-state', { state: card.reason })}`;
  return `${line}\n${t('admin-card-reason', { reason: card.reason })}`;
}

function notModified(err: unknown): boolean {
  return err instanceof GrammyError && /not modified/i.test(err.description);
}

/**
 * Posts a card into the admin chat, or edits its message in place (decided ⇒ the decision line
 * and no buttons). No transaction is held across Telegram calls (PGlite serves one at a time).
 * `editOnly` (button handlers) never posts a new message: posting is the render job's, one at a
 * time, so a card is not posted twice.
 */
export async function postAdminCard(
  deps: CardPostDeps,
  cardId: string,
  options: { editOnly?: boolean } = {},
): Promise<void> {
  const chatId = deps.config.adminChatId;
  if (chatId === undefined) {
    deps.logger.warn({ cardId }, 'no ADMIN_CHAT_ID: admin card not posted');
    return;
  }
  const locale = await adminLanguageOf(deps.database, deps.config.adminTelegramIds);
  const t: Translate = (key, vars) => deps.i18n.t(locale, key, vars);
  const card = await deps.database.withSystem('admin: read a card to post', (tx) =>
    findAdminCard(tx, cardId),
  );
  if (!card) return;
  if (options.editOnly && (card.chatId === null || card.messageId === null)) return;
  const body = await adminCardRenderers[card.kind]({
    card,
    t,
    locale,
    database: deps.database,
    clock: deps.clock,
  });
  const decided = card.status === 'decided';
  const text = decided ? `${body.text}\n\n${decisionLine(t, card, locale)}` : body.text;
  const markup = !decided && body.keyboard ? { reply_markup: body.keyboard } : {};
  if (card.chatId !== null && card.messageId !== null) {
    try {
      await deps.api.editMessageText(card.chatId, card.messageId, text, markup);
    } catch (err) {
      if (!notModified(err)) throw err;
    }
    return;
  }
  const sent = await deps.api.sendMessage(chatId, text, markup);
  await deps.database.withSystem('admin: remember a posted card', (tx) =>
    recordAdminCardMessage(tx, card.id, { chatId, messageId: sent.message_id }, deps.clock.now()),
  );
  if (body.attachments) {
    await body
      .attachments(deps.api, chatId, sent.message_id)
      .catch((err: unknown) =>
        deps.logger.warn({ err, cardId }, 'admin card attachments not sent'),
      );
  }
}
