import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../models/db.js';
import { orderKeyOf, type IntakeUpdate } from '../../../models/intake/order-key.js';
import { createGroupCommit, createPgIntakeStore } from '../../../models/intake/store.js';
import { updateIntake } from '../../../models/schema.js';
import { createTestDatabase } from '../../helpers/db.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const message = (updateId: number, chatId: number, text = 'hi') => ({
  update_id: updateId,
  message: { message_id: 1, date: 0, chat: { id: chatId, type: 'private' }, text },
});

const row = async (updateId: number) =>
  (
    await database.withSystem('test read', (tx) =>
      tx.select().from(updateIntake).where(eq(updateIntake.updateId, updateId)),
    )
  )[0];

describe('the intake table', () => {
  it('stores an update once: a redelivery, even after it was handled, is not new', async () => {
    const store = createPgIntakeStore(database, { owner: 'a', leaseMs: 60_000 });
    const first = await store.append([message(1001, 7), message(1002, 7)]);
    expect(first.map((s) => s.update.update_id)).toEqual([1001, 1002]);
    await store.complete(1001);
    // Another process receiving the batch again runs neither: 1001 is done, 'a' holds 1002.
    const neighbour = createPgIntakeStore(database, { owner: 'b', leaseMs: 60_000 });
    expect(await neighbour.append([message(1001, 7), message(1002, 7)])).toEqual([]);
    expect((await row(1002))?.leaseOwner).toBe('a');
    expect((await row(1001))?.status).toBe('done');
  });

  it('runs a redelivered pending update at once when its first append’s answer was lost', async () => {
    // The append committed but its answer never came back: the poller fetches the batch again.
    const store = createPgIntakeStore(database, { owner: 'lost', leaseMs: 60_000 });
    await store.append([message(1101, 17), message(1102, 17)]);
    await store.complete(1101);
    const again = await store.append([message(1101, 17), message(1102, 17), message(1103, 17)]);
    expect(again.map((s) => s.update.update_id)).toEqual([1102, 1103]);
    expect((await row(1102))?.leaseOwner).toBe('lost');
  });

  it('hands unfinished updates to a restarted process (takeover) but not to a live neighbour', async () => {
    const dead = createPgIntakeStore(database, { owner: 'dead', leaseMs: 60_000 });
    await dead.append([message(2001, 8), message(2002, 9)]);
    const neighbour = createPgIntakeStore(database, { owner: 'other', leaseMs: 60_000 });
    const leased = await neighbour.claim({ takeover: false, limit: 100 });
    expect(leased.map((s) => s.update.update_id)).not.toContain(2001);
    const restarted = createPgIntakeStore(database, { owner: 'restarted', leaseMs: 60_000 });
    const taken = await restarted.claim({ takeover: true, limit: 100 });
    expect(taken.map((s) => s.update.update_id)).toEqual(expect.arrayContaining([2001, 2002]));
    expect((await row(2001))?.leaseOwner).toBe('restarted');
    // Taken once: the same process does not take its own updates again.
    const twice = await restarted.claim({ takeover: true, limit: 100 });
    expect(twice.map((s) => s.update.update_id)).not.toContain(2001);
  });

  it('lets anyone take an update whose lease ran out', async () => {
    const gone = createPgIntakeStore(database, { owner: 'gone', leaseMs: 1 });
    await gone.append([message(3001, 10)]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const sweeper = createPgIntakeStore(database, { owner: 'sweeper', leaseMs: 60_000 });
    const taken = await sweeper.claim({ takeover: false, limit: 100 });
    expect(taken.map((s) => s.update.update_id)).toContain(3001);
  });

  it('counts failed attempts, parks, and purges only finished updates past their age', async () => {
    const store = createPgIntakeStore(database, { owner: 'p', leaseMs: 60_000 });
    await store.append([message(4001, 11), message(4002, 11)]);
    await store.fail(4001, { attempts: 1, error: 'Error: boom', park: false });
    expect(await row(4001)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'Error: boom',
    });
    const parkedBefore = await store.parkedCount();
    await store.fail(4001, { attempts: 2, error: 'Error: boom', park: true });
    expect((await row(4001))?.status).toBe('parked');
    expect(await store.parkedCount()).toBe(parkedBefore + 1);
    await store.complete(4002);
    expect(await store.purge(3600_000)).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await store.purge(1)).toBeGreaterThanOrEqual(1);
    expect(await row(4002)).toBeUndefined();
    expect((await row(4001))?.status).toBe('parked');
  });
});

describe('completing updates', () => {
  it('finishes updates completed at once, in fewer statements than updates', async () => {
    const store = createPgIntakeStore(database, { owner: 'g', leaseMs: 60_000 });
    const ids = Array.from({ length: 12 }, (_, i) => 5001 + i);
    await store.append(ids.map((id) => message(id, 12)));
    let statements = 0;
    const counted = { ...database, systemStatement: database.systemStatement };
    counted.systemStatement = (reason, query) => {
      statements += 1;
      return database.systemStatement(reason, query);
    };
    const grouped = createPgIntakeStore(counted, { owner: 'g', leaseMs: 60_000 });
    await Promise.all(ids.map((id) => grouped.complete(id)));
    expect(statements).toBeLessThanOrEqual(2);
    for (const id of ids) expect((await row(id))?.status).toBe('done');
  });
});

describe('createGroupCommit', () => {
  it('sends at once when idle, groups what comes while a batch runs, and fails only that batch', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const complete = createGroupCommit(async (ids) => {
      batches.push(ids);
      if (ids.includes(13)) throw new Error('store down');
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    const first = complete(1);
    await Promise.resolve();
    await Promise.resolve();
    const later = [complete(2), complete(3)];
    expect(batches).toEqual([[1]]);
    release();
    await Promise.all([first, ...later]);
    expect(batches).toEqual([[1], [2, 3]]);
    await expect(complete(13)).rejects.toThrow('store down');
    await complete(4);
    expect(batches.at(-1)).toEqual([4]);
  });
});

describe('orderKeyOf', () => {
  const key = (update: Record<string, unknown>) => orderKeyOf(update as unknown as IntakeUpdate);
  it('keys an update by its chat, else its user, so a pre-checkout and its payment share a key', () => {
    const user = { id: 42, is_bot: false, first_name: 'A' };
    expect(key(message(1, 42))).toBe('42');
    expect(key({ update_id: 2, pre_checkout_query: { id: 'q', from: user } })).toBe('42');
    expect(
      key({
        update_id: 3,
        callback_query: { id: 'c', from: user, message: { chat: { id: -5 } } },
      }),
    ).toBe('-5');
    expect(key({ update_id: 4, my_chat_member: { chat: { id: -100 }, from: user } })).toBe('-100');
    expect(key({ update_id: 5, message_reaction_count: { chat: { id: -7 } } })).toBe('-7');
    expect(key({ update_id: 6 })).toBe('update:6');
  });
});
