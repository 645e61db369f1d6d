import type { Api } from 'grammy';
import type { PublishDeps } from '../../jobs/publish.js';
import type { Clock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { createLogger } from '../../models/logger.js';
import { refundOrderPayment } from '../../models/payments/refund-order.js';

/**
 * The publish jobs' deps for a test: silent logger, links through https://lytslot.test, a refund
 * that does nothing; any of them overridden by name.
 */
export function testPublishDeps(
  world: { database: Database; clock: Clock; api: Api },
  overrides: Partial<PublishDeps> = {},
): PublishDeps {
  return {
    database: world.database,
    clock: world.clock,
    api: world.api,
    logger: createLogger({ level: 'silent' }),
    publicUrl: 'https://lytslot.test',
    refund: () => Promise.resolve(),
    ...overrides,
  };
}

/** A publish refund that gives the order's payment back in full (the provider always agrees). */
export function refundInFull(database: Database, clock: Clock): PublishDeps['refund'] {
  return async (order) => {
    await refundOrderPayment(
      database,
      { ...order, actor: 'test', refund: async () => ({ ok: true }) },
      clock,
    );
  };
}
