import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAbTest, variantForPost } from '../../../models/ab-tests/decide.js';
import type { Database } from '../../../models/db.js';
import { auditLog, channels, creatives, orders, placements } from '../../../models/schema.js';
import { makeServedOrder, type ServedOrder } from '../../factories/placements.js';
import { createTestDatabase } from '../../helpers/db.js';

const utc = (iso: string) => new Date(`${iso}Z`);
let database: Database;
let served: ServedOrder;

beforeAll(async () => {
  database = await createTestDatabase();
  // Three posts: A (published, 30 clicks), B (published, 3 clicks), and one still to go (B's turn).
  served = await makeServedOrder(database, {
    base: utc('2032-05-01T09:00:00'),
    amount: 300_000,
    currency: 'RUB',
    placements: [{}, {}, { publishedAfterHours: null, status: 'scheduled' }],
  });
  await database.withSystem('test seed: A/B', async (tx) => {
    await tx.insert(creatives).values(
      [0, 1].map((variantIndex) => ({
        orderId: served.orderId,
        workspaceId: served.workspaceId,
        advertiserAccountId: served.advertiserAccountId,
        variantIndex,
        content: { kind: 'text', text: `Variant ${variantIndex}` },
      })),
    );
    await tx.update(channels).set({ subscribers: 1_000 }).where(eq(channels.id, served.channelId));
    for (const [i, clicks] of [30, 3].entries())
      await tx
        .update(placements)
        .set({ variantIndex: i, uniqueClicks: clicks, clicks })
        .where(eq(placements.id, served.placementIds[i]!));
  });
});
afterAll(async () => {
  await database?.close();
});

describe('the A/B decision', () => {
  it('reads each variant’s evidence and chance', async () => {
    const test = await database.withSystem('test read', (tx) => readAbTest(tx, served.orderId));
    expect(test?.variants.map((v) => [v.variantIndex, v.posts, v.reach, v.clicks])).toEqual([
      [0, 1, 1_000, 30],
      [1, 1, 1_000, 3],
    ]);
    expect(test?.leader).toBe(0);
    expect(test?.variants[0]?.probability).toBeGreaterThan(0.999);
    expect(test?.winner).toBeNull();
  });

  it('two posts claimed at once: the winner is recorded once, both go out with it', async () => {
    const at = utc('2032-05-03T09:00:00');
    const post = { orderId: served.orderId, workspaceId: served.workspaceId, variantIndex: 1 };
    const chosen = await Promise.all(
      [1, 2].map(() => database.withSystem('test: claim', (tx) => variantForPost(tx, post, at))),
    );
    expect(chosen).toEqual([0, 0]);
    const [order] = await database.withSystem('test read', (tx) =>
      tx.select().from(orders).where(eq(orders.id, served.orderId)),
    );
    expect([order?.abWinner, order?.abDecidedAt]).toEqual([0, at]);
    expect(order?.abProbability).toBeGreaterThan(0.999);
    const audits = await database.withSystem('test read', (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.objectId, served.orderId), eq(auditLog.action, 'order.ab_winner'))),
    );
    expect(audits).toHaveLength(1);
    // Later evidence does not change a recorded winner.
    await database.withSystem('test: B catches up', (tx) =>
      tx
        .update(placements)
        .set({ uniqueClicks: 300 })
        .where(eq(placements.id, served.placementIds[1]!)),
    );
    expect(await database.withSystem('test: claim', (tx) => variantForPost(tx, post, at))).toBe(0);
  });

  it('one variant is no test: a post keeps its own', async () => {
    const single = await makeServedOrder(database, {
      base: utc('2032-05-01T09:00:00'),
      amount: 100_000,
      currency: 'RUB',
    });
    const post = { orderId: single.orderId, workspaceId: single.workspaceId, variantIndex: 0 };
    expect(
      await database.withSystem('test', (tx) => readAbTest(tx, single.orderId)),
    ).toBeUndefined();
    expect(await database.withSystem('test', (tx) => variantForPost(tx, post, new Date()))).toBe(0);
  });
});
