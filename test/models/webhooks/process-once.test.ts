import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../../models/clock.js';
import type { Database } from '../../../models/db.js';
import { platformSettings, webhookEvents } from '../../../models/schema.js';
import { processWebhookAfter, processWebhookOnce } from '../../../models/webhooks/process-once.js';
import { createTestDatabase } from '../../helpers/db.js';

let database: Database;
const clock: Clock = { now: () => new Date(), offsetMs: () => 0 };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const eventRows = (eventId: string) =>
  database.withSystem('test read', (tx) =>
    tx
      .select()
      .from(webhookEvents)
      .where(and(eq(webhookEvents.provider, 'test'), eq(webhookEvents.eventId, eventId))),
  );

/** A side effect inside the handler's transaction: a platform_settings counter. */
const bump = (key: string) =>
  sql`insert into platform_settings (key, value) values (${key}, '1'::jsonb)
      on conflict (key) do update set value = to_jsonb((platform_settings.value::text)::int + 1)`;
const counter = async (key: string) => {
  const [row] = await database.withSystem('test read', (tx) =>
    tx.select().from(platformSettings).where(eq(platformSettings.key, key)),
  );
  return row ? Number(row.value) : 0;
};

describe('processWebhookOnce (handler in the recording transaction)', () => {
  it('runs the handler once however often and however concurrently the event arrives', async () => {
    const key = 'test.once.a';
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () =>
        processWebhookOnce(
          database,
          { provider: 'test', eventId: 'evt_a', payload: { n: 1 } },
          async (tx) => void (await tx.execute(bump(key))),
          clock,
        ),
      ),
    );
    expect(outcomes.filter((o) => o === 'processed')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(4);
    expect(await counter(key)).toBe(1);
    const [row] = await eventRows('evt_a');
    expect(row?.processedAt).toBeInstanceOf(Date);
    expect(row?.payload).toEqual({ n: 1 });
  });

  it('a throwing handler leaves neither the event nor its effects; the retry runs it', async () => {
    const key = 'test.once.b';
    await expect(
      processWebhookOnce(
        database,
        { provider: 'test', eventId: 'evt_b', payload: {} },
        async (tx) => {
          await tx.execute(bump(key));
          throw new Error('boom');
        },
      ),
    ).rejects.toThrow('boom');
    expect(await eventRows('evt_b')).toEqual([]);
    expect(await counter(key)).toBe(0);
    const retried = await processWebhookOnce(
      database,
      { provider: 'test', eventId: 'evt_b', payload: {} },
      async (tx) => void (await tx.execute(bump(key))),
    );
    expect(retried).toBe('processed');
    expect(await counter(key)).toBe(1);
  });
});

describe('processWebhookAfter (handler of its own, marked after success)', () => {
  it('marks only after success; a failure is retried; a processed event is a duplicate', async () => {
    let runs = 0;
    const input = { provider: 'test', eventId: 'evt_c', payload: {} };
    await expect(
      processWebhookAfter(
        database,
        input,
        async () => {
          runs += 1;
          throw new Error('provider down');
        },
        clock,
      ),
    ).rejects.toThrow('provider down');
    expect(await eventRows('evt_c')).toEqual([]);
    expect(await processWebhookAfter(database, input, async () => void (runs += 1), clock)).toBe(
      'processed',
    );
    expect(await processWebhookAfter(database, input, async () => void (runs += 1), clock)).toBe(
      'duplicate',
    );
    expect(runs).toBe(2);
  });

  it('serializes concurrent deliveries of one event: the handler runs once', async () => {
    let runs = 0;
    const input = { provider: 'test', eventId: 'evt_d', payload: {} };
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () =>
        processWebhookAfter(
          database,
          input,
          async () => {
            runs += 1;
            await new Promise((resolve) => setTimeout(resolve, 10));
          },
          clock,
        ),
      ),
    );
    expect(runs).toBe(1);
    expect(outcomes.sort()).toEqual([
      'duplicate',
      'duplicate',
      'duplicate',
      'duplicate',
      'processed',
    ]);
  });
});
