import { createBot } from '../../bot/index.js';
import type { BotDeps } from '../../bot/context.js';
import { type RunningBot, startBot } from '../../bot/runner.js';
import { parseConfig } from '../../config.js';
import { createSystemClock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { createLogger, type Logger } from '../../models/logger.js';
import { createTestDatabase } from '../helpers/db.js';
import { type Sandbox, type StartSandboxOptions, startSandbox } from '../helpers/sandbox.js';

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
  options: { sandbox?: StartSandboxOptions; adminChat?: boolean; logger?: Logger } = {},
): Promise<BotHarness> {
  const database = await createTestDatabase();
  const sandbox = await startSandbox(options.sandbox);
  const parsed = parseConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    BOT_TOKEN: sandbox.token,
    TELEGRAM_API_ROOT: sandbox.apiRoot,
    ADMIN_CHAT_ID: options.adminChat === false ? undefined : String(sandbox.ids.adminChatId),
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const deps: BotDeps = {
    config: parsed.value,
    database,
    logger: options.logger ?? createLogger({ level: 'silent' }),
    clock: createSystemClock(),
  };
  const launch = () => startBot(createBot(deps), deps, { pollTimeoutSeconds: 1 });
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
