import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock, type TestClock } from '../../../models/clock.js';
import type { Database } from '../../../models/db.js';
import { openDispute } from '../../../models/disputes/open-dispute.js';
import { resolveDispute } from '../../../models/disputes/resolve-dispute.js';
import { parseMajorAmount } from '../../../models/disputes/rules.js';
import { balanceOf } from '../../../models/ledger/queries.js';
import type { PaymentRefunder } from '../../../models/providers/types.js';
import { adminCards, auditLog, disputes, orders, payments } from '../../../models/schema.js';
import { settlePlacement } from '../../../models/settlement/settle-placement.js';
import { createTestDatabase } from '../../helpers/db.js';
import { deliverEvents } from '../../helpers/outbox.js';
import { makeAccount } from '../../factories/accounts.js';
import { type ServedOrder, makeServedOrder } from '../../factories/placements.js';

let database: Database;
const hour = 3_600_000;
const clock: TestClock = createTestClock();
const admin = { telegramId: 700_001, name: 'Ada' };
const starsCalls: string[] = [];
const stars: PaymentRefunder = async (request) => {
  starsCalls.push(request.providerPaymentId);
  return { ok: true, refundId: request.providerPaymentId, status: 'succeeded' };
};
const evidence = { chatId: 42, messageId: 7 };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const read = <T>(fn: Parameters<Database['withSystem']>[1]) =>
  database.withSystem('test read', fn) as Promise<T>;

async function money(o: ServedOrder) {
  return database.withSystem('test read', async (tx) => {
    const trial = await tx.execute<{ sum: string }>(
      sql`select coalesce(sum(amount), 0)::text as sum from ledger_entries where currency = 'XTR'`,
    );
    return {
      owner: await balanceOf(tx, `owner:${o.workspaceId}`, 'XTR'),
      advertiser: await balanceOf(tx, `advertiser:${o.advertiserAccountId}`, 'XTR'),
      fees: await balanceOf(tx, 'platform:fees', 'XTR'),
      escrow: await balanceOf(tx, 'escrow', 'XTR'),
      trial: Number(trial.rows[0]?.sum ?? 0),
    };
  });
}
const orderOf = (id: string) =>
  read<(typeof orders.$inferSelect)[]>((tx) => tx.select().from(orders).where(eq(orders.id, id)));
const disputeOf = (id: string) =>
  read<(typeof disputes.$inferSelect)[]>((tx) =>
    tx.select().from(disputes).where(eq(disputes.id, id)),
  );

describe('parseMajorAmount', () => {
  it('turns major units into exact minor units, without floats', () => {
    expect(parseMajorAmount('150', 'RUB')).toEqual({ ok: true, value: 15_000 });
    expect(parseMajorAmount('150.5', 'USD')).toEqual({ ok: true, value: 15_050 });
    expect(parseMajorAmount('0,07', 'EUR')).toEqual({ ok: true, value: 7 });
    expect(parseMajorAmount('1 234,56', 'RUB')).toEqual({ ok: true, value: 123_456 });
    expect(parseMajorAmount('300', 'XTR')).toEqual({ ok: true, value: 300 });
    for (const bad of ['', '0', '1.234', '-5', 'abc', '1e3', '12.']) {
      expect(parseMajorAmount(bad, 'RUB').ok).toBe(false);
    }
    expect(parseMajorAmount('1.5', 'XTR').ok).toBe(false);
  });
});

describe('opening and resolving disputes', () => {
  it('advertiser disputes a published order; a partial refund settles the rest and credits exactly that amount', async () => {
    const o = await makeServedOrder(database, {
      base: clock.now(),
      amount: 1540,
      placements: [{}],
    });
    const before = await money(o);
    const opened = await openDispute(
      database,
      {
        accountId: o.advertiserAccountId,
        orderId: o.orderId,
        reason: 'Deleted after 2 hours',
        evidence,
      },
      clock,
    );
    expect(opened.ok && opened.value.openerRole).toBe('advertiser');
    if (!opened.ok) return;
    expect((await orderOf(o.orderId))[0]!.status).toBe('disputed');
    // Settlement waits while the dispute is open.
    const waiting = await settlePlacement(database, o.placementIds[0]!, clock.now());
    expect(waiting).toMatchObject({ ok: false, code: 'illegal_state' });
    expect(await money(o)).toEqual(before);
    // The outbox opens the admins' dispute card, once, with its render job.
    await deliverEvents(database);
    const cards = await read<(typeof adminCards.$inferSelect)[]>((tx) =>
      tx.select().from(adminCards).where(eq(adminCards.objectId, opened.value.disputeId)),
    );
    expect(cards.map((c) => [c.kind, c.status])).toEqual([['dispute', 'open']]);
    const queued = await database.pool.query(
      `select 1 from agenda_jobs where name = 'admin.card-render' and data->>'cardId' = $1`,
      [cards[0]!.id],
    );
    expect(queued.rowCount).toBe(1);

    const again = await openDispute(
      database,
      { accountId: o.advertiserAccountId, orderId: o.orderId, reason: 'again', evidence },
      clock,
    );
    expect(again).toMatchObject({ ok: false, code: 'already_open' });

    const tooMuch = await resolveDispute(
      database,
      {
        disputeId: opened.value.disputeId,
        decision: 'partial_refund',
        amount: 1541,
        admin,
        refunders: { stars },
      },
      clock,
    );
    expect(tooMuch).toMatchObject({ ok: false, code: 'amount_too_large' });

    const resolved = await resolveDispute(
      database,
      {
        disputeId: opened.value.disputeId,
        decision: 'partial_refund',
        amount: 300,
        note: 'Deleted early',
        admin,
        refunders: { stars },
      },
      clock,
    );
    expect(resolved).toMatchObject({ ok: true, value: { refunded: 0, credited: 300 } });
    const after = await money(o);
    // Settled 80/20 (1232 / 308), then 300 taken back 80/20 (240 / 60) onto the advertiser's balance.
    expect(after.owner - before.owner).toBe(-1232 + 240);
    expect(after.fees - before.fees).toBe(-308 + 60);
    expect(after.advertiser - before.advertiser).toBe(-300);
    expect(after.escrow - before.escrow).toBe(1540);
    expect(after.trial).toBe(0);
    expect(starsCalls).toEqual([]);
    const [order] = await orderOf(o.orderId);
    expect(order!.status).toBe('completed');
    const [dispute] = await disputeOf(opened.value.disputeId);
    expect(dispute).toMatchObject({
      status: 'resolved',
      decision: 'partial_refund',
      refundAmount: 300,
      currency: 'XTR',
      decisionNote: 'Deleted early',
      decidedByTelegramId: admin.telegramId,
    });
    const second = await resolveDispute(
      database,
      { disputeId: opened.value.disputeId, decision: 'no_refund', admin, refunders: { stars } },
      clock,
    );
    expect(second).toMatchObject({ ok: false, code: 'already_resolved' });
    const audit = await read<{ action: string }[]>((tx) =>
      tx
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.objectId, opened.value.disputeId)),
    );
    expect(audit.map((a) => a.action).sort()).toEqual(['dispute.opened', 'dispute.resolved']);
  });

  it('the owner side disputes a completed order; no refund returns it to completed with balances unchanged', async () => {
    const o = await makeServedOrder(database, {
      base: clock.now(),
      amount: 1000,
      placements: [{}],
    });
    const settled = await settlePlacement(database, o.placementIds[0]!, clock.now());
    expect(settled.ok && settled.value.kind).toBe('settled');
    const before = await money(o);
    const opened = await openDispute(
      database,
      {
        accountId: o.ownerAccountId,
        orderId: o.orderId,
        reason: 'Advertiser asks to remove it',
        evidence,
      },
      clock,
    );
    expect(opened.ok && opened.value.openerRole).toBe('owner');
    if (!opened.ok) return;
    expect((await orderOf(o.orderId))[0]!.status).toBe('disputed');
    const resolved = await resolveDispute(
      database,
      {
        disputeId: opened.value.disputeId,
        decision: 'no_refund',
        note: 'Delivered',
        admin,
        refunders: { stars },
      },
      clock,
    );
    expect(resolved).toMatchObject({ ok: true, value: { refunded: 0, credited: 0 } });
    expect(await money(o)).toEqual(before);
    expect((await orderOf(o.orderId))[0]!.status).toBe('completed');
  });

  it('a full refund before settlement refunds the whole Stars charge out of escrow; the order is refunded', async () => {
    const o = await makeServedOrder(database, {
      base: clock.now(),
      amount: 500,
      placements: [{}],
    });
    const before = await money(o);
    const opened = await openDispute(
      database,
      { accountId: o.advertiserAccountId, orderId: o.orderId, reason: 'Never seen', evidence },
      clock,
    );
    if (!opened.ok) throw new Error(opened.code);
    const resolved = await resolveDispute(
      database,
      {
        disputeId: opened.value.disputeId,
        decision: 'full_refund',
        note: 'Refund',
        admin,
        refunders: { stars },
      },
      clock,
    );
    expect(resolved).toMatchObject({ ok: true, value: { refunded: 500, credited: 0 } });
    const [payment] = await read<(typeof payments.$inferSelect)[]>((tx) =>
      tx.select().from(payments).where(eq(payments.orderId, o.orderId)),
    );
    expect(starsCalls).toEqual([payment!.providerPaymentId]);
    expect(payment!.status).toBe('refunded');
    const after = await money(o);
    expect(after.escrow - before.escrow).toBe(500);
    expect(after.owner).toBe(before.owner);
    expect(after.fees).toBe(before.fees);
    expect(after.trial).toBe(0);
    expect((await orderOf(o.orderId))[0]!.status).toBe('refunded');
  });

  it('a full refund after settlement (Stars) credits the advertiser, taken back 80/20 from owner and platform', async () => {
    const o = await makeServedOrder(database, {
      base: clock.now(),
      amount: 500,
      placements: [{}],
    });
    await settlePlacement(database, o.placementIds[0]!, clock.now());
    const before = await money(o);
    const opened = await openDispute(
      database,
      { accountId: o.advertiserAccountId, orderId: o.orderId, reason: 'Never seen', evidence },
      clock,
    );
    if (!opened.ok) throw new Error(opened.code);
    const resolved = await resolveDispute(
      database,
      {
        disputeId: opened.value.disputeId,
        decision: 'full_refund',
        note: 'Refund',
        admin,
        refunders: { stars },
      },
      clock,
    );
    expect(resolved.ok && resolved.value.refunded + resolved.value.credited).toBe(500);
    const after = await money(o);
    expect(after.owner - before.owner).toBe(400);
    expect(after.fees - before.fees).toBe(100);
    expect(after.trial).toBe(0);
    expect((await orderOf(o.orderId))[0]!.status).toBe('refunded');
  });

  it('a partial refund waits while the ad still runs; no refund then releases the order to settle normally', async () => {
    const o = await makeServedOrder(database, {
      base: clock.now(),
      amount: 900,
      placements: [{ status: 'published' }],
    });
    const opened = await openDispute(
      database,
      { accountId: o.advertiserAccountId, orderId: o.orderId, reason: 'Wrong link', evidence },
      clock,
    );
    if (!opened.ok) throw new Error(opened.code);
    const early = await resolveDispute(
      database,
      {
        disputeId: opened.value.disputeId,
        decision: 'partial_refund',
        amount: 100,
        admin,
        refunders: { stars },
      },
      clock,
    );
    expect(early).toMatchObject({ ok: false, code: 'not_yet' });
    expect((await orderOf(o.orderId))[0]!.status).toBe('disputed');
    const none = await resolveDispute(
      database,
      {
        disputeId: opened.value.disputeId,
        decision: 'no_refund',
        note: 'Link fixed',
        admin,
        refunders: { stars },
      },
      clock,
    );
    expect(none.ok).toBe(true);
    expect((await orderOf(o.orderId))[0]!.status).toBe('published');
  });

  it('two admins deciding at once: exactly one decision and one refund', async () => {
    const o = await makeServedOrder(database, {
      base: clock.now(),
      amount: 800,
      placements: [{}],
    });
    await settlePlacement(database, o.placementIds[0]!, clock.now());
    const before = await money(o);
    const opened = await openDispute(
      database,
      { accountId: o.advertiserAccountId, orderId: o.orderId, reason: 'Late', evidence },
      clock,
    );
    if (!opened.ok) throw new Error(opened.code);
    const decide = (telegramId: number) =>
      resolveDispute(
        database,
        {
          disputeId: opened.value.disputeId,
          decision: 'partial_refund',
          amount: 100,
          admin: { telegramId, name: `Admin ${telegramId}` },
          refunders: { stars },
        },
        clock,
      );
    const results = await Promise.all([decide(1), decide(2), decide(3)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual([
      'already_resolved',
      'already_resolved',
    ]);
    expect((await money(o)).advertiser - before.advertiser).toBe(-100);
  });

  it('refuses strangers, bad reasons, and completed orders past the 7-day window', async () => {
    const o = await makeServedOrder(database, {
      base: clock.now(),
      amount: 100,
      placements: [{}],
    });
    const stranger = (await makeAccount(database)).id;
    const input = { orderId: o.orderId, reason: 'x', evidence };
    expect(await openDispute(database, { ...input, accountId: stranger }, clock)).toMatchObject({
      code: 'not_found',
    });
    const mine = { ...input, accountId: o.advertiserAccountId };
    expect(await openDispute(database, { ...mine, reason: '  ' }, clock)).toMatchObject({
      code: 'reason_empty',
    });
    expect(await openDispute(database, { ...mine, reason: 'a'.repeat(1001) }, clock)).toMatchObject(
      {
        code: 'reason_too_long',
      },
    );
    await settlePlacement(database, o.placementIds[0]!, clock.now());
    clock.setOffsetMs(clock.offsetMs() + 8 * 24 * hour);
    expect(await openDispute(database, mine, clock)).toMatchObject({ code: 'window_closed' });
    expect((await orderOf(o.orderId))[0]!.status).toBe('completed');
  });
});
