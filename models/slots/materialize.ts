import { IANAZone } from 'luxon';
import type { ChannelSettings, Schedule } from '../channels/settings.js';
import { localDateOf, uniformOffset, utcOfLocal } from './local-time.js';

/** What materialization reads from a channel's settings. */
export type MaterializeInput = Pick<
  ChannelSettings,
  'timezone' | 'schedule' | 'blackoutDates' | 'maxPerDay'
>;

const dayMs = 86_400_000;

/** Minutes after local midnight of each scheduled moment of a day (windows: end exclusive; to ≤ from runs past midnight). */
export function scheduleMinutes(schedule: Schedule): number[] {
  const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const minutes = new Set<number>();
  if (schedule.mode === 'times') {
    for (const time of schedule.times) minutes.add(toMinutes(time));
  } else {
    for (const window of schedule.windows) {
      const from = toMinutes(window.from);
      let to = toMinutes(window.to);
      if (to <= from) to += 24 * 60;
      for (let m = from; m < to; m += schedule.stepMinutes) minutes.add(m);
    }
  }
  return [...minutes].sort((a, b) => a - b);
}

/**
 * The UTC start instants (ms, ascending) the schedule offers in [fromUtc, toUtc): local wall times in
 * the channel's timezone; nonexistent local times are skipped, ambiguous ones give the first
 * occurrence; blackout local dates have none; at most maxPerDay per local date (earliest first,
 * counted over the whole local day so the cap does not move as time passes).
 */
export function materializeSlots(input: MaterializeInput, fromUtc: Date, toUtc: Date): number[] {
  const from = fromUtc.getTime();
  const to = toUtc.getTime();
  if (!input.schedule || !(to > from)) return [];
  const zone = IANAZone.create(input.timezone);
  if (!zone.isValid) return [];
  const minutes = scheduleMinutes(input.schedule);
  const days = new Set(input.schedule.days);
  // One local day before (windows running past midnight) and one after the range.
  const first = localDateOf(zone, from);
  const last = localDateOf(zone, to);
  const blackoutWalls = new Set(input.blackoutDates.map((d) => Date.parse(`${d}T00:00:00Z`)));
  // Candidates per local date (keyed by its midnight wall ms), in schedule order.
  const byDate = new Map<number, number[]>();
  const add = (dayWall: number, instant: number) => {
    if (blackoutWalls.has(dayWall)) return;
    const list = byDate.get(dayWall);
    if (list) list.push(instant);
    else byDate.set(dayWall, [instant]);
  };
  for (let wall = first.wallMs - dayMs; wall <= last.wallMs + dayMs; wall += dayMs) {
    if (!days.has(weekdayOfWall(wall))) continue;
    const uniform = uniformOffset(zone, wall);
    for (const minute of minutes) {
      if (minute < 24 * 60 && uniform !== null) {
        add(wall, wall + (minute - uniform) * 60_000);
        continue;
      }
      const instant = utcOfLocal(zone, wall + minute * 60_000);
      if (instant !== undefined) add(minute < 24 * 60 ? wall : wall + dayMs, instant);
    }
  }
  const result: number[] = [];
  for (const list of byDate.values()) {
    list.sort((a, b) => a - b);
    const capped = input.maxPerDay === null ? list : list.slice(0, input.maxPerDay);
    for (const instant of capped) if (instant >= from && instant < to) result.push(instant);
  }
  result.sort((a, b) => a - b);
  return result.filter((instant, i) => i === 0 || instant !== result[i - 1]);
}

/** The range a channel's slots are materialized in: from now + lead time to now + horizon days. */
export function slotWindow(
  settings: Pick<ChannelSettings, 'leadTimeMinutes' | 'horizonDays'>,
  now: Date,
): { from: Date; to: Date } {
  return {
    from: new Date(now.getTime() + settings.leadTimeMinutes * 60_000),
    to: new Date(now.getTime() + settings.horizonDays * dayMs),
  };
}

function weekdayOfWall(wallMs: number): number {
  const day = new Date(wallMs).getUTCDay();
  return day === 0 ? 7 : day;
}
