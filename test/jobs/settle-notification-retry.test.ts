import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config.js';
import { createJobs, type Jobs } from '../../jobs/index.js';
import { maxNotificationAttempts } from '../../jobs/notifications.js';
import { createTestClock, type TestClock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { createLogger } from '../../models/logger.js';
import { enqueueNotification } from '../../messages/notification.js';
import { advanceTestClock } from '../../models/platform/test-clock.js';
import { createTestDatabase } from '../helpers/db.js';
import { testOutbound } from '../helpers/outbound.js';

/** Telegram unreachable (nothing listens on the discard port): each attempt fails without an answer. */
describe('notifications.send when Telegram cannot be reached', () => {
  let database: Database;
  let jobs: Jobs;
  const clock: TestClock = createTestClock();
  const logger = createLogger({ level: 'silent' });

  beforeAll(async () => {
    database = await createTestDatabase();
    const parsed = parseConfig({
      DATABASE_URL: database.url,
      TEST_CLOCK: 'on',
      BOT_TOKEN: '123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:9',
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const outbound = testOutbound(parsed.value, { logger });
    jobs = createJobs({ config: parsed.value, database, logger, clock, outbound });
    await jobs.start();
  }, 60_000);
  afterAll(async () => {
    await jobs?.stop();
    await database?.close();
  });

  it('is retried with backoff a few times, then dropped; the job itself never fails', async () => {
    await enqueueNotification((n, d, at) => jobs.scheduleAt(n, d, at), {
      telegramId: 4242,
      key: 'settle-refunded-advertiser',
      vars: { amount: 1, currency: 'XTR' },
    });
    for (let step = 0; step < 6; step += 1) await advanceTestClock({ database, clock, logger }, 2);
    const { rows } = await database.db.execute<{ attempt: number; failed: boolean }>(sql`
      select (data->>'attempt')::int as attempt, failed_at is not null as failed
      from agenda_jobs where name = 'notifications.send' order by 1`);
    expect(rows.map((r) => r.attempt)).toEqual(
      Array.from({ length: maxNotificationAttempts }, (_, i) => i),
    );
    expect(rows.every((r) => !r.failed)).toBe(true);
  }, 60_000);
});
