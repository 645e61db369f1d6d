import type { Database } from '../db.js';
import type { ScheduleJob } from '../platform/schedule-job.js';
import { scheduleViaDatabase } from '../platform/enqueue-job.js';
import { lifetimeEnd, type PlacementDeadlines } from './lifetime.js';

/** Agenda job names of the checks (jobs/verify.ts defines them). */
export const probeJob = 'verify.probe';
export const pinCheckJob = 'verify.pin-check';

export interface ProbePlan {
  probes: Date[];
  pinChecks: Date[];
}

const hourMs = 3_600_000;
/** The closing check falls in the last 2 % of the span, at most its last 30 minutes. */
const closingWindowMs = (spanMs: number) => Math.min(30 * 60_000, spanMs / 50);

/**
 * Spread checks over a span: 4 plus one per started 12 h, at least 6, at most 24 (a 1/24 gets 6,
 * a 3/72 10, a week 18) — a closing check comes on top (`checkTimes`).
 */
export function probeCount(spanMs: number): number {
  return Math.min(24, Math.max(6, 4 + Math.ceil(spanMs / (12 * hourMs))));
}

/**
 * `count` random instants in [from, until), denser early: segment i is [(i/n)², ((i+1)/n)²] of the
 * span (a 24 h span: 0–40 min, 40 min–2 h 40, … 16 h 40–24 h) and each check falls in the middle
 * 80 % of its segment, so checks are unpredictable, never at the very start or end, and most come
 * in the first hours, when most deletions happen.
 */
export function randomTimes(from: Date, until: Date, count: number, random: () => number): Date[] {
  const span = until.getTime() - from.getTime();
  if (span <= 0 || count <= 0) return [];
  const edge = (i: number) => span * (i / count) ** 2;
  return Array.from({ length: count }, (_, i) => {
    const start = edge(i);
    const length = edge(i + 1) - start;
    return new Date(Math.floor(from.getTime() + start + length * (0.1 + 0.8 * random())));
  });
}

/**
 * Every check of a span, sorted: the early-dense spread plus one closing check in the middle 80 %
 * of the span's last 2 % (at most 30 min), so a deletion shortly before the end is still seen.
 */
export function checkTimes(from: Date, until: Date, random: () => number): Date[] {
  const span = until.getTime() - from.getTime();
  if (span <= 0) return [];
  const window = closingWindowMs(span);
  const closing = new Date(Math.floor(until.getTime() - window * (0.9 - 0.8 * random())));
  return [...randomTimes(from, until, probeCount(span), random), closing].sort(
    (a, b) => a.getTime() - b.getTime(),
  );
}

/** Where the checks of a published placement fall: probes over its lifetime, pin checks while pinned. */
export function planProbes(p: PlacementDeadlines, random: () => number = Math.random): ProbePlan {
  return {
    probes: checkTimes(p.publishedAt, lifetimeEnd(p), random),
    pinChecks: p.pinUntil ? checkTimes(p.publishedAt, p.pinUntil, random) : [],
  };
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

/**
 * The fast path for a sign from outside the checks that the post may be gone (a failed unpin): an
 * existence probe due at once; it records nothing if the placement is no longer checkable.
 */
export async function requestProbe(
  database: Database,
  placementId: string,
  at: Date,
): Promise<void> {
  await scheduleViaDatabase(database)(probeJob, { placementId }, at);
}
