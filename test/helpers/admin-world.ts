import type { BotDeps } from '../../bot/context.js';
import { createBot } from '../../bot/index.js';
import { startBot } from '../../bot/runner.js';
import { parseConfig } from '../../config.js';
import { createJobs, type Jobs } from '../../jobs/index.js';
import { setAdminLanguage } from '../../models/admin/admin-language.js';
import { createTestClock, type TestClock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { createLogger } from '../../models/logger.js';
import { createPaymentProviders } from '../../models/providers/create-providers.js';
import { createTestDatabase } from './db.js';
import { startSandbox, type Sandbox } from './sandbox.js';
import { testOutbound } from './outbound.js';

/** The real bot and its jobs on a test clock, with the sandbox's admin chat and admin. */
export interface AdminWorld {
  sandbox: Sandbox;
  database: Database;
  clock: TestClock;
  deps: BotDeps;
  jobs: Jobs;
  close(): Promise<void>;
}

/**
 * Starts the bot and the jobs against the sandbox with ADMIN_CHAT_ID / ADMIN_TELEGRAM_IDS set and
 * the admin chat in English (/adminlang; without it, its admins' language); `env` adds config.
 */
export async function startAdminWorld(
  options: { env?: Record<string, string> } = {},
): Promise<AdminWorld> {
  const clock = createTestClock(0);
  const [database, sandbox] = await Promise.all([createTestDatabase(), startSandbox({ clock })]);
  const parsed = parseConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    BOT_TOKEN: sandbox.token,
    TELEGRAM_API_ROOT: sandbox.apiRoot,
    DATABASE_URL: database.url,
    TEST_CLOCK: 'on',
    ADMIN_CHAT_ID: String(sandbox.ids.adminChatId),
    ADMIN_TELEGRAM_IDS: String(sandbox.ids.adminId),
    ...options.env,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const logger = createLogger({ level: 'silent' });
  const deps: BotDeps = {
    config: parsed.value,
    database,
    logger,
    clock,
    providers: createPaymentProviders(parsed.value),
    outbound: testOutbound(parsed.value, { logger }),
  };
  await setAdminLanguage(database, { language: 'en', actor: 'system:test', at: clock.now() });
  const running = await startBot(createBot(deps), deps, { pollTimeoutSeconds: 1 });
  const jobs = createJobs(deps);
  await jobs.start();
  return {
    sandbox,
    database,
    clock,
    deps,
    jobs,
    async close() {
      await jobs.stop();
      await running.stop();
      await sandbox.close();
      await database.close();
    },
  };
}
