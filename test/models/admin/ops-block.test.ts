import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  blockAccount,
  blockChannel,
  unblockAccount,
  unblockChannel,
} from '../../../models/admin/block.js';
import { createTestClock } from '../../../models/clock.js';
import type { Database } from '../../../models/db.js';
import { balanceOf } from '../../../models/ledger/queries.js';
import { holdSlot } from '../../../models/orders/hold-slot.js';
import { refundOrderPayment } from '../../../models/payments/refund-order.js';
import type { PaymentRefunder } from '../../../models/providers/types.js';
import { auditLog, channels, orders, payments, slots } from '../../../models/schema.js';
import { createTestDatabase } from '../../helpers/db.js';
import { deliverEvents } from '../../helpers/outbox.js';
import { makeAccount } from '../../factories/accounts.js';
import { makeChannel } from '../../factories/channels.js';
import { makeOrder } from '../../factories/orders.js';

let database: Database;
const clock = createTestClock(0);
const admin = { telegramId: 424242, name: 'Ada' };
const hour = 3_600_000;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

/** A selling channel with `n` free slots, one a day from tomorrow on the hour. */
async function sellingChannel(n: number) {
  const base = Math.ceil(clock.now().getTime() / hour) * hour;
  const startsAt = Array.from({ length: n }, (_, i) => new Date(base + (i + 1) * 24 * hour));
  const tenant = await makeChannel(database, { slots: startsAt });
  return { ...tenant, startsAt };
}

const system = <T>(fn: Parameters<Database['withSystem']>[1]) =>
  database.withSystem('test read', fn) as Promise<T>;

async function jobsWithKey(key: string): Promise<number> {
  await deliverEvents(database);
  const rows = await database.withSystem('test read', (tx) =>
    tx.execute(
      sql`select count(*)::int as n from agenda_jobs where name = 'notifications.send' and data->>'key' = ${key}`,
    ),
  );
  return Number((rows.rows[0] as { n: number }).n);
}

describe('blockChannel / unblockChannel', () => {
  it('blocks with a reason: future orders cancelled (paid ones refundable in full), slots freed, published left, everyone told, audited', async () => {
    const tenant = await sellingChannel(4);
    const advertiser = (await makeAccount(database)).id;
    const at = clock.now();
    const base = {
      channel: tenant,
      advertiser,
      at,
      payment: { amount: 770 },
      marking: null,
      creative: null,
    };
    const held = await makeOrder(database, {
      ...base,
      slotIds: [tenant.slotIds[0]!],
      status: 'held',
    });
    const review = await makeOrder(database, {
      ...base,
      slotIds: [tenant.slotIds[1]!],
      status: 'in_review',
    });
    const scheduled = await makeOrder(database, {
      ...base,
      slotIds: [tenant.slotIds[2]!],
      status: 'scheduled',
    });
    const live = await makeOrder(database, {
      ...base,
      slotIds: [tenant.slotIds[3]!],
      status: 'published',
    });
    const escrowBefore = await database.withScope({ workspaceId: tenant.workspaceId }, (tx) =>
      balanceOf(tx, 'escrow', 'XTR'),
    );
    expect(escrowBefore).toBe(-3 * 770);
    const blockedBefore = await jobsWithKey('admin-ops-channel-blocked-owner');

    const result = await blockChannel(
      database,
      { channelId: tenant.id, admin, reason: '  Sells   fake followers ' },
      clock,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.orders.map((o) => [o.orderId, o.paid]).sort()).toEqual(
      [
        [held.orderId, false],
        [review.orderId, true],
        [scheduled.orderId, true],
      ].sort(),
    );
    const state = await system<{
      channel: typeof channels.$inferSelect;
      orderRows: { id: string; status: string; statusReason: string | null }[];
      slotRows: { orderId: string | null; status: string }[];
    }>(async (tx) => ({
      channel: (await tx.select().from(channels).where(eq(channels.id, tenant.id)))[0],
      orderRows: await tx
        .select({ id: orders.id, status: orders.status, statusReason: orders.statusReason })
        .from(orders)
        .where(eq(orders.workspaceId, tenant.workspaceId)),
      slotRows: await tx
        .select({ orderId: slots.orderId, status: slots.status })
        .from(slots)
        .where(eq(slots.channelId, tenant.id)),
    }));
    expect(state.channel).toMatchObject({
      status: 'blocked',
      statusReason: 'Sells fake followers',
    });
    const statusOf = (id: string) => state.orderRows.find((o) => o.id === id);
    for (const o of [held, review, scheduled])
      expect(statusOf(o.orderId)).toMatchObject({
        status: 'cancelled',
        statusReason: 'channel_blocked',
      });
    expect(statusOf(live.orderId)?.status).toBe('published');
    expect(state.slotRows.filter((s) => s.status === 'free' && s.orderId === null)).toHaveLength(3);
    expect(state.slotRows.find((s) => s.orderId === live.orderId)?.status).toBe('published');
    expect(await jobsWithKey('admin-ops-channel-blocked-owner')).toBe(blockedBefore + 1);
    expect(await jobsWithKey('admin-ops-order-cancelled-paid')).toBeGreaterThanOrEqual(2);

    // The edge then refunds the paid ones through their provider: escrow back to zero.
    const calls: string[] = [];
    const stars: PaymentRefunder = async (request) => {
      calls.push(request.providerPaymentId);
      return { ok: true, refundId: request.providerPaymentId, status: 'succeeded' };
    };
    for (const o of result.value.orders.filter((x) => x.paid)) {
      const refunded = await refundOrderPayment(
        database,
        {
          workspaceId: o.workspaceId,
          orderId: o.orderId,
          actor: `admin:${admin.telegramId}`,
          refunders: { stars },
        },
        clock,
      );
      expect(refunded.ok).toBe(true);
    }
    expect(calls.sort()).toEqual([review.payment?.chargeId, scheduled.payment?.chargeId].sort());
    const after = await system<{ status: string }[]>((tx) =>
      tx
        .select({ status: orders.status })
        .from(orders)
        .where(inArray(orders.id, [review.orderId, scheduled.orderId])),
    );
    expect(after.map((o) => o.status)).toEqual(['refunded', 'refunded']);
    const escrowAfter = await database.withScope({ workspaceId: tenant.workspaceId }, (tx) =>
      balanceOf(tx, 'escrow', 'XTR'),
    );
    expect(escrowAfter).toBe(-770); // only the published order's money is still held
    const refundedPayments = await system<{ n: number }[]>((tx) =>
      tx
        .select({ n: sql<number>`count(*)::int` })
        .from(payments)
        .where(and(eq(payments.workspaceId, tenant.workspaceId), eq(payments.status, 'refunded'))),
    );
    expect(refundedPayments[0]?.n).toBe(2);

    const audit = await system<
      { actor: string; action: string; objectId: string | null; data: Record<string, unknown> }[]
    >((tx) =>
      tx
        .select({
          actor: auditLog.actor,
          action: auditLog.action,
          objectId: auditLog.objectId,
          data: auditLog.data,
        })
        .from(auditLog)
        .where(eq(auditLog.workspaceId, tenant.workspaceId)),
    );
    const blockedRow = audit.find((r) => r.action === 'channel.blocked');
    expect(blockedRow).toMatchObject({
      actor: 'admin:424242',
      objectId: tenant.id,
      data: { reason: 'Sells fake followers', admin: 'Ada' },
    });
    expect(
      audit.filter((r) => r.action === 'order.cancelled' && r.actor === 'admin:424242'),
    ).toHaveLength(3);
    expect(
      audit.filter((r) => r.action === 'payment.refunded' || r.action === 'order.refunded').length,
    ).toBeGreaterThanOrEqual(2);

    // Blocked: a second block is refused; an advertiser cannot hold its free slots.
    expect(
      await blockChannel(database, { channelId: tenant.id, admin, reason: 'again' }, clock),
    ).toMatchObject({
      ok: false,
      code: 'already_blocked',
    });
    const other = (await makeAccount(database)).id;
    const hold = await holdSlot(
      database,
      {
        accountId: other,
        channelId: tenant.id,
        startsAt: tenant.startsAt[0]!,
        format: '1/24',
      },
      clock,
    );
    expect(hold).toMatchObject({ ok: false, code: 'channel_not_found' });

    // Unblocked: on sale again at once (its slots were kept free).
    const lifted = await unblockChannel(database, { channelId: tenant.id, admin }, clock);
    expect(lifted).toMatchObject({ ok: true, value: { status: 'active' } });
    const again = await holdSlot(
      database,
      {
        accountId: other,
        channelId: tenant.id,
        startsAt: tenant.startsAt[0]!,
        format: '1/24',
      },
      clock,
    );
    expect(again.ok).toBe(true);
    expect(await unblockChannel(database, { channelId: tenant.id, admin }, clock)).toMatchObject({
      ok: false,
      code: 'not_blocked',
    });
    const unblockedRows = await system<unknown[]>((tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'channel.unblocked'), eq(auditLog.objectId, tenant.id))),
    );
    expect(unblockedRows).toHaveLength(1);
  });

  it('refuses a too-short reason or an unknown channel and changes nothing', async () => {
    const tenant = await sellingChannel(1);
    expect(
      await blockChannel(database, { channelId: tenant.id, admin, reason: ' x ' }, clock),
    ).toMatchObject({
      ok: false,
      code: 'reason_invalid',
    });
    expect(
      await blockChannel(
        database,
        { channelId: '00000000-0000-4000-8000-000000000000', admin, reason: 'spam spam' },
        clock,
      ),
    ).toMatchObject({ ok: false, code: 'not_found' });
    const [row] = await system<{ status: string }[]>((tx) =>
      tx.select({ status: channels.status }).from(channels).where(eq(channels.id, tenant.id)),
    );
    expect(row?.status).toBe('active');
  });
});

describe('blockAccount / unblockAccount', () => {
  it('a blocked account cannot hold a slot and learns the reason; unblocked, it can', async () => {
    const tenant = await sellingChannel(1);
    const advertiser = (await makeAccount(database)).id;
    const blocked = await blockAccount(
      database,
      { accountId: advertiser, admin, reason: 'Chargeback fraud' },
      clock,
    );
    expect(blocked.ok).toBe(true);
    expect(
      await blockAccount(database, { accountId: advertiser, admin, reason: 'twice' }, clock),
    ).toMatchObject({
      ok: false,
      code: 'already_blocked',
    });
    const input = {
      accountId: advertiser,
      channelId: tenant.id,
      startsAt: tenant.startsAt[0]!,
      format: '1/24',
    };
    expect(await holdSlot(database, input, clock)).toEqual({
      ok: false,
      code: 'account_blocked',
      detail: { reason: 'Chargeback fraud' },
    });
    expect(await jobsWithKey('admin-ops-account-blocked')).toBeGreaterThanOrEqual(1);
    expect((await unblockAccount(database, { accountId: advertiser, admin }, clock)).ok).toBe(true);
    expect((await holdSlot(database, input, clock)).ok).toBe(true);
    const rows = await system<{ action: string; actor: string }[]>((tx) =>
      tx
        .select({ action: auditLog.action, actor: auditLog.actor })
        .from(auditLog)
        .where(and(eq(auditLog.objectType, 'account'), eq(auditLog.objectId, advertiser))),
    );
    expect(rows.map((r) => r.action).sort()).toEqual(['account.blocked', 'account.unblocked']);
    expect(rows.every((r) => r.actor === 'admin:424242')).toBe(true);
  });
});
