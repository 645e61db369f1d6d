// A jobs process for test/e2e/publish-crash.test.ts: publishes one placement and is SIGKILLed by
// itself right after the post is sent and before it is recorded.
import { publishPlacement } from '../../jobs/publish.js';
import { openDatabase } from '../../models/db.js';
import { createLogger } from '../../models/logger.js';
import { testOutbound } from '../helpers/outbound.js';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} missing`);
  return value;
};
const logger = createLogger({ level: 'silent' });
const database = await openDatabase({ url: env('CRASH_DATABASE_URL'), logger, poolSize: 2 });
const nowMs = Number(env('CRASH_NOW_MS'));
const { api } = testOutbound({ token: env('CRASH_BOT_TOKEN'), apiRoot: env('CRASH_API_ROOT') });
await publishPlacement(
  {
    database,
    clock: { now: () => new Date(nowMs), offsetMs: () => 0 },
    logger,
    api,
    publicUrl: 'https://lytslot.test',
    refund: () => Promise.resolve(),
    afterSend: () => {
      process.kill(process.pid, 'SIGKILL');
      return new Promise(() => undefined);
    },
  },
  env('CRASH_PLACEMENT_ID'),
);
process.exit(3); // never reached: the post was sent, so the process is dead by now
