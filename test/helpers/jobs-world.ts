import { parseConfig } from '../../config.js';
import { createJobs, type Jobs } from '../../jobs/index.js';
import { createTestClock, type TestClock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { createLogger, type Logger } from '../../models/logger.js';
import { advanceTestClock } from '../../models/platform/test-clock.js';
import { createTestDatabase } from './db.js';
import { startSandbox, type Sandbox } from './sandbox.js';
import { testOutbound } from './outbound.js';

/** The jobs process (no bot) against the emulator and a PGlite database, on a test clock. */
export interface JobsWorld {
  database: Database;
  sandbox: Sandbox;
  clock: TestClock;
  logger: Logger;
  jobs: Jobs;
  /** Moves platform time to `at` (whole minutes, jobs run in due order); nothing if it has passed. */
  advanceTo(at: Date): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts a jobs process against the emulator's Telegram (its bot token and API root) on the test
 * clock; `env` adds settings (VERIFY_CHAT_ID…). What a crash test restarts after the kill.
 */
export async function startSandboxJobs(world: {
  database: Database;
  sandbox: Sandbox;
  clock: TestClock;
  logger: Logger;
  env?: Record<string, string>;
}): Promise<Jobs> {
  const { database, sandbox, clock, logger } = world;
  const parsed = parseConfig({
    DATABASE_URL: database.url,
    TEST_CLOCK: 'on',
    BOT_TOKEN: sandbox.token,
    TELEGRAM_API_ROOT: sandbox.apiRoot,
    ...world.env,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const outbound = testOutbound(parsed.value, { logger });
  const jobs = createJobs({ config: parsed.value, database, logger, clock, outbound });
  await jobs.start();
  return jobs;
}

/** Starts the jobs with the emulator's bot token and its verification chat (VERIFY_CHAT_ID). */
export async function startJobsWorld(): Promise<JobsWorld> {
  const clock = createTestClock();
  const logger = createLogger({ level: 'silent' });
  const [database, sandbox] = await Promise.all([createTestDatabase(), startSandbox({ clock })]);
  const jobs = await startSandboxJobs({
    database,
    sandbox,
    clock,
    logger,
    env: { VERIFY_CHAT_ID: String(sandbox.ids.verifyChatId) },
  });
  return {
    database,
    sandbox,
    clock,
    logger,
    jobs,
    async advanceTo(at) {
      const minutes = Math.ceil((at.getTime() - clock.now().getTime()) / 60_000);
      if (minutes > 0) await advanceTestClock({ database, clock, logger }, minutes);
    },
    async close() {
      await jobs.stop();
      await database.close();
      await sandbox.close();
    },
  };
}
