import type { ScheduleJob } from '../notifications/enqueue.js';
import { lifetimeEnd, type PlacementDeadlines } from './lifetime.js';

/** Agenda job names of the checks (jobs/verify.ts defines them). */
export const probeJob = 'verify.probe';
export const pinCheckJob = 'verify.pin-check';

export interface ProbePlan {
  probes: Date[];
  pinChecks: Date[];
}

/** At least 3, one more per started 12 h of lifetime, at most 14. */
export function probeCount(lifetimeMs: number): number {
  return Math.min(14, Math.max(3, Math.ceil(lifetimeMs / (12 * 3_600_000))));
}

/**
 * `count` random instants in [from, until): one in the middle 80 % of each of `count` equal
 * segments, so checks are unpredictable yet spread and never at the very start or end.
 */
export function randomTimes(from: Date, until: Date, count: number, random: () => number): Date[] {
  const span = until.getTime() - from.getTime();
  if (span <= 0) return [];
  const segment = span / count;
  return Array.from(
    { length: count },
    (_, i) => new Date(Math.floor(from.getTime() + segment * i + segment * (0.1 + 0.8 * random()))),
  );
}

/** Where the checks of a published placement fall: probes over its lifetime, pin checks while pinned. */
export function planProbes(p: PlacementDeadlines, random: () => number = Math.random): ProbePlan {
  const end = lifetimeEnd(p);
  const probes = randomTimes(
    p.publishedAt,
    end,
    probeCount(end.getTime() - p.publishedAt.getTime()),
    random,
  );
  const pinChecks = p.pinUntil
    ? randomTimes(
        p.publishedAt,
        p.pinUntil,
        probeCount(p.pinUntil.getTime() - p.publishedAt.getTime()),
        random,
      )
    : [];
  return { probes, pinChecks };
}

/**
 * Schedules the existence probes (`verify.probe`) and pin checks (`verify.pin-check`) of a
 * placement that was just published; call it in the transaction/step that records publication.
 */
export async function scheduleProbes(
  schedule: ScheduleJob,
  placement: PlacementDeadlines & { id: string },
  random: () => number = Math.random,
): Promise<ProbePlan> {
  const plan = planProbes(placement, random);
  for (const at of plan.probes) await schedule(probeJob, { placementId: placement.id }, at);
  for (const at of plan.pinChecks) await schedule(pinCheckJob, { placementId: placement.id }, at);
  return plan;
}
