/**
 * Dates and times as users read them, one format per context, through Intl (so Russian months
 * come in the genitive: «вторник, 8 декабря»). Moments take the zone they are shown in (the
 * reader's or the channel's); calendar days (YYYY-MM-DD) read as that day wherever the reader is.
 */

const time = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;

/** A moment, e.g. a slot or a notification's time: «вт, 8 дек., 11:00» · «Tue, Dec 8, 11:00». */
export function formatMoment(at: Date, zone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...time,
    timeZone: zone,
  }).format(at);
}

/** A moment that may be months away, with its year and zone: «8 дек. 2026 г., 08:00 UTC». */
export function formatMomentWithYear(at: Date, zone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    ...time,
    timeZone: zone,
    timeZoneName: 'short',
  }).format(at);
}

/** A time of day: «11:00». */
export function formatTime(at: Date, zone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { ...time, timeZone: zone }).format(at);
}

/** The day of a past moment in a list, with its year: «8 дек. 2026 г.» · «Dec 8, 2026». */
export function formatDate(at: Date, zone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: zone }).format(at);
}

/** A time for the admin chat, the same in every language: «2026-11-26 07:15 UTC», or a dash. */
export function formatUtc(at: Date | null | undefined): string {
  if (!at) return '—';
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A formatter of calendar days (YYYY-MM-DD, read as that day wherever the reader is). */
function dayFormat(options: Intl.DateTimeFormatOptions) {
  return (isoDate: string, locale: string): string =>
    new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(
      new Date(`${isoDate}T12:00:00Z`),
    );
}

/** A calendar day in a heading: «вторник, 8 декабря» · «Tuesday, December 8». */
export const formatDayLong = dayFormat({ weekday: 'long', day: 'numeric', month: 'long' });

/** A calendar day on a button or in a list: «вт, 8 дек.» · «Tue, Dec 8». */
export const formatDayShort = dayFormat({ weekday: 'short', day: 'numeric', month: 'short' });

/** A calendar day in a range or on a chart axis: «8 дек.» · «Dec 8». */
export const formatDayMonth = dayFormat({ day: 'numeric', month: 'short' });

/** A calendar day on a narrow button: «вт 8» · «Tue 8» (Intl alone would say «8 Tue» in en). */
export function formatDayButton(isoDate: string, locale: string): string {
  const parts = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).formatToParts(new Date(`${isoDate}T12:00:00Z`));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')}`;
}

const monthLong = dayFormat({ month: 'long', year: 'numeric' });
const monthShort = dayFormat({ month: 'short', year: 'numeric' });

/** A calendar month (YYYY-MM) as a title: «март 2031 г.» · «March 2031». */
export const formatMonthLong = (month: string, locale: string) => monthLong(`${month}-01`, locale);

/** A calendar month (YYYY-MM) on a chart axis: «мар. 2031 г.» · «Mar 2031». */
export const formatMonthShort = (month: string, locale: string) =>
  monthShort(`${month}-01`, locale);
