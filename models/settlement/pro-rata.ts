import { formatSpec, parseFormat } from '../channels/formats.js';

const hourMs = 3_600_000;
/** Settlement lifetime of a post that is never deleted (1/0, pin:N): at least 24 h. */
export const foreverLifetimeHours = 24;

export type ViolationKind = 'top' | 'early_deletion' | 'pin_removed' | 'late';

/** A violation as V appends it to placements.violations; `from`/`until` bound the broken interval. */
export interface Violation {
  kind: ViolationKind;
  at: string;
  from?: string;
  until?: string;
  detail?: Record<string, unknown>;
}

export interface PlacementTimes {
  format: string;
  publishedAt: Date | null;
  topUntil: Date | null;
  pinUntil: Date | null;
  deleteAt: Date | null;
}

/**
 * The promised lifetime [published_at, end): end = delete_at, or for posts never deleted the latest
 * of top_until, pin_until and published_at + 24 h. Undefined when the post was never published.
 */
export function promisedLifetime(p: PlacementTimes): { from: number; until: number } | undefined {
  if (!p.publishedAt) return undefined;
  const from = p.publishedAt.getTime();
  if (p.deleteAt) return { from, until: Math.max(p.deleteAt.getTime(), from + 1) };
  const format = parseFormat(p.format);
  const spec = format ? formatSpec(format) : undefined;
  const ends = [from + foreverLifetimeHours * hourMs, p.topUntil?.getTime(), p.pinUntil?.getTime()];
  if (spec?.deleteAfterHours) ends.push(from + spec.deleteAfterHours * hourMs);
  return { from, until: Math.max(...ends.filter((t): t is number => t !== undefined)) };
}

/** Reads violations leniently: unknown shapes are ignored (never crash a settlement). */
export function readViolations(raw: unknown[]): Violation[] {
  return raw.flatMap((v) => {
    if (typeof v !== 'object' || v === null) return [];
    const r = v as Record<string, unknown>;
    const kinds: ViolationKind[] = ['top', 'early_deletion', 'pin_removed', 'late'];
    if (!kinds.includes(r.kind as ViolationKind) || typeof r.at !== 'string') return [];
    const detail = typeof r.detail === 'object' && r.detail !== null ? r.detail : {};
    const pick = (k: 'from' | 'until') => {
      const value = r[k] ?? (detail as Record<string, unknown>)[k];
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : undefined;
    };
    const from = pick('from');
    const until = pick('until');
    return [
      {
        kind: r.kind as ViolationKind,
        at: r.at,
        ...(from ? { from } : {}),
        ...(until ? { until } : {}),
        detail: detail as Record<string, unknown>,
      },
    ];
  });
}

/**
 * The broken interval of one violation, inside the lifetime: explicit from/until when given, else
 * top ⇒ [at, top_until), pin_removed ⇒ [at, pin_until), early_deletion ⇒ [at, end). A late
 * publication costs reputation only (the lifetime starts at the actual publication).
 */
function brokenInterval(
  v: Violation,
  p: PlacementTimes,
  life: { from: number; until: number },
): [number, number] | undefined {
  if (v.kind === 'late') return undefined;
  const start = Date.parse(v.from ?? v.at);
  const defaultEnd =
    v.kind === 'top'
      ? p.topUntil?.getTime()
      : v.kind === 'pin_removed'
        ? p.pinUntil?.getTime()
        : life.until;
  const end = v.until ? Date.parse(v.until) : (defaultEnd ?? life.until);
  const a = Math.max(start, life.from);
  const b = Math.min(end, life.until);
  return b > a ? [a, b] : undefined;
}

/** Milliseconds of the promised lifetime during which a promise was broken (overlaps counted once). */
export function brokenMs(p: PlacementTimes, violations: Violation[]): number {
  const life = promisedLifetime(p);
  if (!life) return 0;
  const intervals = violations
    .map((v) => brokenInterval(v, p, life))
    .filter((i): i is [number, number] => i !== undefined)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let cursor = -Infinity;
  for (const [a, b] of intervals) {
    const from = Math.max(a, cursor);
    if (b > from) total += b - from;
    cursor = Math.max(cursor, b);
  }
  return total;
}
