// A jobs process for test/e2e/events-crash.test.ts, SIGKILLed by itself at EVENTS_FAULT:
// 'after-record' — the post is recorded (its event committed with it), nothing else happened;
// 'in-consumer' — the notification consumer queued the notifications but has not committed.
import { publishPlacement } from '../../jobs/publish.js';
import { notificationConsumer } from '../../messages/notify-on-events.js';
import { openDatabase } from '../../models/db.js';
import { createLogger } from '../../models/logger.js';
import { consumeEvents } from '../../models/outbox/consume.js';
import { testOutbound } from '../helpers/outbound.js';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} missing`);
  return value;
};
const die = () => {
  process.kill(process.pid, 'SIGKILL');
  return new Promise<never>(() => undefined);
};
const logger = createLogger({ level: 'silent' });
const database = await openDatabase({ url: env('EVENTS_DATABASE_URL'), logger, poolSize: 2 });
const nowMs = Number(env('EVENTS_NOW_MS'));
const fault = env('EVENTS_FAULT');
const { api } = testOutbound({ token: env('EVENTS_BOT_TOKEN'), apiRoot: env('EVENTS_API_ROOT') });
const outcome = await publishPlacement(
  {
    database,
    clock: { now: () => new Date(nowMs), offsetMs: () => 0 },
    logger,
    api,
    publicUrl: 'https://lytslot.test',
    refund: () => Promise.resolve(),
    ...(fault === 'after-record' ? { afterRecord: die } : {}),
  },
  env('EVENTS_PLACEMENT_ID'),
);
if (outcome !== 'published') throw new Error(`not published: ${outcome}`);
// Until the post's event is visible (an older transaction elsewhere on the server may hold it back).
for (let pass = 0; pass < 500; pass++) {
  await consumeEvents(
    database,
    {
      name: notificationConsumer.name,
      async handle(tx, event) {
        await notificationConsumer.handle(tx, event);
        if (event.type === 'placement.published') await die();
      },
    },
    { logger },
  );
  await new Promise((resolve) => setTimeout(resolve, 20));
}
process.exit(3); // never reached: the process is dead by now
