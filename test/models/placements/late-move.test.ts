import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishPlacement, type PublishDeps } from '../../../jobs/publish.js';
import { testOutbound } from '../../helpers/outbound.js';
import type { Clock } from '../../../models/clock.js';
import type { Database } from '../../../models/db.js';
import {
  applyLateDefault,
  lateOfferTimes,
  moveLatePlacement,
} from '../../../models/placements/late-offer.js';
import { orderItems, placements, slots } from '../../../models/schema.js';
import { createTestDatabase } from '../../helpers/db.js';
import { startSandbox, type Sandbox } from '../../helpers/sandbox.js';
import { makeScheduledPlacement } from '../../factories/sandbox-placements.js';
import { testPublishDeps } from '../../helpers/publish-deps.js';

let database: Database;
let sandbox: Sandbox;
let nowMs = Date.UTC(2032, 6, 12, 9, 0);
const clock: Clock = { now: () => new Date(nowMs), offsetMs: () => 0 };
const minute = 60_000;
const hour = 60 * minute;

beforeAll(async () => {
  [database, sandbox] = await Promise.all([createTestDatabase(), startSandbox()]);
});
afterAll(async () => {
  await database?.close();
  await sandbox?.close();
});

function deps(): PublishDeps {
  return testPublishDeps({ database, clock, api: testOutbound(sandbox).api });
}

/** A placement whose publication ran 10 minutes late (the advertiser is asked), and free slots. */
async function lateOffer(freeAfterHours: number[]) {
  const seeded = await makeScheduledPlacement(database, sandbox, clock, '1/24');
  const { placement } = seeded;
  nowMs = placement.dueAt.getTime() + 10 * minute;
  expect(await publishPlacement(deps(), placement.id)).toBe('asked');
  const free = freeAfterHours.map((h) => new Date(nowMs - (nowMs % hour) + h * hour));
  await database.withSystem('test seed: free slots', (tx) =>
    tx.insert(slots).values(
      free.map((startsAt) => ({
        channelId: placement.channelId,
        workspaceId: placement.workspaceId,
        startsAt,
      })),
    ),
  );
  return { ...seeded, free };
}

const read = (placementId: string) =>
  database.withSystem('test read', async (tx) => {
    const [row] = await tx.select().from(placements).where(eq(placements.id, placementId));
    const channelSlots = await tx
      .select()
      .from(slots)
      .where(eq(slots.channelId, row!.channelId))
      .orderBy(slots.startsAt);
    const items = await tx
      .select({ slotId: orderItems.slotId, price: orderItems.price })
      .from(orderItems)
      .where(eq(orderItems.orderId, row!.orderId));
    return { placement: row!, slots: channelSlots, items };
  });

describe('a late post moved to another time', () => {
  it('lists the free times after the lead time, soonest first; moving books the new slot and frees the old', async () => {
    // Lead time 60 min: the slot in 30 minutes is not offered.
    const { placement, advertiser, free, chatId } = await lateOffer([0.5, 3, 5, 26]);
    const offered = await lateOfferTimes(
      database,
      { accountId: advertiser, placementId: placement.id },
      clock,
    );
    expect(offered.ok && offered.value.times).toEqual([free[1], free[2], free[3]]);

    const before = await read(placement.id);
    const moved = await moveLatePlacement(
      database,
      { accountId: advertiser, placementId: placement.id, startsAt: free[1]! },
      clock,
    );
    expect(moved).toMatchObject({ ok: true, value: { dueAt: free[1] } });
    const after = await read(placement.id);
    expect(after.placement).toMatchObject({
      status: 'scheduled',
      dueAt: free[1],
      lastError: null,
    });
    const slotAt = (at: Date) => after.slots.find((s) => s.startsAt.getTime() === at.getTime());
    expect(slotAt(free[1]!)).toMatchObject({
      status: 'booked',
      orderId: placement.orderId,
      format: '1/24',
    });
    expect(slotAt(placement.dueAt)).toMatchObject({ status: 'free', orderId: null });
    expect(after.placement.slotId).toBe(slotAt(free[1]!)!.id);
    expect(after.items.map((i) => i.slotId)).toContain(after.placement.slotId);
    // The price paid stays.
    expect(after.items.map((i) => i.price)).toEqual(before.items.map((i) => i.price));

    // The default (refund) finds the offer closed; at the new time it posts on time.
    expect(await applyLateDefault(database, placement.id, clock)).toBeUndefined();
    nowMs = free[1]!.getTime() + 30_000;
    expect(await publishPlacement(deps(), placement.id)).toBe('published');
    const posted = (await read(placement.id)).placement;
    expect(posted.delaySeconds).toBe(30);
    expect(posted.violations).toEqual([]);
    expect(sandbox.emulator.messages(chatId)).toHaveLength(1);
  });

  it('a time taken meanwhile, one inside the lead time, or a decided offer change nothing', async () => {
    const { placement, advertiser, free } = await lateOffer([0.5, 3]);
    const move = (startsAt: Date) =>
      moveLatePlacement(
        database,
        { accountId: advertiser, placementId: placement.id, startsAt },
        clock,
      );
    await database.withSystem('test: someone else books it', (tx) =>
      tx
        .update(slots)
        .set({ status: 'blocked' })
        .where(and(eq(slots.channelId, placement.channelId), eq(slots.startsAt, free[1]!))),
    );
    const before = await read(placement.id);
    expect(await move(free[1]!)).toMatchObject({ ok: false, code: 'not_available' });
    expect(await move(free[0]!)).toMatchObject({ ok: false, code: 'not_available' });
    expect(await move(new Date(free[1]!.getTime() + hour))).toMatchObject({
      ok: false,
      code: 'not_available',
    });
    expect(await read(placement.id)).toEqual(before);

    // Someone else's placement is not theirs to move; a decided offer is closed.
    const other = await moveLatePlacement(
      database,
      { accountId: placement.workspaceId, placementId: placement.id, startsAt: free[1]! },
      clock,
    );
    expect(other).toMatchObject({ ok: false, code: 'not_found' });
    expect(await applyLateDefault(database, placement.id, clock)).toMatchObject({
      choice: 'refund',
    });
    expect(await move(free[1]!)).toMatchObject({ ok: false, code: 'already_decided' });
    expect(
      await lateOfferTimes(database, { accountId: advertiser, placementId: placement.id }, clock),
    ).toMatchObject({ ok: false, code: 'already_decided' });
  });
});
