import { eq, sql } from 'drizzle-orm';
import { Api } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unpinPlacement } from '../../jobs/publish.js';
import { balanceOf } from '../../models/ledger/queries.js';
import { orders, payments, placements } from '../../models/schema.js';
import { platformFee, proRata } from '../../models/ledger/shares.js';
import { readProbeResults } from '../../models/verification/proof.js';
import { probeJob } from '../../models/verification/schedule-probes.js';
import { readViolations } from '../../models/verification/violations.js';
import { startJobsWorld, type JobsWorld } from '../helpers/jobs-world.js';
import { makePublishedPlacement, makeScheduledPlacement } from '../factories/sandbox-placements.js';
import { testPublishDeps } from '../helpers/publish-deps.js';

const minute = 60_000;

/**
 * Deletion proof through the jobs process, the emulator and the test clock: a 1/24 published by
 * its job gets its probes at random times, most of them early; the owner deletes it 10 minutes in;
 * a probe's "not found" is confirmed at once, and the owner is paid only for the time a probe
 * proved (the broken time runs from the last sighting, not from detection).
 */
describe('deletion proof pays only for proven time', () => {
  let w: JobsWorld;
  beforeAll(async () => {
    w = await startJobsWorld();
  }, 60_000);
  afterAll(() => w?.close());

  const read = (orderId: string, placementId: string, workspaceId: string) =>
    w.database.withSystem('test read', async (tx) => ({
      order: (await tx.select().from(orders).where(eq(orders.id, orderId)))[0]!,
      placement: (await tx.select().from(placements).where(eq(placements.id, placementId)))[0]!,
      payment: (await tx.select().from(payments).where(eq(payments.orderId, orderId)))[0]!,
      owner: await balanceOf(tx, `owner:${workspaceId}`, 'XTR'),
    }));
  /** Platform due times of the probes still waiting (jobs' next_run_at is real time). */
  const waitingProbes = async (placementId: string) => {
    const { rows } = await w.database.db.execute<{ next_run_at: string | Date }>(
      sql`select next_run_at from agenda_jobs where name = ${probeJob}
          and data->>'placementId' = ${placementId} and next_run_at is not null
          order by next_run_at`,
    );
    return rows.map((r) => new Date(new Date(r.next_run_at).getTime() + w.clock.offsetMs()));
  };

  it('a post deleted 10 minutes into a 1/24 earns the owner at most the minutes probes proved', async () => {
    const { database, sandbox, clock, advanceTo } = w;
    const { placement, seeded, chatId } = await makeScheduledPlacement(
      database,
      sandbox,
      clock,
      '1/24',
    );
    await advanceTo(new Date(placement.dueAt.getTime() + minute));
    const live = await read(seeded.orderId, placement.id, seeded.workspaceId);
    const publishedAt = live.placement.publishedAt!;
    const deleteAt = live.placement.deleteAt!;
    const life = deleteAt.getTime() - publishedAt.getTime();
    const at = (hours: number) => new Date(publishedAt.getTime() + hours * 60 * minute);

    // 7 probes, denser early: one in the first 40 min, three in the first 6 h, the last near the end.
    const planned = await waitingProbes(placement.id);
    expect(planned).toHaveLength(7);
    expect(planned[0]!.getTime()).toBeLessThan(at(2 / 3).getTime());
    expect(planned.filter((t) => t < at(6))).toHaveLength(3);
    expect(planned.every((t) => t > publishedAt && t < deleteAt)).toBe(true);

    // advanceTo moves in whole minutes: the post goes at 10 to 11 minutes in (deletedAt).
    await advanceTo(new Date(publishedAt.getTime() + 10 * minute));
    const deletedAt = clock.now().getTime();
    sandbox.emulator.deleteChannelPost(chatId, live.placement.messageIds[0]!);
    await advanceTo(new Date(deleteAt.getTime() + 2 * minute));
    const after = await read(seeded.orderId, placement.id, seeded.workspaceId);

    // The first "not found" queued a probe at once, whose "not found" confirmed the deletion.
    const results = readProbeResults(after.placement.probeResults);
    const seen = results.filter((r) => r.outcome === 'present').map((r) => Date.parse(r.at));
    const missing = results.filter((r) => r.outcome === 'missing');
    expect(missing).toHaveLength(2);
    const [suspected, confirmed] = missing.map((r) => Date.parse(r.at)) as [number, number];
    expect(confirmed - suspected).toBeLessThan(minute);
    const lastSighting = Math.max(publishedAt.getTime(), ...seen);
    expect(lastSighting).toBeLessThan(deletedAt);
    expect(readViolations(after.placement.violations)).toEqual([
      {
        kind: 'early_deletion',
        at: new Date(confirmed).toISOString(),
        from: new Date(lastSighting).toISOString(),
        until: deleteAt.toISOString(),
      },
    ]);

    // Settlement: the advertiser gets the unproven share back; the owner earns only proven time.
    const stars = live.payment.amount;
    const settled = stars - proRata(stars, deleteAt.getTime() - lastSighting, life);
    expect(settled).toBeLessThanOrEqual(proRata(stars, deletedAt - publishedAt.getTime(), life));
    expect(after.owner - live.owner).toBe(platformFee(settled) - settled);
    if (settled > 0) expect(after.order.status).toBe('completed');
    else expect(['failed', 'refunded']).toContain(after.order.status);
    const { rows } = await database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from agenda_jobs where name = 'notifications.send'
          and data->>'key' = 'verify-deleted-advertiser'
          and data->>'accountId' = ${after.order.advertiserAccountId}`,
    );
    expect(rows[0]?.n).toBe(1);
  }, 120_000);

  it('nothing to unpin at pin_until is a sign the post is gone: a probe at once confirms the deletion', async () => {
    const { database, sandbox, clock, logger, advanceTo } = w;
    const p = await makePublishedPlacement(database, sandbox, clock, { pinHours: 2 });
    const publishDeps = testPublishDeps(
      { database, clock, api: new Api(sandbox.token, { apiRoot: sandbox.apiRoot }) },
      { logger, publicUrl: undefined },
    );
    await advanceTo(new Date(clock.now().getTime() + 30 * minute));
    sandbox.emulator.deleteChannelPost(p.chatId, p.messageId);
    await advanceTo(new Date(clock.now().getTime() + 90 * minute));
    await unpinPlacement(publishDeps, p.placementId);
    await advanceTo(new Date(clock.now().getTime() + minute));
    const [row] = await database.withSystem('test read', (tx) =>
      tx.select().from(placements).where(eq(placements.id, p.placementId)),
    );
    expect(readProbeResults(row?.probeResults)).toMatchObject([
      { kind: 'exists', outcome: 'missing' },
      { kind: 'exists', outcome: 'missing' },
    ]);
    // No check saw the post after publication: the whole lifetime is broken.
    expect(readViolations(row?.violations)).toMatchObject([
      { kind: 'early_deletion', from: row?.publishedAt?.toISOString() },
    ]);
  }, 60_000);
});
