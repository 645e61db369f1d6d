import type { TestClock } from '../clock.js';
import type { Database, DbOrTx } from '../db.js';
import type { Logger } from '../logger.js';
import { unconsumedEventCount } from '../outbox/consume.js';
import { busyJobCount, nextOneOffDue, shiftWaitingJobs } from './job-queue.js';
import { readSetting, writeSetting } from './queries.js';

const offsetKey = 'test_clock_offset_ms';

export interface TestClockDeps {
  database: Database;
  clock: TestClock;
  logger: Logger;
}

/** The stored test-clock offset (platform − real time), in the caller's transaction; 0 if none. */
export async function storedTestClockOffset(tx: DbOrTx): Promise<number> {
  const value = await readSetting(tx, offsetKey);
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : 0;
}

/** The stored test-clock offset (0 when never advanced). */
export function loadTestClockOffset(database: Database): Promise<number> {
  return database.withScope({}, (tx) => storedTestClockOffset(tx));
}

/** Makes the in-memory clock follow the stored offset (another process may have advanced it). */
export async function syncTestClock(deps: Omit<TestClockDeps, 'logger'>): Promise<void> {
  const stored = await loadTestClockOffset(deps.database);
  if (stored > deps.clock.offsetMs()) deps.clock.setOffsetMs(stored);
}

/**
 * Moves platform time forward by `minutes`, step by step: to each one-off job's due time in turn,
 * waiting for the jobs that became due to finish, so jobs run in due order, exactly once (Agenda's
 * locks), including ones scheduled by the jobs that just ran. Repeating jobs run once when due.
 */
export async function advanceTestClock(
  deps: TestClockDeps,
  minutes: number,
  options: { settleTimeoutMs?: number; pollMs?: number } = {},
): Promise<Date> {
  const { database, clock, logger } = deps;
  await syncTestClock(deps);
  const targetPlatform = clock.now().getTime() + minutes * 60_000;
  for (;;) {
    const offset = clock.offsetMs();
    const realNow = clock.now().getTime() - offset;
    const targetReal = targetPlatform - offset;
    const due = await nextOneOffDue(database.db, new Date(realNow), new Date(targetReal));
    const step = Math.max(0, Math.round((due ? due.getTime() : targetReal) - realNow));
    if (step > 0) {
      await database.withSystem('test clock: advance', async (tx) => {
        await shiftWaitingJobs(tx, step);
        await writeSetting(tx, offsetKey, offset + step);
      });
      clock.setOffsetMs(offset + step);
    }
    await settle(deps, options.settleTimeoutMs ?? 15_000, options.pollMs ?? 50);
    if (!due) break;
  }
  logger.info({ minutes, now: clock.now().toISOString() }, 'test clock advanced');
  return clock.now();
}

async function settle(deps: TestClockDeps, timeoutMs: number, pollMs: number): Promise<void> {
  const { database, clock, logger } = deps;
  const deadline = clock.now().getTime() + timeoutMs;
  for (;;) {
    const realNow = new Date(clock.now().getTime() - clock.offsetMs());
    // Due jobs, and events the consumers have not turned into jobs yet.
    const busy =
      (await busyJobCount(database.db, realNow)) + (await unconsumedEventCount(database));
    if (busy === 0) return;
    if (clock.now().getTime() > deadline) {
      logger.warn(
        { busy },
        'test clock: jobs still due after the settle timeout; is a jobs role running?',
      );
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
