import { adminCardsConsumer } from '../messages/admin-cards-on-events.js';
import { notificationConsumer } from '../messages/notify-on-events.js';
import { reviewCardsConsumer } from '../messages/review-cards-on-events.js';
import { partnerWebhooksConsumer } from '../models/partner-webhooks/queue-deliveries.js';
import type { Database } from '../models/db.js';
import type { OutageLog } from '../models/log-throttle.js';
import type { Logger } from '../models/logger.js';
import { consumeEvents, type Consumer } from '../models/outbox/consume.js';

/** The outbox's consumers, in the order a dispatcher round runs them (docs/events.md). */
export const eventConsumers: Consumer[] = [
  notificationConsumer,
  reviewCardsConsumer,
  adminCardsConsumer,
  partnerWebhooksConsumer,
];

export interface EventDispatcher {
  start(): void;
  /** Stops polling and waits for the batch in hand (its transaction) to end. */
  stop(): Promise<void>;
}

/**
 * Runs the outbox consumers in the jobs process: every `pollMs` each consumer takes batches
 * until it is caught up (or its handler fails: the batch is tried again on the next round).
 * Several jobs processes may run it: a consumer's cursor row lock lets one batch through at a time.
 */
export function createEventDispatcher(deps: {
  database: Database;
  logger: Logger;
  outages: OutageLog;
  consumers: Consumer[];
  pollMs: number;
}): EventDispatcher {
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> | undefined;

  const drain = async (consumer: Consumer) => {
    for (;;) {
      const result = await consumeEvents(deps.database, consumer, { logger: deps.logger });
      if (result.failed || result.handled + result.skipped === 0 || !running) return;
    }
  };
  const tick = async () => {
    for (const consumer of deps.consumers) {
      try {
        await drain(consumer);
      } catch (err) {
        // The database is away: one line a minute, and the next round tries again.
        deps.outages.error(
          `events:${consumer.name}`,
          err,
          { consumer: consumer.name },
          'events not read',
        );
      }
    }
  };
  const schedule = () => {
    if (!running) return;
    timer = setTimeout(() => {
      round = tick().finally(schedule);
    }, deps.pollMs);
  };

  return {
    start() {
      if (running) return;
      running = true;
      round = tick().finally(schedule);
    },
    async stop() {
      running = false;
      clearTimeout(timer);
      await round;
    },
  };
}
