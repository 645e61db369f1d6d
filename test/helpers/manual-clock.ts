import type { Clock } from '../../models/clock.js';

/** A clock the test moves by hand. */
export function manualClock(start: Date): Clock & { set(at: Date): void; add(ms: number): void } {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    offsetMs: () => 0,
    set: (at) => {
      now = at.getTime();
    },
    add: (ms) => {
      now += ms;
    },
  };
}
