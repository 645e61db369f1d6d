import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../models/db.js';
import { createLogger } from '../../../models/logger.js';
import {
  consumeEvents,
  maxEventFailures,
  type ConsumeResult,
  type Consumer,
} from '../../../models/outbox/consume.js';
import { appendEvent, type DomainEvent } from '../../../models/outbox/events.js';
import { createTestDatabase, testServerUrl } from '../../helpers/db.js';
import { drainConsumer } from '../../helpers/outbox.js';
import { type Tenant, makeTenant } from '../../factories/channels.js';

let database: Database;
let tenant: Tenant;
const logger = createLogger({ level: 'silent' });
const at = new Date('2032-07-12T09:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase({ poolSize: 4 });
  tenant = await makeTenant(database, { title: 'Outbox channel' });
});
afterAll(async () => {
  await database?.close();
});

/** A recognisable event of the tenant's workspace. */
const moved = (label: string): DomainEvent => ({
  type: 'placement.late_moved',
  workspaceId: tenant.workspaceId,
  placementId: randomUUID(),
  orderId: randomUUID(),
  channelTitle: label,
  from: at.toISOString(),
  to: at.toISOString(),
});

const append = (...labels: string[]) =>
  database.withScope({ workspaceId: tenant.workspaceId }, async (tx) => {
    for (const label of labels) await appendEvent(tx, moved(label), at);
  });

/** A consumer that records the titles it saw (only its own test's events, by prefix). */
function recorder(prefix: string, fail?: (title: string) => boolean) {
  const seen: string[] = [];
  // What a batch handled counts only when its transaction committed.
  let batch: string[] = [];
  const consumer: Consumer = {
    name: `test-${prefix}-${randomUUID()}`,
    async handle(_tx, event) {
      if (event.type !== 'placement.late_moved' || !event.channelTitle.startsWith(prefix)) return;
      if (fail?.(event.channelTitle)) throw new Error(`handler refused ${event.channelTitle}`);
      batch.push(event.channelTitle);
    },
  };
  // A batch's events count only when its transaction committed.
  const afterBatch = (r: ConsumeResult) => {
    if (!r.failed) seen.push(...batch);
    batch = [];
  };
  /** Until caught up (or failed); `once`: one pass over what is visible now. */
  const drain = async (once = false) => {
    if (!once) return drainConsumer(database, consumer, { batch: 3, afterBatch });
    const last = await consumeEvents(database, consumer, { batch: 3, logger });
    afterBatch(last);
    return { last };
  };
  return { seen, consumer, drain };
}

describe('the outbox', () => {
  it('hands every consumer each committed event once, in order; a rolled-back one never', async () => {
    await append('a1', 'a2');
    await expect(
      database.withScope({ workspaceId: tenant.workspaceId }, async (tx) => {
        await appendEvent(tx, moved('a-rolled-back'), at);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await append('a3', 'a4', 'a5');
    const one = recorder('a');
    const two = recorder('a');
    await one.drain();
    expect(one.seen).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
    await append('a6');
    await one.drain();
    await two.drain();
    expect(one.seen).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
    expect(two.seen).toEqual(one.seen);
  });

  it('retries a failing event, then skips it after the limit and goes on', async () => {
    let attempts = 0;
    const flaky = recorder('b', (title) => title === 'b2' && ++attempts > 0);
    await append('b1', 'b2', 'b3');
    for (let i = 0; i < maxEventFailures; i++) {
      const { last } = await flaky.drain();
      expect(last.failed).toBe(true);
    }
    expect(flaky.seen).toEqual(['b1']);
    await flaky.drain();
    expect(flaky.seen).toEqual(['b1', 'b3']);
    expect(attempts).toBe(maxEventFailures);
  });

  it('a tenant scope appends for its own workspace only, and reads no event', async () => {
    const other = await makeTenant(database, { title: 'Outbox other channel' });
    await expect(
      database.withScope({ workspaceId: other.workspaceId }, (tx) =>
        appendEvent(tx, moved('c-forged'), at),
      ),
    ).rejects.toThrow();
    await expect(
      database.withScope({ workspaceId: tenant.workspaceId }, (tx) =>
        tx.execute(sql`select id from domain_events`),
      ),
    ).rejects.toThrow();
  });

  // PGlite serves one session: two transactions cannot be open at once there.
  it.runIf(testServerUrl())(
    'an older transaction still open holds back later commits, so none lands behind the cursor',
    async () => {
      const consumer = recorder('d');
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let appended!: () => void;
      const started = new Promise<void>((resolve) => (appended = resolve));
      const slow = database.withScope({ workspaceId: tenant.workspaceId }, async (tx) => {
        await appendEvent(tx, moved('d1-slow'), at);
        appended();
        await gate;
      });
      await started;
      await append('d2-fast');
      await consumer.drain(true);
      expect(consumer.seen).toEqual([]);
      release();
      await slow;
      await consumer.drain();
      expect(consumer.seen).toEqual(['d1-slow', 'd2-fast']);
    },
  );
});
