import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../models/db.js';
import {
  markOrderSlotsBooked,
  releaseOrderSlots,
} from '../../../models/orders/release-order-slots.js';
import { transitionOrder } from '../../../models/orders/transition-order.js';
import { isLegalTransition, orderTransitions } from '../../../models/orders/transitions.js';
import { auditLog, orders, slots } from '../../../models/schema.js';
import { createTestDatabase } from '../../helpers/db.js';
import { makeAccount } from '../../factories/accounts.js';
import { makeChannel } from '../../factories/channels.js';

let database: Database;
let workspaceId: string;
let advertiserId: string;
let slotIds: string[];
const at = new Date('2030-01-01T00:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  const tenant = await makeChannel(database, {
    slots: [new Date('2030-01-02T10:00:00Z'), new Date('2030-01-02T14:00:00Z')],
  });
  workspaceId = tenant.workspaceId;
  slotIds = tenant.slotIds;
  advertiserId = (await makeAccount(database)).id;
});

afterAll(async () => {
  await database?.close();
});

const scope = () => ({ workspaceId, accountId: advertiserId });

async function newOrder(status: 'draft' | 'held' = 'held'): Promise<string> {
  const [row] = await database.withScope(scope(), (tx) =>
    tx
      .insert(orders)
      .values({ workspaceId, advertiserAccountId: advertiserId, currency: 'RUB', status })
      .returning({ id: orders.id }),
  );
  return row?.id ?? '';
}

describe('transitionOrder', () => {
  it('moves a held order to awaiting_payment, sets fields and writes an audit row', async () => {
    const orderId = await newOrder();
    const result = await database.withScope(scope(), (tx) =>
      transitionOrder(tx, {
        orderId,
        from: ['held'],
        to: 'awaiting_payment',
        actor: `account:${advertiserId}`,
        reason: 'invoice',
        at,
        set: { statusReason: 'invoice sent' },
      }),
    );
    expect(result).toEqual({
      ok: true,
      value: {
        id: orderId,
        from: 'held',
        status: 'awaiting_payment',
        workspaceId,
        advertiserAccountId: advertiserId,
      },
    });
    const audit = await database.withScope({ workspaceId }, (tx) =>
      tx.select().from(auditLog).where(eq(auditLog.objectId, orderId)),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.action).toBe('order.awaiting_payment');
    expect(audit[0]?.data).toEqual({ from: 'held', to: 'awaiting_payment', reason: 'invoice' });
    const [order] = await database.withScope(scope(), (tx) =>
      tx.select().from(orders).where(eq(orders.id, orderId)),
    );
    expect(order?.statusReason).toBe('invoice sent');
  });

  it('refuses a move the state machine forbids and one from an unexpected state', async () => {
    const orderId = await newOrder();
    const run = (from: ('held' | 'paid')[], to: 'scheduled' | 'cancelled') =>
      database.withScope(scope(), (tx) =>
        transitionOrder(tx, { orderId, from, to, actor: 'system:test', at }),
      );
    expect(await run(['held'], 'scheduled')).toMatchObject({
      ok: false,
      code: 'illegal_transition',
    });
    expect(await run(['paid'], 'cancelled')).toMatchObject({
      ok: false,
      code: 'illegal_transition',
    });
    expect(await run(['held'], 'cancelled')).toMatchObject({ ok: true });
  });

  it('reports an unknown order', async () => {
    const result = await database.withScope(scope(), (tx) =>
      transitionOrder(tx, {
        orderId: '00000000-0000-4000-8000-000000000000',
        from: ['held'],
        to: 'expired',
        actor: 'system:test',
        at,
      }),
    );
    expect(result).toEqual({ ok: false, code: 'not_found' });
  });

  it('has terminal states with no way out (completed only into a dispute)', () => {
    for (const s of ['expired', 'refunded'] as const) {
      expect(orderTransitions[s]).toEqual([]);
    }
    expect(orderTransitions.completed).toEqual(['disputed']);
    expect(isLegalTransition('in_review', 'rejected')).toBe(true);
    expect(isLegalTransition('in_review', 'expired')).toBe(false);
  });
});

describe('releaseOrderSlots and markOrderSlotsBooked', () => {
  it('books held slots, then frees them', async () => {
    const orderId = await newOrder();
    await database.withScope(scope(), (tx) =>
      tx
        .update(slots)
        .set({ status: 'held', orderId, holdExpiresAt: at, format: '1/24' })
        .where(eq(slots.workspaceId, workspaceId)),
    );
    const booked = await database.withScope(scope(), (tx) => markOrderSlotsBooked(tx, orderId, at));
    expect(booked).toBe(2);
    const freed = await database.withScope(scope(), (tx) => releaseOrderSlots(tx, orderId, at));
    expect(freed).toBe(2);
    const rows = await database.withScope({ workspaceId }, (tx) =>
      tx
        .select()
        .from(slots)
        .where(and(eq(slots.workspaceId, workspaceId), eq(slots.status, 'free'))),
    );
    expect(rows.map((r) => r.id).sort()).toEqual([...slotIds].sort());
    expect(
      rows.every((r) => r.orderId === null && r.format === null && r.holdExpiresAt === null),
    ).toBe(true);
  });
});
