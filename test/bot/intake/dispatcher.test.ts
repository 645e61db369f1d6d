import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../bot/intake/dispatcher.js';
import { classifyFailure } from '../../../bot/intake/index.js';
import type { Database } from '../../../models/db.js';
import type { IntakeUpdate } from '../../../models/intake/order-key.js';
import { createPgIntakeStore, type IntakeStore } from '../../../models/intake/store.js';
import { createLogger } from '../../../models/logger.js';
import { updateIntake } from '../../../models/schema.js';
import { createTestDatabase } from '../../helpers/db.js';

let database: Database;
let store: IntakeStore;
const logger = createLogger({ level: 'silent' });
const retry = { attempts: 3, delaysMs: [30, 60], outageMaxMs: 100 };
let nextId = 10_000;

/** What drizzle throws for a failed query: the driver's error as its cause. */
class DrizzleLikeError extends Error {
  constructor(query: string, cause: Error) {
    super(`Failed query: ${query}`, { cause });
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  store = createPgIntakeStore(database, { owner: 'test', leaseMs: 60_000 });
});
afterAll(async () => {
  await database?.close();
});

const message = (chatId: number, text: string): IntakeUpdate =>
  ({ update_id: nextId++, message: { chat: { id: chatId }, text } }) as IntakeUpdate;
const textOf = (update: IntakeUpdate) =>
  (update as unknown as { message: { text: string } }).message.text;
const row = async (updateId: number) =>
  (
    await database.withSystem('test read', (tx) =>
      tx.select().from(updateIntake).where(eq(updateIntake.updateId, updateId)),
    )
  )[0];

describe('the intake dispatcher', () => {
  it('keeps per-chat order through a retry while other chats go on', async () => {
    const seen: string[] = [];
    let failOnce = true;
    const dispatcher = createDispatcher({
      store,
      logger,
      retry,
      onParked: async () => undefined,
      handle: async (update) => {
        const text = textOf(update);
        if (text === 'a1' && failOnce) {
          failOnce = false;
          seen.push('a1 failed');
          throw new Error('transient');
        }
        seen.push(text);
      },
    });
    const stored = await store.append([message(1, 'a1'), message(1, 'a2'), message(2, 'b1')]);
    await Promise.all(stored.map((s) => dispatcher.run(s)));
    expect(seen.filter((t) => t.startsWith('a'))).toEqual(['a1 failed', 'a1', 'a2']);
    expect(seen.indexOf('b1')).toBeLessThan(seen.indexOf('a1'));
    for (const s of stored) expect((await row(s.update.update_id))?.status).toBe('done');
    await dispatcher.stop(1000);
  });

  it('parks an update after its last attempt and reports it once', async () => {
    const parked: number[] = [];
    let calls = 0;
    const dispatcher = createDispatcher({
      store,
      logger,
      retry,
      onParked: async (s) => void parked.push(s.update.update_id),
      handle: async () => {
        calls++;
        throw new Error('always');
      },
    });
    const [stored] = await store.append([message(3, 'doomed')]);
    await dispatcher.run(stored!);
    expect(calls).toBe(retry.attempts);
    expect(parked).toEqual([stored!.update.update_id]);
    expect(await row(stored!.update.update_id)).toMatchObject({ status: 'parked', attempts: 3 });
    await dispatcher.stop(1000);
  });

  it('does not count attempts while the store itself is down, and finishes once it is back', async () => {
    let down = true;
    let calls = 0;
    const flaky: IntakeStore = {
      ...store,
      fail: (id, failure) =>
        down ? Promise.reject(new Error('ECONNREFUSED')) : store.fail(id, failure),
      complete: (id) => (down ? Promise.reject(new Error('ECONNREFUSED')) : store.complete(id)),
    };
    const dispatcher = createDispatcher({
      store: flaky,
      logger,
      retry,
      onParked: async () => undefined,
      handle: async () => {
        calls++;
        if (down) throw new Error('database unreachable');
      },
    });
    const [stored] = await store.append([message(4, 'during outage')]);
    const done = dispatcher.run(stored!);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(calls).toBeGreaterThan(retry.attempts); // more tries than attempts: none were counted
    down = false;
    await done;
    expect(await row(stored!.update.update_id)).toMatchObject({ status: 'done', attempts: 0 });
    await dispatcher.stop(1000);
  });

  it('does not count a handler’s database outage either: a paid update is never parked by it', async () => {
    let failures = 0;
    const lost = new Error('Connection terminated unexpectedly');
    const dispatcher = createDispatcher({
      store,
      logger,
      retry,
      onParked: async () => undefined,
      classify: classifyFailure,
      handle: async () => {
        // Pooled connections die with an outage: more failures in a row than attempts allowed.
        if (failures < retry.attempts * 3) {
          failures++;
          throw new DrizzleLikeError('select 1', lost);
        }
      },
    });
    const [stored] = await store.append([message(7, 'paid while the pool recovers')]);
    await dispatcher.run(stored!);
    expect(failures).toBe(retry.attempts * 3);
    expect(await row(stored!.update.update_id)).toMatchObject({ status: 'done', attempts: 0 });
    await dispatcher.stop(1000);
  });

  it('finishes at once what cannot be retried (classified), and parks what an admin must see', async () => {
    let calls = 0;
    const dispatcher = createDispatcher({
      store,
      logger,
      retry,
      onParked: async () => undefined,
      classify: (error) => ((error as Error).message === 'blocked' ? 'finish' : 'park'),
      handle: async (update) => {
        calls++;
        throw new Error(textOf(update));
      },
    });
    const [blocked, refused] = await store.append([message(5, 'blocked'), message(6, 'refused')]);
    await Promise.all([dispatcher.run(blocked!), dispatcher.run(refused!)]);
    expect(calls).toBe(2);
    expect((await row(blocked!.update.update_id))?.status).toBe('done');
    expect(await row(refused!.update.update_id)).toMatchObject({ status: 'parked', attempts: 1 });
    await dispatcher.stop(1000);
  });

  it('on stop, finishes what it accepted but leaves a failing update for the next start', async () => {
    const seen: string[] = [];
    const dispatcher = createDispatcher({
      store,
      logger,
      retry: { ...retry, delaysMs: [5_000] },
      onParked: async () => undefined,
      handle: async (update) => {
        const text = textOf(update);
        seen.push(text);
        if (text === 'fails') throw new Error('transient');
      },
    });
    const stored = await store.append([
      message(7, 'fails'),
      message(8, 'queued 1'),
      message(8, 'queued 2'),
    ]);
    const runs = stored.map((s) => dispatcher.run(s));
    expect(await dispatcher.stop(2_000)).toBe(true);
    await Promise.all(runs);
    expect(seen).toEqual(['fails', 'queued 1', 'queued 2']);
    expect(await row(stored[0]!.update.update_id)).toMatchObject({
      status: 'pending',
      attempts: 1,
    });
    expect((await row(stored[2]!.update.update_id))?.status).toBe('done');
  });
});
