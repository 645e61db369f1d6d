import type { RateWindow } from './limits.js';

/** One window a call is reserved in: its key (as in Redis) and its limit. */
export interface WindowKey {
  key: string;
  window: RateWindow;
}

/** A call's windows: the bot's, and the chat's when it goes to one. */
export interface Reservation {
  bot: WindowKey;
  chat?: WindowKey;
}

/**
 * The earliest time ≥ `from` at which one more call keeps at most `count` calls in any `windowMs`
 * of the sorted `times` (which hold that already), i.e. every count + 1 consecutive calls span at
 * least `windowMs`. Calls reserved later may take an earlier free place (a chat's 10th message
 * booked 9 s ahead does not hold up another chat's first). One pass over the gaps between calls:
 * a gap inside a run of `count` calls closer than the window is full; otherwise the call fits
 * between a window after the count-th call before it and a window before the count-th after it.
 */
export function earliestFit(times: readonly number[], window: RateWindow, from: number): number {
  const { count, windowMs } = window;
  const n = times.length;
  const t = (k: number) => times[k - 1]!; // 1-based, as in reserve-script.ts
  // dense[i]: the `count` calls from the i-th on lie within one window (prefix sums).
  const dense = [0];
  for (let i = 1; i <= n; i++)
    dense.push(dense[i - 1]! + (i + count - 1 <= n && t(i + count - 1) - t(i) < windowMs ? 1 : 0));
  // Gap p: after the p-th call and before the (p+1)-th.
  for (let p = sortedIndex(times, from); ; p++) {
    const first = Math.max(1, p + 2 - count);
    const last = Math.min(p, n - count + 1);
    if (last >= first && dense[last]! - dense[first - 1]! > 0) continue;
    let lo = p >= 1 ? Math.max(from, t(p)) : from;
    if (p + 1 - count >= 1) lo = Math.max(lo, t(p + 1 - count) + windowMs);
    let hi = p < n ? t(p + 1) : Infinity;
    if (p + count <= n) hi = Math.min(hi, t(p + count) - windowMs);
    if (lo <= hi) return lo;
  }
}

/**
 * The earliest time ≥ `from` for a chat's next message: after its last one (a chat's messages keep
 * their order) and a window after the count-th last.
 */
export function nextInOrder(times: readonly number[], window: RateWindow, from: number): number {
  let at = Math.max(from, times.at(-1) ?? from);
  if (times.length >= window.count) at = Math.max(at, times.at(-window.count)! + window.windowMs);
  return at;
}

/** Index of the first time greater than `at` (a call at `at` goes after equal ones). */
function sortedIndex(times: readonly number[], at: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Reservations held in this process's memory (monotonic milliseconds). */
export interface MemorySchedule {
  /** Reserves the earliest time ≥ `from` the call may go under both windows, and returns it. */
  reserve(reservation: Reservation, from: number): number;
  /** Notes a time reserved elsewhere (Redis), so a fallback here keeps this process's pace. */
  record(reservation: Reservation, at: number, now: number): void;
  /** How many windows (the bot's, chats') are held. */
  size(): number;
}

/** Sliding windows per key in memory; keys idle for longer than their window are dropped. */
export function createMemorySchedule(): MemorySchedule {
  const windows = new Map<string, { times: number[]; windowMs: number }>();
  let sweptAt = -Infinity;
  const timesOf = ({ key, window }: WindowKey, now: number): number[] => {
    const entry = windows.get(key) ?? { times: [], windowMs: window.windowMs };
    windows.set(key, entry);
    const stale = entry.times.findIndex((t) => t > now - window.windowMs);
    entry.times.splice(0, stale < 0 ? entry.times.length : stale);
    return entry.times;
  };
  const sweep = (now: number) => {
    if (now - sweptAt < 60_000) return;
    sweptAt = now;
    for (const [key, { times, windowMs }] of windows)
      if ((times.at(-1) ?? -Infinity) <= now - windowMs) windows.delete(key);
  };
  const record = (reservation: Reservation, at: number, now: number) => {
    sweep(now);
    for (const window of [reservation.bot, reservation.chat]) {
      if (!window) continue;
      const times = timesOf(window, now);
      times.splice(sortedIndex(times, at), 0, at);
    }
  };
  return {
    reserve(reservation, from) {
      const { bot, chat } = reservation;
      const chatFrom = chat ? nextInOrder(timesOf(chat, from), chat.window, from) : from;
      const at = earliestFit(timesOf(bot, from), bot.window, chatFrom);
      record(reservation, at, from);
      return at;
    },
    record,
    size: () => windows.size,
  };
}
