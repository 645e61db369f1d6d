import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../../models/clock.js';
import type { Database } from '../../../models/db.js';
import type { Currency } from '../../../models/orders/table.js';
import { transitionOrder } from '../../../models/orders/transition-order.js';
import { recordFailedProviderRefund } from '../../../models/payments/refund-failed.js';
import { refundOrderPayment, refundPaymentPart } from '../../../models/payments/refund-order.js';
import { payments } from '../../../models/payments/table.js';
import { ownerBalances } from '../../../models/payouts/balances.js';
import {
  approvePayout,
  markPayoutPaid,
  rejectPayout,
} from '../../../models/payouts/decide-payout.js';
import { requestPayout } from '../../../models/payouts/request-payout.js';
import { payoutMinimums } from '../../../models/payouts/rules.js';
import type { PaymentRefunder } from '../../../models/providers/types.js';
import { settlePlacement } from '../../../models/settlement/settle-placement.js';
import { createTestDatabase } from '../../helpers/db.js';
import { makeTenant, type Tenant } from '../../factories/channels.js';
import { makeEarningOrder, type EarningOrder } from '../../factories/payouts.js';

/**
 * The whole money journal under random sequences of payments in three currencies, settlements,
 * full refunds before settlement, partial and full refunds after it, and payouts (request, approve,
 * paid or rejected), on the real database with the real use-cases. After every step: each posting
 * balances, the trial balance per currency is zero, and only the owners' accounts (receivables)
 * and the asset side (provider:*) may hold a debit… or a credit, for provider:manual.
 */
let database: Database;
const base = new Date(Date.UTC(2031, 6, 1, 10));
const later = new Date(base.getTime() + 10 * 24 * 3_600_000);
const clock: Clock = { now: () => later, offsetMs: () => 0 };
const admin = { telegramId: 777, name: 'Prop Admin' };
/** Provider adapters answering "refunded" (the provider side is not what this property is about). */
const succeeded: PaymentRefunder = async (request) => ({
  ok: true,
  refundId: `re_${request.idempotencyKey}`,
  status: 'succeeded',
});
const refunders = { stars: succeeded, stripe: succeeded, yookassa: succeeded };
const currencyArb = fc.constantFrom<Currency>('XTR', 'RUB', 'USD');

type Op =
  | { kind: 'pay'; owner: number; currency: Currency; amount: number }
  | { kind: 'settle'; pick: number }
  | { kind: 'cancel'; pick: number }
  | { kind: 'refund'; pick: number; percent: number }
  /** A card refund already booked fails at the provider afterwards (it becomes the payer's credit). */
  | { kind: 'refundFails'; pick: number; percent: number }
  /** A payout of the owner and currency of a settled order (so refunds after payout happen). */
  | { kind: 'payout'; pick: number; percent: number; end: 'paid' | 'reject' };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      owner: fc.nat(1),
      currency: currencyArb,
      amount: fc.integer({ min: 1, max: 400_000 }),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('settle' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('refundFails' as const),
      pick: fc.nat(),
      percent: fc.integer({ min: 1, max: 100 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('refund' as const),
      pick: fc.nat(),
      percent: fc.integer({ min: 1, max: 100 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('payout' as const),
      pick: fc.nat(),
      percent: fc.integer({ min: 40, max: 100 }),
      end: fc.constantFrom('paid' as const, 'reject' as const),
    }),
  },
);

beforeAll(async () => {
  database = await createTestDatabase();
}, 60_000);
afterAll(async () => {
  await database?.close();
});

interface Account {
  account: string;
  currency: Currency;
  balance: number;
}

async function journal() {
  return database.withSystem('test: trial balance', async (tx) => {
    const unbalanced = await tx.execute(
      sql`select posting_id from ledger_entries group by posting_id, currency having sum(amount) <> 0`,
    );
    const trial = await tx.execute<{ currency: string; sum: string }>(
      sql`select currency, sum(amount)::text as sum from ledger_entries group by currency`,
    );
    const accounts = await tx.execute<{ account: string; currency: Currency; balance: string }>(
      sql`select account, currency, sum(amount)::text as balance from ledger_entries group by account, currency`,
    );
    return {
      unbalanced: unbalanced.rows.length,
      trial: trial.rows.map((r) => ({ currency: r.currency, sum: Number(r.sum) })),
      accounts: accounts.rows.map((r): Account => ({
        account: r.account,
        currency: r.currency,
        balance: Number(r.balance),
      })),
    };
  });
}

/** Liability accounts (escrow, fees, payouts in flight, advertiser credit) never hold a debit. */
function checkSigns(accounts: Account[], receivableOwners: Set<string>) {
  for (const a of accounts) {
    const kind = a.account.split(':')[0];
    if (a.account === 'provider:manual') expect(a.balance, a.account).toBeLessThanOrEqual(0);
    else if (kind === 'provider') expect(a.balance, a.account).toBeGreaterThanOrEqual(0);
    else if (kind === 'owner') {
      if (a.balance > 0) expect(receivableOwners.has(`${a.account}/${a.currency}`)).toBe(true);
    } else expect(a.balance, `${a.account} ${a.currency}`).toBeLessThanOrEqual(0);
  }
}

interface Live {
  order: EarningOrder;
  owner: Tenant;
  state: 'published' | 'settled' | 'closed';
}

describe('money journal (property, real database)', () => {
  it('balances every posting, keeps the trial balance at zero and signs right', async () => {
    const receivableOwners = new Set<string>();
    let failedRefunds = 0;
    const done = {
      pay: 0,
      settle: 0,
      cancel: 0,
      refund: 0,
      refundFails: 0,
      payout: 0,
      refundAfterPayout: 0,
    };
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 6, maxLength: 12, size: 'max' }), async (ops) => {
        const owners = [
          await makeTenant(database, { title: 'P0' }),
          await makeTenant(database, { title: 'P1' }),
        ];
        const live: Live[] = [];
        const paidOut = new Set<string>();
        const pick = (n: number, state: Live['state']) => {
          const candidates = live.filter((l) => l.state === state);
          return candidates.length ? candidates[n % candidates.length] : undefined;
        };
        for (const o of ops) {
          if (o.kind === 'pay') {
            const owner = owners[o.owner]!;
            const order = await makeEarningOrder(database, owner, { ...o, base });
            live.push({ order, owner, state: 'published' });
          } else if (o.kind === 'settle') {
            const l = pick(o.pick, 'published');
            if (!l) continue;
            const r = await settlePlacement(database, l.order.placementId, later);
            expect(r).toMatchObject({ ok: true, value: { kind: 'settled' } });
            l.state = 'settled';
          } else if (o.kind === 'cancel') {
            const l = pick(o.pick, 'published');
            if (!l) continue;
            const ref = { workspaceId: l.owner.workspaceId, orderId: l.order.orderId };
            await database.withScope({ workspaceId: ref.workspaceId }, (tx) =>
              transitionOrder(tx, {
                ...ref,
                from: ['published'],
                to: 'failed',
                actor: 'system:test',
                at: later,
              }),
            );
            const back = await refundOrderPayment(
              database,
              { ...ref, actor: 'system:test', refunders },
              clock,
            );
            expect(back).toMatchObject({ ok: true, value: { amount: l.order.amount } });
            l.state = 'closed';
          } else if (o.kind === 'refundFails') {
            const refunded = live.filter((l) => l.state !== 'published');
            const l = refunded.length ? refunded[o.pick % refunded.length]! : undefined;
            if (!l) continue;
            const [payment] = await database.withSystem('test read', (tx) =>
              tx.select().from(payments).where(eq(payments.orderId, l.order.orderId)),
            );
            if (!payment?.providerPaymentId || payment.provider === 'stars') continue;
            if (payment.refundedAmount === 0) continue;
            const amount = Math.max(1, Math.floor((payment.refundedAmount * o.percent) / 100));
            const r = await recordFailedProviderRefund(
              database,
              {
                provider: payment.provider,
                providerPaymentId: payment.providerPaymentId,
                refundId: `re_failed_${(failedRefunds += 1)}`,
                amount,
                reason: 'expired_or_canceled_card',
              },
              clock,
            );
            expect(r).toMatchObject({ ok: true });
            if (!r.ok || r.value.credited === 0) continue; // all of it had failed already
          } else if (o.kind === 'refund') {
            const l = pick(o.pick, 'settled');
            if (!l) continue;
            const amount = Math.max(1, Math.floor((l.order.amount * o.percent) / 100));
            const r = await refundPaymentPart(
              database,
              {
                workspaceId: l.owner.workspaceId,
                orderId: l.order.orderId,
                actor: 'system:test',
                refunders,
                amount,
                reason: 'dispute',
              },
              clock,
            );
            if (!r.ok) {
              expect(r.code === 'amount_too_large' || r.code === 'nothing_to_refund').toBe(true);
              continue;
            }
            expect(r.value.refunded + r.value.credited).toBe(amount);
            if (paidOut.has(`${l.owner.workspaceId}/${l.order.currency}`))
              done.refundAfterPayout += 1;
            receivableOwners.add(`owner:${l.owner.workspaceId}/${l.order.currency}`);
          } else {
            const settled = pick(o.pick, 'settled');
            if (!settled) continue;
            const { owner } = settled;
            const currency = settled.order.currency;
            const before = (await ownerBalances(database, owner.workspaceId)).find(
              (b) => b.currency === currency,
            );
            const amount = Math.floor(((before?.available ?? 0) * o.percent) / 100);
            if (amount < payoutMinimums[currency]) continue;
            const asked = await requestPayout(
              database,
              {
                workspaceId: owner.workspaceId,
                accountId: owner.accountId,
                amount,
                currency,
                destination: { method: 'card', details: '4000 0000 0000 0002' },
              },
              clock,
            );
            expect(asked.ok).toBe(true);
            if (!asked.ok) continue;
            const payoutId = asked.value.payoutId;
            expect((await approvePayout(database, { payoutId, admin }, clock)).ok).toBe(true);
            const after = (await ownerBalances(database, owner.workspaceId)).find(
              (b) => b.currency === currency,
            );
            expect(after!.available).toBe(before!.available - amount);
            const end =
              o.end === 'paid'
                ? await markPayoutPaid(database, { payoutId, admin }, clock)
                : await rejectPayout(database, { payoutId, admin, reason: 'test' }, clock);
            expect(end.ok).toBe(true);
            if (o.end === 'paid') paidOut.add(`${owner.workspaceId}/${currency}`);
          }
          done[o.kind] += 1;
          const now = await journal();
          expect(now.unbalanced).toBe(0);
          for (const t of now.trial) expect(t.sum, t.currency).toBe(0);
          checkSigns(now.accounts, receivableOwners);
        }
        // Escrow holds exactly what the still-published orders paid.
        const held = live.filter((l) => l.state === 'published');
        const escrow = (await journal()).accounts.filter((a) => a.account === 'escrow');
        for (const c of ['XTR', 'RUB', 'USD'] as const) {
          const expected = held
            .filter((l) => l.order.currency === c)
            .reduce((s, l) => s + l.order.amount, 0);
          expect(0 - (escrow.find((e) => e.currency === c)?.balance ?? 0)).toBe(expected);
        }
        // Close the run: settle what is still published, so the next run starts from empty escrow.
        for (const l of held) await settlePlacement(database, l.order.placementId, later);
      }),
      {
        numRuns: 25,
        // Always include the story of the issue: paid out, then refunded, then earned again.
        examples: [
          [
            [
              { kind: 'pay', owner: 1, currency: 'USD', amount: 25_000 },
              { kind: 'cancel', pick: 0 },
              { kind: 'refundFails', pick: 0, percent: 40 },
              { kind: 'refundFails', pick: 0, percent: 100 },
              { kind: 'pay', owner: 0, currency: 'RUB', amount: 90_000 },
              { kind: 'settle', pick: 0 },
            ],
          ],
          [
            [
              { kind: 'pay', owner: 0, currency: 'RUB', amount: 300_000 },
              { kind: 'settle', pick: 0 },
              { kind: 'payout', pick: 0, percent: 100, end: 'paid' },
              { kind: 'refund', pick: 0, percent: 60 },
              { kind: 'pay', owner: 0, currency: 'RUB', amount: 100_000 },
              { kind: 'settle', pick: 0 },
              { kind: 'refund', pick: 0, percent: 100 },
            ],
          ],
        ],
      },
    );
    // The runs did exercise every kind of step, not only the ones that are easy to reach.
    console.info('ledger property steps', done);
    for (const [kind, n] of Object.entries(done)) expect(n, kind).toBeGreaterThan(0);
  }, 180_000);
});
