import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Jobs } from '../../jobs/index.js';
import type { TestClock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { placements } from '../../models/schema.js';
import { scheduleProbes } from '../../models/verification/schedule-probes.js';
import { readViolations } from '../../models/verification/violations.js';
import { startJobsWorld, type JobsWorld } from '../helpers/jobs-world.js';
import type { Sandbox } from '../helpers/sandbox.js';
import { makePublishedPlacement } from '../factories/sandbox-placements.js';

describe('verify.probe and verify.pin-check jobs', () => {
  let world: JobsWorld;
  let database: Database;
  let sandbox: Sandbox;
  let clock: TestClock;
  let jobs: Jobs;
  beforeAll(async () => {
    world = await startJobsWorld();
    ({ database, sandbox, clock, jobs } = world);
  }, 60_000);
  afterAll(() => world?.close());

  const read = async (id: string) => {
    const [row] = await database.withSystem('test read', (tx) =>
      tx.select().from(placements).where(eq(placements.id, id)),
    );
    if (!row) throw new Error('no placement');
    return row;
  };
  const advance = (minutes: number) =>
    world.advanceTo(new Date(clock.now().getTime() + minutes * 60_000));

  it('the owner deletes a pinned ad mid-lifetime: the pin check and then a probe detect it on the test clock', async () => {
    const p = await makePublishedPlacement(database, sandbox, clock, { pinHours: 12 });
    const row = await read(p.placementId);
    if (!row.publishedAt) throw new Error('not published');
    // random 0.5 ⇒ probes at 20 min, 1 h 40, 4 h 20, 8 h 20, 13 h 40, 20 h 20 and 23 h 45.6;
    // pin checks at 10 min, 50 min, 2 h 10, 4 h 10, 6 h 50, 10 h 10 and 11 h 52.8.
    const plan = await scheduleProbes(
      jobs.scheduleAt,
      { ...row, publishedAt: row.publishedAt },
      () => 0.5,
    );
    expect(plan.probes).toHaveLength(7);
    expect(plan.pinChecks).toHaveLength(7);
    await advance(5 * 60);
    const seen = await read(p.placementId);
    expect(seen.probeResults).toMatchObject([
      { kind: 'pin', outcome: 'present' },
      { kind: 'exists', outcome: 'present' },
      { kind: 'pin', outcome: 'present' },
      { kind: 'exists', outcome: 'present' },
      { kind: 'pin', outcome: 'present' },
      { kind: 'pin', outcome: 'present' },
      { kind: 'exists', outcome: 'present' },
    ]);
    const lastSighting = (seen.probeResults[6] as { at: string }).at;
    const lastPinned = (seen.probeResults[5] as { at: string }).at;
    sandbox.emulator.deleteChannelPost(p.chatId, p.messageId);
    await advance(20 * 60);
    const after = await read(p.placementId);
    // The 6 h 50 pin check sees no pin: pin_removed from the last check that saw it pinned, and a
    // probe at once, which finds the post gone (confirmed by the missing pin): early_deletion from
    // the last sighting. Every later check is skipped: the post is known to be gone.
    const violations = readViolations(after.violations);
    expect(violations).toMatchObject([
      { kind: 'pin_removed', from: lastPinned, until: row.pinUntil?.toISOString() },
      { kind: 'early_deletion', from: lastSighting, until: row.deleteAt?.toISOString() },
    ]);
    expect(after.probeResults.slice(7)).toMatchObject([
      { kind: 'pin', outcome: 'missing' },
      { kind: 'exists', outcome: 'missing' },
    ]);
    const [pinMissing, probeMissing] = after.probeResults.slice(7) as { at: string }[];
    expect(Date.parse(probeMissing!.at) - Date.parse(pinMissing!.at)).toBeLessThan(60_000);
    expect(after.deletedAt).not.toBeNull();
    expect(sandbox.emulator.messages(sandbox.ids.verifyChatId)).toEqual([]);
  });
});
