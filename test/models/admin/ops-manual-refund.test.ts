import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareManualRefund } from '../../../models/admin/manual-refund.js';
import type { Clock } from '../../../models/clock.js';
import type { Database } from '../../../models/db.js';
import { transitionOrder } from '../../../models/orders/transition-order.js';
import { orders, payments } from '../../../models/schema.js';
import { createTestDatabase } from '../../helpers/db.js';
import { makeServedOrder } from '../../factories/placements.js';

let database: Database;
const base = new Date(Date.UTC(2031, 6, 1, 10));
const clock: Clock = { now: () => new Date(base.getTime() + 3_600_000), offsetMs: () => 0 };
const admin = { telegramId: 424242, name: 'Ada' };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const read = (orderId: string) =>
  database.withSystem('test read', async (tx) => ({
    order: (await tx.select().from(orders).where(eq(orders.id, orderId)))[0]!,
    payment: (await tx.select().from(payments).where(eq(payments.orderId, orderId)))[0]!,
  }));

describe('manual refund by an admin', () => {
  it('refuses an order that is live or under dispute and not settled: its escrow must be split first', async () => {
    const o = await makeServedOrder(database, {
      base,
      amount: 1_000,
      placements: [{ format: '1/24', publishedAfterHours: 0, status: 'published' }],
    });
    const input = { orderId: o.orderId, admin, reason: 'Owner unreachable' };
    expect(await prepareManualRefund(database, input, clock)).toMatchObject({
      ok: false,
      code: 'running',
    });
    await database.withScope({ workspaceId: o.workspaceId }, (tx) =>
      transitionOrder(tx, {
        orderId: o.orderId,
        from: ['published'],
        to: 'disputed',
        actor: 'test',
        at: clock.now(),
      }),
    );
    expect(await prepareManualRefund(database, input, clock)).toMatchObject({
      ok: false,
      code: 'running',
    });
    const after = await read(o.orderId);
    expect(after.order.status).toBe('disputed');
    expect(after.payment.status).toBe('succeeded');
  });
});
