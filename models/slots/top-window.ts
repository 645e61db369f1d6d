import { fixedFormats, formatSpec, parseFormat } from '../channels/formats.js';

/** Slot statuses that carry an ad (or will): they count toward max per day and open a top window. */
export const takenStatuses = ['held', 'booked', 'published', 'done'] as const;

const hourMs = 3_600_000;

/** The longest top window of any format, in hours (bounds the look-back of the top-window query). */
export const maxTopHours = Math.max(...fixedFormats.map((f) => formatSpec(f).topHours));

/** Top window of a format in ms; 0 for none, pinned formats and anything unparsable. */
export function topWindowMs(format: string | null | undefined): number {
  const parsed = format ? parseFormat(format) : undefined;
  return parsed ? formatSpec(parsed).topHours * hourMs : 0;
}

export interface TakenSlot {
  startsAt: Date;
  format: string | null;
}

/**
 * True when an ad at `startsAt` would start inside a taken slot's top window, or (with `format`) its
 * own top window would cover a later taken slot. A 2/48 at 12:00 blocks others until 14:00.
 */
export function conflictsWithTopWindow(
  candidate: { startsAt: Date; format?: string | null },
  taken: readonly TakenSlot[],
): boolean {
  const at = candidate.startsAt.getTime();
  const own = topWindowMs(candidate.format);
  return taken.some((slot) => {
    const start = slot.startsAt.getTime();
    if (start <= at && at < start + Math.max(topWindowMs(slot.format), start === at ? 1 : 0))
      return true;
    return at < start && start < at + own;
  });
}
