// A bot process for test/e2e/intake/crash.test.ts: polls the emulator through the durable intake
// and kills itself (SIGKILL) at the fault point it is given, on its n-th pass there.
import { createBot } from '../../../bot/index.js';
import type { BotDeps } from '../../../bot/context.js';
import { startBot } from '../../../bot/runner.js';
import { parseConfig } from '../../../config.js';
import { createSystemClock } from '../../../models/clock.js';
import { openDatabase } from '../../../models/db.js';
import { createPgIntakeStore, type IntakeStore } from '../../../models/intake/store.js';
import { createLogger } from '../../../models/logger.js';
import { testOutbound } from '../../helpers/outbound.js';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} missing`);
  return value;
};
const fault = process.env.CRASH_FAULT ?? 'none';
let passesLeft = Number(process.env.CRASH_FAULT_AT ?? '1');
/** Dies at the fault point on its n-th pass. */
const at = (point: string) => {
  if (point !== fault) return;
  passesLeft -= 1;
  if (passesLeft <= 0) process.kill(process.pid, 'SIGKILL');
};

const logger = createLogger({ level: process.env.CRASH_LOG_LEVEL ?? 'silent' });
const database = await openDatabase({ url: env('CRASH_DATABASE_URL'), logger, poolSize: 4 });
const parsed = parseConfig({
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  BOT_TOKEN: env('CRASH_BOT_TOKEN'),
  TELEGRAM_API_ROOT: env('CRASH_API_ROOT'),
});
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const deps: BotDeps = {
  config: parsed.value,
  database,
  logger,
  clock: createSystemClock(),
  outbound: testOutbound(parsed.value, { logger }),
};
const bot = createBot(deps);
// mid-handler: the handler's first message after its use-case committed (a payment is recorded),
// a reply through ctx or a notice through the outbound gateway (the payer's «in review»).
for (const api of [bot.api, deps.outbound.api])
  api.config.use((prev, method, payload, signal) => {
    if (method === 'sendMessage') at('mid-handler');
    return prev(method, payload, signal);
  });
const inner = createPgIntakeStore(database, { owner: `crash-${process.pid}`, leaseMs: 60_000 });
const store: IntakeStore = {
  ...inner,
  async append(updates) {
    // Only batches that carry a payment: the window between Telegram charging and us recording.
    const paid = updates.some(
      (u) => 'message' in u && JSON.stringify(u).includes('successful_payment'),
    );
    if (paid) at('before-append');
    const stored = await inner.append(updates);
    if (paid) at('after-append');
    return stored;
  },
  async complete(updateId) {
    at('before-complete');
    await inner.complete(updateId);
  },
};
const running = await startBot(bot, deps, {
  pollTimeoutSeconds: 1,
  intake: { store, retry: { attempts: 5, delaysMs: [200, 500, 1000], outageMaxMs: 1000 } },
});
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void running
    .stop()
    .then(() => database.close())
    .then(() => process.exit(0));
});
