// A bot process for test/e2e/intake/crash.test.ts: polls the emulator through the durable intake
// and kills itself (SIGKILL) at the fault point it is given, on its n-th pass there.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createBot } from '../../../bot/index.js';
import type { BotDeps } from '../../../bot/context.js';
import { startBot } from '../../../bot/runner.js';
import { parseConfig } from '../../../config.js';
import { createSystemClock } from '../../../models/clock.js';
import { openDatabase, type Database, type Tx } from '../../../models/db.js';
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
/** Dies at the fault point on its n-th pass (lost-answer: fails its first n passes instead). */
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
// mid-handler: inside a payment update's handler, in a transaction whose work is done but not yet
// committed (the payment's own, or any other the handler opens) — a kill there rolls it back, and
// the redelivered update must record the charge once. The update in hand is tracked per async chain.
const handling = new AsyncLocalStorage<{ paid: boolean }>();
const handleUpdate = bot.handleUpdate.bind(bot);
bot.handleUpdate = (update, webhookReply) =>
  handling.run({ paid: 'message' in update && Boolean(update.message?.successful_payment) }, () =>
    handleUpdate(update, webhookReply),
  );
const beforeCommit =
  <A extends unknown[], T>(run: (...args: [...A, (tx: Tx) => Promise<T>]) => Promise<T>) =>
  (...args: [...A, (tx: Tx) => Promise<T>]) => {
    const fn = args.pop() as (tx: Tx) => Promise<T>;
    return run(...(args as unknown as A), async (tx: Tx) => {
      const result = await fn(tx);
      if (handling.getStore()?.paid) at('mid-handler');
      return result;
    });
  };
database.withScope = beforeCommit(database.withScope.bind(database)) as Database['withScope'];
database.withSystem = beforeCommit(database.withSystem.bind(database)) as Database['withSystem'];
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
    // lost-answer: the batch committed but its answer is lost on the way back (a cut connection);
    // the poller fetches the batch again and the store must hand the updates back at once.
    if (paid && fault === 'lost-answer' && passesLeft-- > 0) {
      throw new Error('Connection terminated unexpectedly');
    }
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
