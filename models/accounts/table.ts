import { bigint, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A Telegram user. No tenant: every app role reads it; only app_system sets or lifts a block. */
export const accounts = pgTable('accounts', {
  id: uuid('id').primaryKey().defaultRandom(),
  telegramId: bigint('telegram_id', { mode: 'number' }).notNull().unique(),
  username: text('username'),
  firstName: text('first_name'),
  language: text('language').notNull().default('ru'),
  timezone: text('timezone').notNull().default('Europe/Moscow'),
  blockedAt: timestamp('blocked_at', { withTimezone: true }),
  blockedReason: text('blocked_reason'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
