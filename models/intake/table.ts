import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const intakeStatuses = ['pending', 'parked', 'done'] as const;
export type IntakeStatus = (typeof intakeStatuses)[number];

/**
 * Durable intake of Telegram updates (docs/bot.md): a row is written before the update is
 * acknowledged to Telegram and marked done only after its handling finished. Done rows stay a
 * while so a redelivered update is recognised and not handled twice. Platform table (app_system).
 */
export const updateIntake = pgTable(
  'update_intake',
  {
    updateId: bigint('update_id', { mode: 'number' }).primaryKey(),
    /** Stable id for admin cards and look-ups (update ids are not uuids). */
    id: uuid('id').notNull().unique().defaultRandom(),
    /** The chat (or, for chat-less updates, the user) whose order this update keeps. */
    orderKey: text('order_key').notNull(),
    kind: text('kind').notNull(),
    /** The update as Telegram sent it: JSON text, since jsonb refuses the \u0000 menus put in callback data. */
    payload: text('payload').notNull(),
    status: text('status', { enum: intakeStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** The process handling it and until when (renewed while it lives); expired ⇒ anyone may. */
    leaseOwner: text('lease_owner'),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('update_intake_open_idx')
      .on(t.status, t.updateId)
      .where(sql`${t.status} <> 'done'`),
    index('update_intake_finished_idx').on(t.finishedAt),
    check('update_intake_status_check', sql`${t.status} in ('pending', 'parked', 'done')`),
  ],
);
