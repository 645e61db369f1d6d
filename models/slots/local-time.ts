import type { IANAZone } from 'luxon';

/** A local calendar date: its midnight as "wall" ms (the local time read as if it were UTC). */
export interface LocalDate {
  wallMs: number;
  /** YYYY-MM-DD */
  iso: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const dayMs = 86_400_000;
const hourMs = 3_600_000;
/** Offsets of whole local days without a transition, per zone and day (bounded). */
const uniformDays = new Map<string, number | null>();

/** The local date (in the zone) of a UTC instant. */
export function localDateOf(zone: IANAZone, instantMs: number): LocalDate {
  const wall = instantMs + zone.offset(instantMs) * 60_000;
  const midnight = Math.floor(wall / dayMs) * dayMs;
  const d = new Date(midnight);
  return {
    wallMs: midnight,
    iso: d.toISOString().slice(0, 10),
    weekday: d.getUTCDay() === 0 ? 7 : d.getUTCDay(),
  };
}

/**
 * The UTC instant (ms) of a local wall time; undefined when that local time does not exist (a
 * spring-forward gap); the first occurrence when it exists twice (fall back).
 */
export function utcOfLocal(zone: IANAZone, wallMs: number): number | undefined {
  const day = Math.floor(wallMs / dayMs) * dayMs;
  const uniform = uniformOffset(zone, day);
  if (uniform !== null) return wallMs - uniform * 60_000;
  const candidates = new Set([
    zone.offset(day - 15 * hourMs),
    zone.offset(day + dayMs + 13 * hourMs),
    zone.offset(wallMs),
  ]);
  let best: number | undefined;
  for (const offset of candidates) {
    const instant = wallMs - offset * 60_000;
    if (zone.offset(instant) === offset && (best === undefined || instant < best)) best = instant;
  }
  return best;
}

/** The zone's offset (minutes) for the whole local day starting at `dayWallMs`, or null when it changes that day. */
export function uniformOffset(zone: IANAZone, dayWallMs: number): number | null {
  const key = `${zone.name}|${dayWallMs}`;
  let uniform = uniformDays.get(key);
  if (uniform === undefined) {
    // Offsets are within −12 h…+14 h: these two instants bracket every instant of the local day.
    const before = zone.offset(dayWallMs - 15 * hourMs);
    const after = zone.offset(dayWallMs + dayMs + 13 * hourMs);
    uniform = before === after ? before : null;
    if (uniformDays.size > 50_000) uniformDays.clear();
    uniformDays.set(key, uniform);
  }
  return uniform;
}
