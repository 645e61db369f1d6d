import { createBot } from '../../bot/index.js';
import type { Redis } from 'ioredis';
import type { BotDeps } from '../../bot/context.js';
import { type RunningBot, startBot } from '../../bot/runner.js';
import { parseConfig } from '../../config.js';
import { setPreModeration } from '../../models/moderation/moderation-policy.js';
import { createSystemClock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { createLogger, type Logger } from '../../models/logger.js';
import { createPaymentProviders } from '../../models/providers/create-providers.js';
import { createTestDatabase } from '../helpers/db.js';
import { type Sandbox, type StartSandboxOptions, startSandbox } from '../helpers/sandbox.js';
import { testOutbound } from '../helpers/outbound.js';

/** Retries a failed update quickly, so tests see a parked update within a second. */
export const testIntakeOptions = {
  retry: { attempts: 3, delaysMs: [100, 300], outageMaxMs: 1_000 },
  sweepMs: 1_000,
} as const;

/** A real bot (createBot + startBot) on a fresh test database, talking to the emulator. */
export interface BotHarness {
  sandbox: Sandbox;
  database: Database;
  deps: BotDeps;
  running: RunningBot;
  /** Stops the bot and starts a new one (new createBot) on the same database and emulator. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startBotHarness(
  options: {
    sandbox?: StartSandboxOptions;
    adminChat?: boolean;
    logger?: Logger;
    /** Extra environment, e.g. STRIPE_* / YOOKASSA_* pointing at the local fakes. */
    env?: Record<string, string | undefined>;
    /** Pre-moderation of new channels and first-time/flagged creatives (docs/admin.md); off by default. */
    moderation?: boolean;
    /** A Redis client for the rate limiter's counters (tests of Redis failures). */
    redis?: Redis;
  } = {},
): Promise<BotHarness> {
  const database = await createTestDatabase();
  const sandbox = await startSandbox(options.sandbox);
  const parsed = parseConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    BOT_TOKEN: sandbox.token,
    TELEGRAM_API_ROOT: sandbox.apiRoot,
    ADMIN_CHAT_ID: options.adminChat === false ? undefined : String(sandbox.ids.adminChatId),
    ADMIN_TELEGRAM_IDS: options.adminChat === false ? undefined : String(sandbox.ids.adminId),
    ...options.env,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  if (options.moderation) {
    await setPreModeration(database, { enabled: true, actor: 'system:test', at: new Date(0) });
  }
  const logger = options.logger ?? createLogger({ level: 'silent' });
  const deps: BotDeps = {
    config: parsed.value,
    database,
    logger,
    clock: createSystemClock(),
    providers: createPaymentProviders(parsed.value),
    ...(options.redis ? { redis: options.redis } : {}),
    // As main.ts: one gateway, sharing Redis with the rate limiter when given.
    outbound: testOutbound(parsed.value, {
      logger,
      ...(options.redis ? { redis: options.redis } : {}),
    }),
  };
  const launch = () =>
    startBot(createBot(deps), deps, { pollTimeoutSeconds: 1, intake: testIntakeOptions });
  const harness: BotHarness = {
    sandbox,
    database,
    deps,
    running: await launch(),
    async restart() {
      await harness.running.stop();
      harness.running = await launch();
    },
    async close() {
      await harness.running.stop();
      await sandbox.close();
      await database.close();
    },
  };
  return harness;
}
