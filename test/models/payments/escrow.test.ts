import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../models/db.js';
import { balanceOf } from '../../../models/ledger/queries.js';
import {
  escrowAccount,
  paymentLines,
  postPaymentToEscrow,
  postRefundFromEscrow,
  refundLines,
} from '../../../models/payments/escrow.js';
import { starsFor } from '../../../models/payments/stars-amount.js';
import { createTestDatabase } from '../../helpers/db.js';
import { type Tenant, makeTenant } from '../../factories/channels.js';

const sum = (lines: { amount: number }[]) => lines.reduce((s, l) => s + l.amount, 0);

describe('escrow postings (pure)', () => {
  it('a payment and its refund each balance, and together cancel out per account', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000_000 }), fc.uuid(), (amount, workspaceId) => {
        const move = { provider: 'stars' as const, amount, currency: 'XTR' as const, workspaceId };
        const pay = paymentLines(move);
        const back = refundLines(move);
        expect(sum(pay)).toBe(0);
        expect(sum(back)).toBe(0);
        const byAccount = new Map<string, number>();
        for (const l of [...pay, ...back])
          byAccount.set(l.account, (byAccount.get(l.account) ?? 0) + l.amount);
        expect([...byAccount.values()].every((v) => v === 0)).toBe(true);
        expect(pay.find((l) => l.account === escrowAccount)?.amount).toBe(-amount);
      }),
    );
  });
});

describe('Stars amount', () => {
  const rates = { starsPerRub: 0.77, starsPerUsd: 77 };
  it('is ceil(total / 100 × rate) with exact arithmetic, at least 1 ⭐', () => {
    expect(starsFor(100_000, 'RUB', rates)).toBe(770);
    expect(starsFor(10_000, 'RUB', rates)).toBe(77); // 77.000000000001 with floats
    expect(starsFor(101, 'RUB', rates)).toBe(1);
    expect(starsFor(1, 'RUB', rates)).toBe(1);
    expect(starsFor(1_550, 'USD', rates)).toBe(1194); // 15.50 $ × 77 = 1193.5
    expect(starsFor(100, 'USD', rates)).toBe(77);
  });
  it('never undercharges (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000_000 }), (total) => {
        const stars = starsFor(total, 'RUB', rates);
        expect(stars * 100 * 100).toBeGreaterThanOrEqual(total * 77);
        expect((stars - 1) * 100 * 100).toBeLessThan(Math.max(total * 77, 100 * 100));
      }),
    );
  });
});

describe('escrow postings (database, property-based)', () => {
  let database: Database;
  let tenant: Tenant;
  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await makeTenant(database, { title: 'Escrow channel' });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('any sequence of payments and refunds keeps every posting balanced; paid + refunded ⇒ escrow 0', async () => {
    type Op = { kind: 'pay'; amount: number } | { kind: 'refund'; pick: number };
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('pay' as const),
        amount: fc.integer({ min: 1, max: 100_000 }),
      }),
      fc.record({ kind: fc.constant('refund' as const), pick: fc.nat() }),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops: Op[]) => {
        run += 1;
        const scope = { workspaceId: tenant.workspaceId };
        const before = await database.withScope(scope, (tx) =>
          Promise.all([
            balanceOf(tx, escrowAccount, 'XTR'),
            balanceOf(tx, 'provider:stars', 'XTR'),
          ]),
        );
        const open: number[] = [];
        let held = 0;
        await database.withScope(scope, async (tx) => {
          for (const [i, o] of ops.entries()) {
            const at = new Date(Date.UTC(2030, 0, 1, 0, run, i));
            const base = {
              provider: 'stars' as const,
              currency: 'XTR' as const,
              workspaceId: tenant.workspaceId,
              orderId: tenant.channelId,
              at,
            };
            if (o.kind === 'pay') {
              await postPaymentToEscrow(tx, {
                ...base,
                amount: o.amount,
                chargeId: `c${run}-${i}`,
              });
              open.push(o.amount);
              held += o.amount;
            } else if (open.length > 0) {
              const [amount] = open.splice(o.pick % open.length, 1);
              await postRefundFromEscrow(tx, {
                ...base,
                amount: amount!,
                chargeId: `r${run}-${i}`,
              });
              held -= amount!;
            }
          }
        });
        const [escrow, provider, unbalanced] = await database.withScope(scope, async (tx) => [
          await balanceOf(tx, escrowAccount, 'XTR'),
          await balanceOf(tx, 'provider:stars', 'XTR'),
          (
            await tx.execute(
              sql`select posting_id from ledger_entries group by posting_id, currency having sum(amount) <> 0`,
            )
          ).rows.length,
        ]);
        expect(unbalanced).toBe(0);
        expect(before[0] - escrow).toBe(held);
        expect(provider - before[1]).toBe(held);
        // Refund everything still open: escrow is back where it started.
        await database.withScope(scope, async (tx) => {
          for (const [i, amount] of open.entries()) {
            const at = new Date(Date.UTC(2030, 0, 2, 0, run, i));
            await postRefundFromEscrow(tx, {
              provider: 'stars',
              currency: 'XTR',
              workspaceId: tenant.workspaceId,
              orderId: tenant.channelId,
              amount,
              chargeId: `z${run}-${i}`,
              at,
            });
          }
        });
        const after = await database.withScope(scope, (tx) => balanceOf(tx, escrowAccount, 'XTR'));
        expect(after).toBe(before[0]);
      }),
      { numRuns: 20 },
    );
  });
});
