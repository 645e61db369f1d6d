import { type Api, GrammyError, InlineKeyboard } from 'grammy';
import { localeOf } from '../format/locale.js';
import type { Database } from '../models/db.js';
import type { Logger } from '../models/logger.js';
import type { ExpiredOrder } from '../models/orders/expire-holds.js';
import { accountContacts } from '../models/orders/queries.js';
import type { Translator } from './i18n.js';
import { catalogHomeData } from './callback-data/booking.js';

export interface ExpiryNoticeDeps {
  api: Api;
  i18n: Translator;
  database: Database;
  logger: Logger;
}

/** Tells each advertiser once per expired checkout that the held slots were released. */
export async function tellHoldsExpired(deps: ExpiryNoticeDeps, expired: ExpiredOrder[]) {
  const seen = new Set<string>();
  const once = expired.filter((o) => {
    const key = `${o.advertiserAccountId}:${o.bundleId ?? o.orderId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const ids = [...new Set(once.map((o) => o.advertiserAccountId))];
  const contacts = await deps.database.withScope({}, (tx) => accountContacts(tx, ids));
  const byId = new Map(contacts.map((c) => [c.id, c]));
  for (const order of once) {
    const to = byId.get(order.advertiserAccountId);
    if (!to) continue;
    const locale = localeOf(to.language);
    const keyboard = new InlineKeyboard().text(
      deps.i18n.t(locale, 'booking-button-other-channels'),
      catalogHomeData,
    );
    try {
      await deps.api.sendMessage(to.telegramId, deps.i18n.t(locale, 'booking-hold-expired'), {
        reply_markup: keyboard,
      });
    } catch (error) {
      if (!(error instanceof GrammyError)) throw error;
      deps.logger.warn({ err: error, telegram_id: to.telegramId }, 'expiry notice not delivered');
    }
  }
}
