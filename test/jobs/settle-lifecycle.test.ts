import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { balanceOf } from '../../models/ledger/queries.js';
import { channels, orders, payments, placements } from '../../models/schema.js';
import { proRata } from '../../models/ledger/shares.js';
import { readProbeResults } from '../../models/verification/proof.js';
import { startJobsWorld, type JobsWorld } from '../helpers/jobs-world.js';
import type { Sandbox } from '../helpers/sandbox.js';
import { makeScheduledPlacement } from '../factories/sandbox-placements.js';

/**
 * A whole ad lifecycle on the test clock with the jobs process and the emulator: published at its
 * slot, deleted at the end, settled 80/20; the owner's balance and the platform's revenue are the
 * ledger's. Then the owner deletes a post after a probe saw it: a probe catches it, the time since
 * that last sighting is credited back to the advertiser and the channel's reputation records the early deletion.
 */
describe('settlement through the jobs process and the test clock', () => {
  let world: JobsWorld;
  let database: Database;
  let sandbox: Sandbox;
  let clock: TestClock;
  beforeAll(async () => {
    world = await startJobsWorld();
    ({ database, sandbox, clock } = world);
  }, 60_000);
  afterAll(() => world?.close());

  const advanceTo = (at: Date) => world.advanceTo(at);
  const read = (orderId: string, placementId: string, workspaceId: string, advertiser: string) =>
    database.withSystem('test read', async (tx) => ({
      order: (await tx.select().from(orders).where(eq(orders.id, orderId)))[0]!,
      placement: (await tx.select().from(placements).where(eq(placements.id, placementId)))[0]!,
      payment: (await tx.select().from(payments).where(eq(payments.orderId, orderId)))[0]!,
      owner: await balanceOf(tx, `owner:${workspaceId}`, 'XTR'),
      fees: await balanceOf(tx, 'platform:fees', 'XTR'),
      escrow: await balanceOf(tx, 'escrow', 'XTR'),
      advertiser: await balanceOf(tx, `advertiser:${advertiser}`, 'XTR'),
    }));

  it('a clean 1/24: posted, deleted after 24 h, settled 80/20 into the owner balance and platform fees', async () => {
    const { placement, seeded, advertiser } = await makeScheduledPlacement(
      database,
      sandbox,
      clock,
      '1/24',
    );
    const before = await read(seeded.orderId, placement.id, seeded.workspaceId, advertiser);
    const stars = before.payment.amount;
    await advanceTo(new Date(placement.dueAt.getTime() + 60_000));
    const live = await read(seeded.orderId, placement.id, seeded.workspaceId, advertiser);
    expect(live.placement.status).toBe('published');
    await advanceTo(new Date(live.placement.deleteAt!.getTime() + 2 * 60_000));
    const after = await read(seeded.orderId, placement.id, seeded.workspaceId, advertiser);
    expect(after.placement.status).toBe('completed');
    expect(after.order.status).toBe('completed');
    const fee = Math.floor((stars * 20 + 50) / 100);
    expect(after.owner - before.owner).toBe(-(stars - fee));
    expect(after.fees - before.fees).toBe(-fee);
    expect(after.escrow - before.escrow).toBe(stars);
    expect(after.advertiser).toBe(0);
    expect(after.payment.details).toMatchObject({
      settlement: { owner: stars - fee, fee, credited: 0 },
    });
  }, 120_000);

  it('deleted by the owner mid-lifetime: probe detects it, the rest is credited back, reputation hit', async () => {
    const { placement, seeded, advertiser, chatId } = await makeScheduledPlacement(
      database,
      sandbox,
      clock,
      '1/24',
    );
    const stars = (await read(seeded.orderId, placement.id, seeded.workspaceId, advertiser)).payment
      .amount;
    await advanceTo(new Date(placement.dueAt.getTime() + 60_000));
    const live = await read(seeded.orderId, placement.id, seeded.workspaceId, advertiser);
    const before = live;
    const { publishedAt, deleteAt } = live.placement;
    // The first probe of a 1/24 comes within 40 minutes: the post is deleted after it saw it.
    await advanceTo(new Date(publishedAt!.getTime() + 45 * 60_000));
    sandbox.emulator.deleteChannelPost(chatId, live.placement.messageIds[0]!);
    await advanceTo(new Date(deleteAt!.getTime() + 2 * 60_000));
    const after = await read(seeded.orderId, placement.id, seeded.workspaceId, advertiser);
    expect(after.placement.violations).toMatchObject([{ kind: 'early_deletion' }]);
    expect(after.order.status).toBe('completed');
    // Broken from the last probe that saw the post: that part of the lifetime is credited back.
    const sightings = readProbeResults(after.placement.probeResults)
      .filter((r) => r.outcome === 'present')
      .map((r) => Date.parse(r.at));
    expect(sightings.length).toBeGreaterThan(0);
    const lastSighting = Math.max(...sightings);
    const life = deleteAt!.getTime() - publishedAt!.getTime();
    const credited = -after.advertiser;
    expect(credited).toBe(proRata(stars, deleteAt!.getTime() - lastSighting, life));
    expect(credited).toBeLessThan(stars);
    const settled = stars - credited;
    const fee = Math.floor((settled * 20 + 50) / 100);
    // The same equalities read from the other side: with a share of 0 a negated one would be -0.
    expect(before.owner - after.owner).toBe(settled - fee);
    expect(before.fees - after.fees).toBe(fee);
    const [channel] = await database.withSystem('test read', (tx) =>
      tx.select().from(channels).where(eq(channels.id, seeded.channelId)),
    );
    expect(channel).toMatchObject({ publishedCount: 1, earlyDeletionCount: 1, violationCount: 1 });
  }, 120_000);
});
