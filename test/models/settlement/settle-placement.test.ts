import { eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../models/db.js';
import { balanceOf } from '../../../models/ledger/queries.js';
import { channels, ledgerEntries, orders, placements } from '../../../models/schema.js';
import { settlePlacement } from '../../../models/settlement/settle-placement.js';
import { createTestDatabase } from '../../helpers/db.js';
import { deliverEvents } from '../../helpers/outbox.js';
import { type ServedOrder, makeServedOrder } from '../../factories/placements.js';

let database: Database;
const hour = 3_600_000;
const base = new Date(Date.UTC(2031, 4, 10, 10));
const later = new Date(base.getTime() + 30 * 24 * hour);
/** Violations in the seeds are relative to the first slot, which starts at `base`. */
const at = (h: number) => new Date(base.getTime() + h * hour).toISOString();

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

/** The order's escrow (lines whose memo names it), the owner's and advertiser's balances, platform fees. */
async function money(o: ServedOrder) {
  return database.withSystem('test read', async (tx) => {
    const [row] = await tx
      .select({ sum: sql<string>`coalesce(sum(${ledgerEntries.amount}), 0)::text` })
      .from(ledgerEntries)
      .where(like(ledgerEntries.memo, `order ${o.orderId}:%`));
    const escrowRows = await tx.execute<{ sum: string }>(
      sql`select coalesce(sum(amount), 0)::text as sum from ledger_entries where account = 'escrow' and memo like ${`order ${o.orderId}:%`}`,
    );
    const [order] = await tx.select().from(orders).where(eq(orders.id, o.orderId));
    const [channel] = await tx.select().from(channels).where(eq(channels.id, o.channelId));
    return {
      postingSum: Number(row?.sum ?? 0),
      escrow: Number(escrowRows.rows[0]?.sum ?? 0),
      owner: await balanceOf(tx, `owner:${o.workspaceId}`, 'XTR'),
      advertiser: await balanceOf(tx, `advertiser:${o.advertiserAccountId}`, 'XTR'),
      order: order!,
      channel: channel!,
    };
  });
}

describe('settlePlacement', () => {
  it('a clean 1/24 settles 80/20: escrow 0, owner and platform credited, order completed, once', async () => {
    const o = await makeServedOrder(database, { base, amount: 1540, placements: [{}] });
    const fees = await database.withSystem('t', (tx) => balanceOf(tx, 'platform:fees', 'XTR'));
    const first = await settlePlacement(database, o.placementIds[0]!, later);
    expect(first.ok && first.value.kind).toBe('settled');
    const m = await money(o);
    expect(m.escrow).toBe(0);
    expect(m.postingSum).toBe(0);
    expect(m.owner).toBe(-1232); // credit balance: owed to the owner
    expect(m.advertiser).toBe(0);
    expect(await database.withSystem('t', (tx) => balanceOf(tx, 'platform:fees', 'XTR'))).toBe(
      fees - 308,
    );
    expect(m.order.status).toBe('completed');
    expect(m.order.completedAt?.getTime()).toBe(later.getTime());
    expect(m.channel).toMatchObject({
      publishedCount: 1,
      onTimeCount: 1,
      lateCount: 0,
      earlyDeletionCount: 0,
      violationCount: 0,
    });

    const again = await settlePlacement(database, o.placementIds[0]!, later);
    expect(again.ok && again.value.kind).toBe('already_settled');
    const m2 = await money(o);
    expect(m2.owner).toBe(-1232);
    expect(m2.channel.publishedCount).toBe(1);
  });

  it('waits for every placement of the order; violations credit the advertiser pro rata', async () => {
    const o = await makeServedOrder(database, {
      base,
      amount: 2000,
      placements: [
        {
          delaySeconds: 600,
          violations: [
            // late because the channel refused the on-time attempt: counts against it
            { kind: 'late', at: at(0), detail: { delaySeconds: 600, cause: 'channel' } },
            // deleted 12 h into a 24 h lifetime: half of this placement's 1 000 ⭐ goes back
            {
              kind: 'early_deletion',
              at: at(12),
              from: at(12),
              until: at(24),
            },
          ],
        },
        { status: 'published' },
      ],
    });
    const waiting = await settlePlacement(database, o.placementIds[0]!, later);
    expect(waiting.ok && waiting.value.kind).toBe('waiting');
    expect((await money(o)).order.status).toBe('published');
    const notDone = await settlePlacement(database, o.placementIds[1]!, later);
    expect(!notDone.ok && notDone.code).toBe('not_done');

    await database.withSystem('t', (tx) =>
      tx
        .update(placements)
        .set({ status: 'completed' })
        .where(eq(placements.id, o.placementIds[1]!)),
    );
    const done = await settlePlacement(database, o.placementIds[1]!, later);
    expect(done.ok && done.value.kind === 'settled' && done.value.split).toMatchObject({
      amount: 2000,
      refund: 500,
      settled: 1500,
      fee: 300,
      owner: 1200,
    });
    const m = await money(o);
    expect(m).toMatchObject({ escrow: 0, postingSum: 0, owner: -1200, advertiser: -500 });
    expect(m.order.status).toBe('completed');
    expect(m.order.refundedAmount).toBe(50_000); // a quarter of 2 000 ₽ in the order's currency
    expect(m.channel).toMatchObject({
      publishedCount: 2,
      onTimeCount: 1,
      lateCount: 1,
      earlyDeletionCount: 1,
      violationCount: 1,
    });
  });

  it('nothing delivered ⇒ order failed, no settlement posting (the payment is refunded whole)', async () => {
    const o = await makeServedOrder(database, {
      base,
      amount: 770,
      placements: [{ publishedAfterHours: null, status: 'failed' }],
    });
    const r = await settlePlacement(database, o.placementIds[0]!, later);
    expect(r.ok && r.value.kind).toBe('undelivered');
    const m = await money(o);
    expect(m.order.status).toBe('failed');
    expect(m.escrow).toBe(-770); // still held: refundOrderPayment reverses it
  });

  it('queues the reports: both sides, owner earnings, advertiser credit', async () => {
    const o = await makeServedOrder(database, {
      base,
      amount: 1000,
      placements: [
        {
          violations: [{ kind: 'top', at: at(0.5), from: at(0.5), until: at(1) }],
        },
      ],
    });
    const r = await settlePlacement(database, o.placementIds[0]!, later);
    if (!r.ok) throw new Error(r.code);
    // The settlement's event becomes the notifications; a second settle (a retried job) adds none.
    await deliverEvents(database);
    expect((await settlePlacement(database, o.placementIds[0]!, later)).ok).toBe(true);
    await deliverEvents(database);
    const { rows } = await database.db.execute<{ data: Record<string, unknown> }>(
      sql`select data from agenda_jobs where name = 'notifications.send'
          and data->>'key' like 'settle-%'
          and data->>'accountId' in (${o.advertiserAccountId}, ${o.ownerAccountId})`,
    );
    const queued = (key: string) => rows.filter((q) => q.data.key === key).map((q) => q.data);
    expect(rows.map((q) => q.data.key).sort()).toEqual([
      'settle-credited-advertiser',
      'settle-earned-owner',
      'settle-report-advertiser',
      'settle-report-owner',
    ]);
    expect(queued('settle-report-advertiser')).toEqual([
      expect.objectContaining({
        accountId: o.advertiserAccountId,
        vars: expect.objectContaining({ kept: 'no', brokenMinutes: 30, clicks: 0 }),
      }),
    ]);
    expect(queued('settle-credited-advertiser')).toEqual([
      expect.objectContaining({ vars: { amount: 21, currency: 'XTR' } }),
    ]);
  });
});
