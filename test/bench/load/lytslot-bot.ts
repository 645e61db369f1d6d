import { createBot } from '../../../bot/index.js';
import type { BotDeps } from '../../../bot/context.js';
import { startBot } from '../../../bot/runner.js';
import { parseConfig } from '../../../config.js';
import { createSystemClock } from '../../../models/clock.js';
import { openDatabase } from '../../../models/db.js';
import { createLogger } from '../../../models/logger.js';
import type { RunningBenchBot } from './echo-bot.js';
import { createMemoryIntakeStore } from './memory-intake.js';
import { testOutbound } from '../../helpers/outbound.js';

/**
 * Our bot as main.ts builds it (createBot + startBot) on an in-memory PGlite database; with
 * `durable: false` its intake keeps updates in memory (the cost of durability left out).
 */
export async function startLytslotBot(
  token: string,
  apiRoot: string,
  options: { durable: boolean } = { durable: true },
): Promise<RunningBenchBot> {
  const parsed = parseConfig({ BOT_TOKEN: token, TELEGRAM_API_ROOT: apiRoot, LOG_LEVEL: 'silent' });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const logger = createLogger({ level: 'silent' });
  const database = await openDatabase({ dataDir: 'memory://', logger });
  const deps: BotDeps = {
    config: parsed.value,
    database,
    logger,
    clock: createSystemClock(),
    outbound: testOutbound(parsed.value, { logger }),
  };
  try {
    const running = await startBot(createBot(deps), deps, {
      ...(options.durable ? {} : { intake: { store: createMemoryIntakeStore() } }),
    });
    return {
      async stop() {
        await running.stop();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
