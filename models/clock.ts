/** The platform clock: every domain decision reads time through it (DESIGN §10). */
export interface Clock {
  now(): Date;
}

/** Real time. */
export function createSystemClock(): Clock {
  return { now: () => new Date() };
}
