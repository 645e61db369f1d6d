import { sql } from 'drizzle-orm';
import type { Database } from '../../models/db.js';
import { createLogger } from '../../models/logger.js';
import {
  consumeEvents,
  unconsumedEventCount,
  type ConsumeResult,
  type Consumer,
} from '../../models/outbox/consume.js';
import { eventConsumers } from '../../jobs/events.js';

const logger = createLogger({ level: 'silent' });

/**
 * Runs a consumer until it has passed every event committed so far, or until its handler fails
 * (that result is returned). An event waits while an older write transaction anywhere on the
 * server is open (the outbox's horizon, docs/events.md) — other test files' work on a shared
 * server — so this polls (10 s at most).
 */
export async function drainConsumer(
  database: Database,
  consumer: Consumer,
  options: { batch?: number; afterBatch?: (result: ConsumeResult) => void } = {},
): Promise<{ handled: number; last: ConsumeResult }> {
  const deadline = performance.now() + 10_000;
  let handled = 0;
  for (;;) {
    const last = await consumeEvents(database, consumer, { logger, batch: options.batch });
    options.afterBatch?.(last);
    handled += last.handled;
    if (last.failed) return { handled, last };
    if (last.handled + last.skipped > 0) continue;
    if ((await unconsumedEventCount(database, consumer.name)) === 0) return { handled, last };
    if (performance.now() > deadline) throw new Error('domain events stayed behind the horizon');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * What the jobs process's event dispatcher does, for tests that run use-cases without it: every
 * domain event committed so far becomes its notifications (queued `notifications.send` jobs) and
 * admin cards (rows and queued `admin.card-render` jobs). Returns the events handled, all
 * consumers together.
 */
export async function deliverEvents(database: Database): Promise<number> {
  let total = 0;
  for (const consumer of eventConsumers) {
    const { handled, last } = await drainConsumer(database, consumer);
    if (last.failed) throw new Error(`an event handler of ${consumer.name} failed`);
    total += handled;
  }
  return total;
}

/**
 * The types of the events that route a paid order onward (to the owners' review, or scheduled at
 * once) appended for `orderId`: what the payer and the owners are told after a payment comes from.
 */
export async function orderRouteEvents(database: Database, orderId: string): Promise<string[]> {
  const { rows } = await database.withSystem('test read', (tx) =>
    tx.execute<{ type: string }>(
      sql`SELECT type FROM domain_events
          WHERE type IN ('order.review_requested', 'order.scheduled')
            AND payload->>'orderId' = ${orderId} ORDER BY id`,
    ),
  );
  return rows.map((r) => r.type);
}
