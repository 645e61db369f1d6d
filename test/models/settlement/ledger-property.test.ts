import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../../models/clock.js';
import type { Database } from '../../../models/db.js';
import { transitionOrder } from '../../../models/orders/transition-order.js';
import { refundOrderPayment } from '../../../models/payments/refund-order.js';
import { placements } from '../../../models/schema.js';
import { settlePlacement } from '../../../models/settlement/settle-placement.js';
import { createTestDatabase } from '../../helpers/db.js';
import { type ServedOrder, makeServedOrder } from '../../factories/placements.js';

let database: Database;
const hour = 3_600_000;
const base = new Date(Date.UTC(2031, 6, 1, 10));
const later = new Date(base.getTime() + 60 * 24 * hour);
const clock: Clock = { now: () => later, offsetMs: () => 0 };
const refund = async () => ({ ok: true as const });

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const escrowOfOrder = (orderId: string) =>
  database.withSystem('test read', async (tx) => {
    const { rows } = await tx.execute<{ sum: string }>(
      sql`select coalesce(sum(amount), 0)::text as sum from ledger_entries
          where account = 'escrow' and memo like ${`order ${orderId}:%`}`,
    );
    return Number(rows[0]?.sum ?? 0);
  });

const totals = () =>
  database.withSystem('test read', async (tx) => {
    const unbalanced = await tx.execute(
      sql`select posting_id from ledger_entries group by posting_id, currency having sum(amount) <> 0`,
    );
    const { rows } = await tx.execute<{ sum: string }>(
      sql`select coalesce(sum(amount), 0)::text as sum from ledger_entries where account = 'escrow'`,
    );
    return { unbalanced: unbalanced.rows.length, escrow: Number(rows[0]?.sum ?? 0) };
  });

const served = fc.record({
  failed: fc.boolean(),
  price: fc.integer({ min: 1, max: 300_000 }),
  brokenFrom: fc.integer({ min: 0, max: 23 }),
  brokenHours: fc.integer({ min: 0, max: 30 }),
});
type Op =
  | {
      kind: 'pay';
      amount: number;
      placements: { failed: boolean; price: number; brokenFrom: number; brokenHours: number }[];
    }
  | { kind: 'settle' | 'refund'; pick: number };
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('pay' as const),
    amount: fc.integer({ min: 1, max: 100_000 }),
    placements: fc.array(served, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({ kind: fc.constantFrom('settle' as const, 'refund' as const), pick: fc.nat() }),
);

/** Lifetime over: placements completed (or failed), then settled one by one; undelivered ⇒ full refund. */
async function settleOrder(o: ServedOrder, failed: boolean[]) {
  await database.withSystem('test: lifetime over', async (tx) => {
    for (const [i, id] of o.placementIds.entries())
      await tx
        .update(placements)
        .set(failed[i] ? { status: 'failed', publishedAt: null } : { status: 'completed' })
        .where(eq(placements.id, id));
  });
  for (const id of o.placementIds) {
    const r = await settlePlacement(database, id, later);
    expect(r.ok).toBe(true);
    if (r.ok && r.value.kind === 'undelivered') {
      const back = await refundOrderPayment(
        database,
        { workspaceId: o.workspaceId, orderId: o.orderId, actor: 'system:test', refund },
        clock,
      );
      expect(back.ok).toBe(true);
    }
  }
}

/** The order fails before its end (e.g. lost rights): full refund of the whole charge. */
async function refundWhole(o: ServedOrder) {
  await database.withScope({ workspaceId: o.workspaceId }, (tx) =>
    transitionOrder(tx, {
      orderId: o.orderId,
      from: ['published'],
      to: 'failed',
      actor: 'system:test',
      at: later,
    }),
  );
  const back = await refundOrderPayment(
    database,
    { workspaceId: o.workspaceId, orderId: o.orderId, actor: 'system:test', refund },
    clock,
  );
  expect(back.ok).toBe(true);
}

describe('escrow ledger through settlements and refunds (property)', () => {
  it('every posting balances and each order leaves escrow at zero once closed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), async (ops) => {
        const start = await totals();
        const open: { order: ServedOrder; failed: boolean[] }[] = [];
        for (const o of ops) {
          if (o.kind === 'pay') {
            const order = await makeServedOrder(database, {
              base,
              amount: o.amount,
              placements: o.placements.map((p, i) => ({
                price: p.price,
                status: 'published',
                violations:
                  p.brokenHours > 0
                    ? [
                        {
                          kind: 'early_deletion',
                          at: new Date(
                            base.getTime() + (i * 24 + p.brokenFrom) * hour,
                          ).toISOString(),
                          from: new Date(
                            base.getTime() + (i * 24 + p.brokenFrom) * hour,
                          ).toISOString(),
                          until: new Date(
                            base.getTime() + (i * 24 + p.brokenFrom + p.brokenHours) * hour,
                          ).toISOString(),
                        },
                      ]
                    : [],
              })),
            });
            open.push({ order, failed: o.placements.map((p) => p.failed) });
            expect(await escrowOfOrder(order.orderId)).toBe(-o.amount);
            continue;
          }
          if (open.length === 0) continue;
          const [picked] = open.splice(o.pick % open.length, 1);
          if (o.kind === 'settle') await settleOrder(picked!.order, picked!.failed);
          else await refundWhole(picked!.order);
          expect(await escrowOfOrder(picked!.order.orderId)).toBe(0);
          const now = await totals();
          expect(now.unbalanced).toBe(0);
        }
        const end = await totals();
        expect(end.unbalanced).toBe(0);
        const stillHeld = open.reduce((s, o) => s + o.order.amount, 0);
        expect(start.escrow - end.escrow).toBe(stillHeld);
        for (const o of open) await settleOrder(o.order, o.failed);
        expect((await totals()).escrow).toBe(start.escrow);
      }),
      { numRuns: 12 },
    );
  }, 240_000);
});
