import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { adminCardOf, openAdminCardSystem } from '../../../models/admin/cards.js';
import { closeMootAdminCards } from '../../../models/admin/moot-cards.js';
import { prepareInvoice } from '../../../models/checkout/prepare-invoice.js';
import { orderReadiness } from '../../../models/creatives/order-readiness.js';
import type { Database, Tx } from '../../../models/db.js';
import { balanceOf } from '../../../models/ledger/queries.js';
import { notificationJob } from '../../../messages/notification.js';
import { expireHolds } from '../../../models/orders/expire-holds.js';
import { reconcileStarsCharges } from '../../../models/reconciliation/reconcile-stars.js';
import type { StarsRefunder } from '../../../models/payments/refund-order.js';
import {
  readRecentStarsTransactions,
  starsChargeUuid,
  type StarsTransaction,
} from '../../../models/payments/stars-transactions.js';
import { accounts, auditLog, orders, payments, workspaces } from '../../../models/schema.js';
import { subscriptionPayload } from '../../../models/subscriptions/payload.js';
import { createTestDatabase } from '../../helpers/db.js';
import { payWithStars, testStarsRates } from '../../helpers/pay-order.js';
import { manualClock } from '../../helpers/manual-clock.js';
import { deliverEvents } from '../../helpers/outbox.js';
import { makeAccount } from '../../factories/accounts.js';
import { makeTenant } from '../../factories/channels.js';
import { makeOrder } from '../../factories/orders.js';

let database: Database;
const clock = manualClock(new Date(Date.UTC(2031, 6, 1, 9, 0)));
const minute = 60_000;
let telegramSeq = 930_000_000 + Math.floor(Math.random() * 1_000_000);

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

/**
 * Telegram's side, as the use-case sees it: the bot's transactions (newest first) and
 * refundStarPayment, which adds the outgoing transaction under the charge's id as Telegram does.
 */
function fakeTelegram() {
  const transactions: StarsTransaction[] = [];
  const refunds: string[] = [];
  let refuse = false;
  const refund: StarsRefunder = async (payerTelegramId, chargeId) => {
    if (refuse) return { ok: false, alreadyRefunded: false, error: 'Bad Request: BALANCE_TOO_LOW' };
    const paid = transactions.find((t) => t.id === chargeId && t.kind === 'payment');
    if (!paid || paid.user?.telegramId !== payerTelegramId)
      return { ok: false, alreadyRefunded: false, error: 'Bad Request: CHARGE_NOT_FOUND' };
    if (transactions.some((t) => t.id === chargeId && t.kind === 'refund'))
      return { ok: false, alreadyRefunded: true, error: 'Bad Request: CHARGE_ALREADY_REFUNDED' };
    refunds.push(chargeId);
    transactions.unshift({ ...paid, kind: 'refund', at: clock.now(), payload: undefined });
    return { ok: true };
  };
  return {
    refunds,
    refuseRefunds: (value: boolean) => void (refuse = value),
    pay(input: { chargeId: string; telegramId: number; payload: string; amount: number }) {
      transactions.unshift({
        id: input.chargeId,
        kind: 'payment',
        amount: input.amount,
        at: clock.now(),
        user: { telegramId: input.telegramId, firstName: 'Alex' },
        payload: input.payload,
      });
    },
    input: {
      fetchTransactions: async (offset: number, limit: number) =>
        transactions.slice(offset, offset + limit),
      refund,
    },
  };
}

/** A held order of a new advertiser, invoiced (awaiting payment): its payload and Stars amount. */
async function invoicedOrder() {
  telegramSeq += 1;
  const telegramId = telegramSeq;
  const accountId = (await makeAccount(database, { telegramId: telegramId })).id;
  const order = await makeOrder(database, { advertiser: accountId, at: clock.now(), items: 2 });
  const invoice = await prepareInvoice(
    database,
    { accountId, orderId: order.orderId, rates: testStarsRates, readiness: orderReadiness },
    clock,
  );
  if (!invoice.ok) throw new Error(invoice.code);
  return { telegramId, accountId, order, ...invoice.value };
}

const read = <T>(fn: (tx: Tx) => Promise<T>) => database.withSystem('test read', fn);

async function orderOf(orderId: string) {
  const [order] = await read((tx) => tx.select().from(orders).where(eq(orders.id, orderId)));
  const rows = await read((tx) => tx.select().from(payments).where(eq(payments.orderId, orderId)));
  return { status: order?.status, payments: rows.filter((p) => p.provider === 'stars') };
}

const escrowOf = (workspaceId: string) =>
  database.withScope({ workspaceId }, (tx) => balanceOf(tx, 'escrow', 'XTR'));

const auditOf = (chargeId: string) =>
  read((tx) =>
    tx
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectType, 'stars_charge'), eq(auditLog.objectId, chargeId))),
  );

async function noticesTo(telegramId: number) {
  await deliverEvents(database);
  const { rows } = await database.db.execute<{ data: { key: string } }>(
    sql`select data from agenda_jobs where name = ${notificationJob} and (data->>'telegramId')::bigint = ${telegramId}`,
  );
  return rows.map((r) => r.data.key);
}

describe('Stars reconciliation against getStarTransactions', () => {
  it('records a lost order payment once; recorded, refunded and fresh charges are left alone', async () => {
    const telegram = fakeTelegram();
    const lost = await invoicedOrder();
    const seen = await invoicedOrder();
    await payWithStars(database, clock, {
      accountId: seen.accountId,
      orderId: seen.order.orderId,
      chargeId: 'ch-seen',
    });
    const refundedAlready = await invoicedOrder();
    telegram.pay({ chargeId: 'ch-lost', amount: lost.stars, ...lost });
    telegram.pay({ chargeId: 'ch-seen', amount: seen.stars, ...seen });
    telegram.pay({ chargeId: 'ch-refunded', amount: refundedAlready.stars, ...refundedAlready });
    await telegram.input.refund(refundedAlready.telegramId, 'ch-refunded');
    clock.add(6 * minute);
    telegram.pay({ chargeId: 'ch-fresh', amount: 5, telegramId: lost.telegramId, payload: 'x' });
    clock.add(minute);

    const first = await reconcileStarsCharges(database, telegram.input, clock);
    expect(first.checked).toBe(3);
    expect(first.settled.map((s) => [s.chargeId, s.outcome, s.target.kind])).toEqual([
      ['ch-lost', 'recorded', 'order'],
    ]);
    expect(telegram.refunds).toEqual(['ch-refunded']);
    const state = await orderOf(lost.order.orderId);
    expect(state.status).toBe('in_review');
    expect(state.payments).toMatchObject([{ status: 'succeeded', providerPaymentId: 'ch-lost' }]);
    expect(await escrowOf(lost.order.workspaceId)).toBe(-lost.stars);
    const [audit] = await auditOf('ch-lost');
    expect(audit).toMatchObject({
      actor: 'system:payments.reconcile-stars',
      action: 'payment.reconciled',
      workspaceId: lost.order.workspaceId,
      data: { outcome: 'recorded', amount: lost.stars, orderId: lost.order.orderId },
    });
    const card = await adminCardOf(database, 'stars_charge', starsChargeUuid('ch-lost'));
    expect(card).toMatchObject({
      status: 'decided',
      decision: 'recorded',
      decidedByName: 'LytSlot',
      data: { chargeId: 'ch-lost', payerTelegramId: lost.telegramId, target: 'order' },
    });
    expect(await auditOf('ch-seen')).toEqual([]);
    expect(await auditOf('ch-refunded')).toEqual([]);

    // The next run finds everything matched: nothing changes.
    const second = await reconcileStarsCharges(database, telegram.input, clock);
    expect(second.settled).toEqual([]);
    expect(await auditOf('ch-lost')).toHaveLength(1);
    expect((await orderOf(lost.order.orderId)).payments).toHaveLength(1);
    expect(await escrowOf(lost.order.workspaceId)).toBe(-lost.stars);

    // Past its grace period the fresh charge, whose payload is nobody's, goes back to the payer.
    clock.add(5 * minute);
    const third = await reconcileStarsCharges(database, telegram.input, clock);
    expect(third.settled.map((s) => [s.chargeId, s.outcome, s.target.kind])).toEqual([
      ['ch-fresh', 'refunded', 'unknown'],
    ]);
    expect(telegram.refunds).toEqual(['ch-refunded', 'ch-fresh']);
    expect(await noticesTo(lost.telegramId)).toEqual(['checkout-paid-unknown']);
    expect((await auditOf('ch-fresh'))[0]?.data).toMatchObject({ outcome: 'refunded' });
  });

  it('credits a charge its closed order can no longer take, and refunds it at once', async () => {
    const telegram = fakeTelegram();
    const late = await invoicedOrder();
    telegram.pay({ chargeId: 'ch-late', amount: late.stars, ...late });
    clock.add(20 * minute);
    await expireHolds(database, clock.now());
    expect((await orderOf(late.order.orderId)).status).toBe('expired');

    const report = await reconcileStarsCharges(database, telegram.input, clock);
    expect(report.settled.map((s) => [s.chargeId, s.outcome])).toEqual([['ch-late', 'refunded']]);
    expect(telegram.refunds).toEqual(['ch-late']);
    const state = await orderOf(late.order.orderId);
    expect(state.payments).toMatchObject([{ status: 'refunded', refundedAmount: late.stars }]);
    expect(await escrowOf(late.order.workspaceId)).toBe(0);
    const card = await adminCardOf(database, 'stars_charge', starsChargeUuid('ch-late'));
    expect(card?.decision).toBe('refunded');

    expect((await reconcileStarsCharges(database, telegram.input, clock)).settled).toEqual([]);
    expect(telegram.refunds).toEqual(['ch-late']);
    expect(await auditOf('ch-late')).toHaveLength(1);
  });

  it('a refund Telegram refuses is tried again on the next run, with nothing recorded before', async () => {
    const telegram = fakeTelegram();
    telegramSeq += 1;
    telegram.pay({ chargeId: 'ch-odd', amount: 9, telegramId: telegramSeq, payload: 'gift:1' });
    clock.add(10 * minute);
    telegram.refuseRefunds(true);
    const refused = await reconcileStarsCharges(database, telegram.input, clock);
    expect(refused.settled).toEqual([]);
    expect(refused.failed).toEqual([{ chargeId: 'ch-odd', error: 'Bad Request: BALANCE_TOO_LOW' }]);
    expect(await auditOf('ch-odd')).toEqual([]);
    telegram.refuseRefunds(false);
    const retried = await reconcileStarsCharges(database, telegram.input, clock);
    expect(retried.settled.map((s) => s.outcome)).toEqual(['refunded']);
    expect(telegram.refunds).toEqual(['ch-odd']);
  });

  it('extends Pro for a lost subscription payment, once', async () => {
    const telegram = fakeTelegram();
    const tenant = await makeTenant(database, { title: 'Pro buyer channel' });
    const [owner] = await read((tx) =>
      tx.select().from(accounts).where(eq(accounts.id, tenant.accountId)),
    );
    const payload = subscriptionPayload(tenant.workspaceId);
    telegram.pay({ chargeId: 'ch-sub', amount: 7700, telegramId: owner!.telegramId, payload });
    clock.add(10 * minute);
    const report = await reconcileStarsCharges(database, telegram.input, clock);
    expect(report.settled.map((s) => [s.outcome, s.target])).toEqual([
      ['recorded', { kind: 'subscription', workspaceId: tenant.workspaceId }],
    ]);
    const [workspace] = await read((tx) =>
      tx.select().from(workspaces).where(eq(workspaces.id, tenant.workspaceId)),
    );
    expect(workspace?.plan).toBe('pro');
    expect((await reconcileStarsCharges(database, telegram.input, clock)).settled).toEqual([]);
    expect(telegram.refunds).toEqual([]);
  });

  it('an informational card left open (nothing waits for it) is closed by the moot sweep', async () => {
    const objectId = starsChargeUuid('ch-open');
    await openAdminCardSystem(database, { kind: 'stars_charge', objectId, at: clock.now() });
    clock.add(2 * minute);
    expect(await closeMootAdminCards(database, clock)).toBe(1);
    expect(await adminCardOf(database, 'stars_charge', objectId)).toMatchObject({
      status: 'decided',
      decision: 'moot',
      reason: null,
    });
  });
});

describe('reading Star transactions back to a window', () => {
  const at = (minutesAgo: number) => new Date(clock.now().getTime() - minutesAgo * minute);

  it('stops at the first page that reaches before the window, or at the page limit', async () => {
    const list: StarsTransaction[] = [1, 2, 3, 4, 50, 60, 70].map((m) => ({
      id: `t${m}`,
      kind: 'other',
      amount: 1,
      at: at(m),
    }));
    const offsets: number[] = [];
    const fetch = async (offset: number, limit: number) => {
      offsets.push(offset);
      return list.slice(offset, offset + limit);
    };
    const windowed = await readRecentStarsTransactions(fetch, {
      since: at(10),
      pageSize: 2,
      maxPages: 10,
    });
    expect(offsets).toEqual([0, 2, 4]);
    expect(windowed).toMatchObject({ truncated: false });
    expect(windowed.transactions.map((t) => t.id)).toEqual(['t1', 't2', 't3', 't4', 't50', 't60']);
    const bounded = await readRecentStarsTransactions(fetch, {
      since: at(100),
      pageSize: 2,
      maxPages: 2,
    });
    expect(bounded).toMatchObject({ truncated: true });
    expect(bounded.transactions).toHaveLength(4);
  });

  it('names a charge by a stable RFC 9562 uuid', () => {
    expect(starsChargeUuid('ch-1')).toBe(starsChargeUuid('ch-1'));
    expect(starsChargeUuid('ch-1')).not.toBe(starsChargeUuid('ch-2'));
    expect(z.uuid().safeParse(starsChargeUuid('stxSANDBOX1_abc')).success).toBe(true);
  });
});
