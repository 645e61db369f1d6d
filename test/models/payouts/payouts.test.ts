import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../../models/clock.js';
import type { Database } from '../../../models/db.js';
import { balanceOf } from '../../../models/ledger/queries.js';
import { postRefundAfterSettlement } from '../../../models/ledger/refund-after-settlement.js';
import { ownerBalances } from '../../../models/payouts/balances.js';
import {
  approvePayout,
  markPayoutPaid,
  rejectPayout,
} from '../../../models/payouts/decide-payout.js';
import { payoutHistory } from '../../../models/payouts/queries.js';
import { requestPayout } from '../../../models/payouts/request-payout.js';
import { adminCards, auditLog, workspaceMembers } from '../../../models/schema.js';
import { createTestDatabase } from '../../helpers/db.js';
import { deliverEvents } from '../../helpers/outbox.js';
import { makeAccount } from '../../factories/accounts.js';
import { makeTenant } from '../../factories/channels.js';
import { makeEarningOrder, makeSettledEarnings } from '../../factories/payouts.js';

let database: Database;
const base = new Date(Date.UTC(2031, 2, 10, 10));
const later = new Date(Date.UTC(2031, 3, 20, 12));
const clock: Clock = { now: () => later, offsetMs: () => 0 };
const admin = { telegramId: 9001, name: 'Ada' };
const card = { method: 'card', details: '4111 1111 1111 1234' };

beforeAll(async () => {
  database = await createTestDatabase();
}, 60_000);
afterAll(async () => {
  await database?.close();
});

const available = async (workspaceId: string, currency: 'RUB' | 'USD' | 'XTR') =>
  (await ownerBalances(database, workspaceId)).find((b) => b.currency === currency)?.available ?? 0;

const systemRead = <T>(fn: Parameters<Database['withSystem']>[1]) =>
  database.withSystem('test read', fn) as Promise<T>;

describe('owner balances', () => {
  it('derives available, pending and earnings by UTC month from the journal', async () => {
    const t = await makeTenant(database);
    await makeSettledEarnings(database, t, { amount: 500_000, currency: 'RUB', base });
    await makeSettledEarnings(database, t, { amount: 250_001, currency: 'RUB', base });
    await makeSettledEarnings(database, t, { amount: 3_000, currency: 'XTR', base });
    const balances = await ownerBalances(database, t.workspaceId);
    const rub = balances.find((b) => b.currency === 'RUB')!;
    // 500 000 → owner 400 000; 250 001 → fee 50 000, owner 200 001
    expect(rub.available).toBe(600_001);
    expect(rub.receivable).toBe(0);
    expect(rub.pending).toBe(0);
    expect(rub.earnedByMonth).toEqual([{ month: '2031-03', amount: 600_001 }]);
    expect(balances.find((b) => b.currency === 'XTR')!.available).toBe(2_400);
    expect(balances.map((b) => b.currency)).toEqual(['RUB', 'XTR']);
    // A paid order still running: its escrow is pending, nothing more is available.
    await makeEarningOrder(database, t, { amount: 70_000, currency: 'RUB', base });
    const after = (await ownerBalances(database, t.workspaceId)).find((b) => b.currency === 'RUB')!;
    expect(after).toMatchObject({ available: 600_001, pending: 70_000 });
  });
});

describe('requestPayout', () => {
  it('refuses bad amounts, details, managers, overdrafts and a second open request', async () => {
    const t = await makeTenant(database);
    await makeSettledEarnings(database, t, { amount: 500_000, currency: 'RUB', base });
    const ask = (over: Partial<Parameters<typeof requestPayout>[1]> = {}) =>
      requestPayout(
        database,
        {
          workspaceId: t.workspaceId,
          accountId: t.accountId,
          amount: 150_000,
          currency: 'RUB',
          destination: card,
          ...over,
        },
        clock,
      );
    expect(await ask({ amount: 99_999 })).toMatchObject({ ok: false, code: 'below_minimum' });
    expect(await ask({ amount: 400_001 })).toMatchObject({
      ok: false,
      code: 'insufficient_funds',
      detail: { available: 400_000 },
    });
    expect(await ask({ destination: { method: 'card', details: '12' } })).toMatchObject({
      ok: false,
      code: 'details_too_short',
    });
    expect(
      await ask({ destination: { method: 'paypal', details: 'me@example.com' } }),
    ).toMatchObject({ ok: false, code: 'invalid_method' });
    const manager = (await makeAccount(database)).id;
    await database.withSystem('test seed', (tx) =>
      tx
        .insert(workspaceMembers)
        .values({ workspaceId: t.workspaceId, accountId: manager, role: 'manager' }),
    );
    expect(await ask({ accountId: manager })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(
      await database.withSystem('test read', (tx) => payoutHistory(tx, t.workspaceId)),
    ).toHaveLength(0);

    const first = await ask();
    expect(first.ok).toBe(true);
    expect(await ask({ amount: 100_000 })).toMatchObject({ ok: false, code: 'open_request' });
    // No posting at request time; the outbox opens the admin card with its render job.
    expect(await available(t.workspaceId, 'RUB')).toBe(400_000);
    await deliverEvents(database);
    const jobs = await systemRead<{ rows: unknown[] }>((tx) =>
      tx.execute(
        sql`select 1 from agenda_jobs j join admin_cards c on c.id::text = j.data->>'cardId'
            where j.name = 'admin.card-render' and c.kind = 'payout'
              and c.object_id = ${first.ok ? first.value.payoutId : null}`,
      ),
    );
    expect(jobs.rows).toHaveLength(1);
  });
});

describe('approve, mark paid, reject', () => {
  it('approval posts owner → payouts:pending, paid posts → provider:manual, receipt queued', async () => {
    const t = await makeTenant(database);
    await makeSettledEarnings(database, t, { amount: 500_000, currency: 'RUB', base });
    const asked = await requestPayout(
      database,
      {
        workspaceId: t.workspaceId,
        accountId: t.accountId,
        amount: 150_000,
        currency: 'RUB',
        destination: card,
      },
      clock,
    );
    if (!asked.ok) throw new Error(asked.code);
    const payoutId = asked.value.payoutId;
    // Two admins press Approve at once: exactly one posting.
    const [a, b] = await Promise.all([
      approvePayout(database, { payoutId, admin }, clock),
      approvePayout(database, { payoutId, admin: { telegramId: 9002, name: 'Bob' } }, clock),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect(await available(t.workspaceId, 'RUB')).toBe(250_000);
    expect((await ownerBalances(database, t.workspaceId))[0]!.payingOut).toBe(150_000);
    expect(await markPayoutPaid(database, { payoutId, admin }, clock)).toMatchObject({ ok: true });
    expect(await markPayoutPaid(database, { payoutId, admin }, clock)).toMatchObject({
      ok: false,
      code: 'already_decided',
    });
    const [history] = await database.withSystem('test read', (tx) =>
      payoutHistory(tx, t.workspaceId),
    );
    expect(history).toMatchObject({ status: 'paid', amount: 150_000, method: 'card' });
    await deliverEvents(database);
    await database.withSystem('test read', async (tx) => {
      expect(await balanceOf(tx, 'payouts:pending', 'RUB')).toBe(0);
      const [row] = await tx
        .select()
        .from(adminCards)
        .where(and(eq(adminCards.kind, 'payout'), eq(adminCards.objectId, payoutId)));
      expect(row).toMatchObject({ status: 'decided', decision: 'paid', decidedByName: 'Ada' });
      const actions = await tx
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.objectId, payoutId));
      expect(actions.map((r) => r.action).sort()).toEqual([
        'payout.approved',
        'payout.paid',
        'payout.requested',
      ]);
      const { rows } = await tx.execute<{ key: string; destination: string }>(
        sql`select data->>'key' as key, data->'vars'->>'destination' as destination from agenda_jobs
            where name = 'notifications.send' and data->>'accountId' = ${t.accountId}
              and data->>'key' like 'balance-payout-%'`,
      );
      expect(rows.map((r) => r.key).sort()).toEqual([
        'balance-payout-approved',
        'balance-payout-receipt',
      ]);
      expect(rows[0]!.destination).toBe('•••• 1234');
    });
  });

  it('rejecting an approved payout gives the money back; approval re-checks the balance', async () => {
    const t = await makeTenant(database);
    const order = await makeSettledEarnings(database, t, {
      amount: 500_000,
      currency: 'RUB',
      base,
    });
    const ask = () =>
      requestPayout(
        database,
        {
          workspaceId: t.workspaceId,
          accountId: t.accountId,
          amount: 300_000,
          currency: 'RUB',
          destination: card,
        },
        clock,
      );
    const first = await ask();
    if (!first.ok) throw new Error(first.code);
    await approvePayout(database, { payoutId: first.value.payoutId, admin }, clock);
    expect(await available(t.workspaceId, 'RUB')).toBe(100_000);
    const rejected = await rejectPayout(
      database,
      { payoutId: first.value.payoutId, admin, reason: 'Card number is wrong' },
      clock,
    );
    expect(rejected).toMatchObject({ ok: true, value: { status: 'rejected' } });
    expect(await available(t.workspaceId, 'RUB')).toBe(400_000);

    const second = await ask();
    if (!second.ok) throw new Error(second.code);
    // A refund after settlement lands between the request and the approval.
    await database.withScope({ workspaceId: t.workspaceId }, (tx) =>
      postRefundAfterSettlement(tx, {
        workspaceId: t.workspaceId,
        orderId: order.orderId,
        amount: 250_000,
        currency: 'RUB',
        provider: 'yookassa',
        at: later,
      }),
    );
    expect(await available(t.workspaceId, 'RUB')).toBe(200_000);
    expect(
      await approvePayout(database, { payoutId: second.value.payoutId, admin }, clock),
    ).toMatchObject({ ok: false, code: 'insufficient_funds', detail: { available: 200_000 } });
  });
});

describe('refund after payout', () => {
  it('leaves a receivable that the next settlement fills before anything is available', async () => {
    const t = await makeTenant(database);
    const order = await makeSettledEarnings(database, t, {
      amount: 200_000,
      currency: 'USD',
      base,
    });
    expect(await available(t.workspaceId, 'USD')).toBe(160_000);
    const asked = await requestPayout(
      database,
      {
        workspaceId: t.workspaceId,
        accountId: t.accountId,
        amount: 160_000,
        currency: 'USD',
        destination: { method: 'bank', details: 'DE89 3704 0044 0532 0130 00' },
      },
      clock,
    );
    if (!asked.ok) throw new Error(asked.code);
    await approvePayout(database, { payoutId: asked.value.payoutId, admin }, clock);
    await markPayoutPaid(database, { payoutId: asked.value.payoutId, admin }, clock);
    // The whole order is refunded after the owner was paid: 80 % of it is now owed by the owner.
    const posted = await database.withScope({ workspaceId: t.workspaceId }, (tx) =>
      postRefundAfterSettlement(tx, {
        workspaceId: t.workspaceId,
        orderId: order.orderId,
        amount: 200_000,
        currency: 'USD',
        provider: 'stripe',
        at: later,
      }),
    );
    expect(posted).toMatchObject({ owner: 160_000, fee: 40_000 });
    let usd = (await ownerBalances(database, t.workspaceId)).find((b) => b.currency === 'USD')!;
    expect(usd).toMatchObject({ available: 0, receivable: 160_000 });
    // Next settlement of 150 000: owner share 120 000 only shrinks the hole.
    await makeSettledEarnings(database, t, { amount: 150_000, currency: 'USD', base });
    usd = (await ownerBalances(database, t.workspaceId)).find((b) => b.currency === 'USD')!;
    expect(usd).toMatchObject({ available: 0, receivable: 40_000 });
    // One more of 100 000 (owner 80 000): 40 000 fills the rest, 40 000 becomes available.
    await makeSettledEarnings(database, t, { amount: 100_000, currency: 'USD', base });
    usd = (await ownerBalances(database, t.workspaceId)).find((b) => b.currency === 'USD')!;
    expect(usd).toMatchObject({ available: 40_000, receivable: 0 });
  });

  it('repeated partial refunds never take more fee than the order paid, and sum exactly', async () => {
    const t = await makeTenant(database);
    const order = await makeSettledEarnings(database, t, { amount: 6, currency: 'XTR', base });
    // settled 6: fee round(1.2) = 1, owner 5. Two refunds of 3 would take 1 + 1 fee at a flat 20 %.
    const refund = (amount: number) =>
      database.withScope({ workspaceId: t.workspaceId }, (tx) =>
        postRefundAfterSettlement(tx, {
          workspaceId: t.workspaceId,
          orderId: order.orderId,
          amount,
          currency: 'XTR',
          provider: 'stars',
          creditAccount: `advertiser:${order.advertiserAccountId}`,
          at: later,
        }),
      );
    const one = await refund(3);
    const two = await refund(3);
    expect(one.owner + one.fee).toBe(3);
    expect(two.owner + two.fee).toBe(3);
    expect(one.fee + two.fee).toBe(1);
    expect(one.owner + two.owner).toBe(5);
  });
});
