import type { Context, SessionFlavor } from 'grammy';
import type { Redis } from 'ioredis';
import type { ConversationData, ConversationFlavor, VersionedState } from '@grammyjs/conversations';
import type { Config } from '../config.js';
import type { HtmlI18nFlavor, PlainTranslate, Translate } from '../messages/i18n.js';
import type { Clock } from '../models/clock.js';
import type { Database } from '../models/db.js';
import type { Logger } from '../models/logger.js';
import type { PaymentProviders } from '../models/providers/create-providers.js';
import type { OutboundGateway } from '../telegram/gateway.js';

/** What the bot edge needs from the process; built once by main.ts (or a test). */
export interface BotDeps {
  config: Config;
  database: Database;
  logger: Logger;
  clock: Clock;
  /** ioredis client, present when REDIS_URL is set (rate-limit storage). */
  redis?: Redis;
  /** Stripe / YooKassa gateways, each present only when configured (absent ⇒ Stars only). */
  providers?: PaymentProviders;
  /**
   * The flood-limited way out to Telegram: every message to someone other than the current
   * update's chat goes through `outbound.api` (replies stay on `ctx`).
   */
  outbound: OutboundGateway;
}

/** Per-user session, stored as JSON in bot_sessions (PostgreSQL). */
export interface SessionData {
  /** The language the user picked with /language; unset ⇒ from Telegram's language_code. */
  language?: string;
  /** @grammyjs/conversations state (replay logs), kept in the same row as the session. */
  conversation?: VersionedState<ConversationData>;
  /** The advertiser's current checkout (orders.bundle_id) while booking; set by the booking feature. */
  bundleId?: string;
  /** The RU-marking name and INN the advertiser gave last, offered with one tap on the next order. */
  savedMarking?: { name: string; inn: string };
}

/** The signed-in Telegram user, as returned by ensureAccount. */
export interface AccountFlavor {
  account?: { id: string; language: string };
}

/** Context of the outside middleware tree. */
export type BotContext = ConversationFlavor<
  Context & SessionFlavor<SessionData> & HtmlI18nFlavor & AccountFlavor
>;

/** Context inside conversations: a fresh object per update with translation installed. */
export type ConversationContext = Context & {
  t: Translate;
  translate: Translate;
  tPlain: PlainTranslate;
};
