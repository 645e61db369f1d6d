import { probeOutcomes, type ProbeResult } from './violations.js';

/** The stored check results of a placement (placements.probe_results), keeping well-formed entries. */
export function readProbeResults(value: unknown): ProbeResult[] {
  if (!Array.isArray(value)) return [];
  return value.filter((r): r is ProbeResult => {
    if (typeof r !== 'object' || r === null) return false;
    const e = r as Record<string, unknown>;
    return (
      (e.kind === 'exists' || e.kind === 'pin') &&
      typeof e.at === 'string' &&
      !Number.isNaN(Date.parse(e.at)) &&
      (probeOutcomes as readonly unknown[]).includes(e.outcome)
    );
  });
}

/**
 * The last instant a check proved the promise kept: the latest 'present' result of `kinds`, else
 * publication (the send itself proved the post). Broken time starts here, never at detection, so
 * the owner is paid only for proven time.
 */
export function lastProof(
  results: ProbeResult[],
  kinds: readonly ProbeResult['kind'][],
  publishedAt: Date,
): Date {
  const seen = results
    .filter((r) => r.outcome === 'present' && kinds.includes(r.kind))
    .map((r) => Date.parse(r.at));
  return new Date(Math.max(publishedAt.getTime(), ...seen));
}

/**
 * True when the latest decisive check (present or missing, either kind) said missing: a probe's
 * "not found" after it is a confirmed deletion; without it the probe only asks for confirmation.
 */
export function lastSignalMissing(results: ProbeResult[]): boolean {
  const decisive = results.filter((r) => r.outcome !== 'unknown');
  return decisive.at(-1)?.outcome === 'missing';
}
