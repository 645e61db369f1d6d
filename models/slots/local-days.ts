import { DateTime, IANAZone } from 'luxon';

/**
 * The instants of whole local days `from`..`to` (YYYY-MM-DD, both included) in a time zone: from
 * the first day's midnight to the midnight after the last (DST-correct); an unknown zone is UTC.
 */
export function localDaysWindow(
  timezone: string,
  days: { from: string; to: string },
): { from: Date; to: Date } {
  const zone = IANAZone.isValidZone(timezone) ? timezone : 'UTC';
  const first = DateTime.fromISO(days.from, { zone }).startOf('day');
  const after = DateTime.fromISO(days.to, { zone }).startOf('day').plus({ days: 1 });
  return { from: first.toJSDate(), to: after.toJSDate() };
}
