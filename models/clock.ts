/** The platform clock: every domain decision reads time through it (docs/test-clock.md). */
export interface Clock {
  now(): Date;
  /** How far platform time is ahead of real time, in ms (0 unless a test clock moved it). */
  offsetMs(): number;
}

/** A clock whose platform time can be moved forward (TEST_CLOCK=on only). */
export interface TestClock extends Clock {
  readonly kind: 'test';
  setOffsetMs(ms: number): void;
}

/** Real time. */
export function createSystemClock(): Clock {
  return { now: () => new Date(), offsetMs: () => 0 };
}

/** Real time plus an offset that only ever grows (platform time never goes backwards). */
export function createTestClock(initialOffsetMs = 0): TestClock {
  let offset = initialOffsetMs;
  return {
    kind: 'test',
    now: () => new Date(Date.now() + offset),
    offsetMs: () => offset,
    setOffsetMs(ms: number) {
      if (!Number.isSafeInteger(ms) || ms < offset) {
        throw new RangeError(
          `The test clock only moves forward (offset ${offset} ms, asked ${ms} ms)`,
        );
      }
      offset = ms;
    },
  };
}

/** True for a clock that can be advanced. */
export function isTestClock(clock: Clock): clock is TestClock {
  return (clock as Partial<TestClock>).kind === 'test';
}
