import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { createLogger } from '../../models/logger.js';
import { accounts, placements } from '../../models/schema.js';
import { runScript } from '../helpers/child-process.js';
import { startSandboxJobs } from '../helpers/jobs-world.js';
import { createTestDatabase } from '../helpers/db.js';
import { deliverEvents } from '../helpers/outbox.js';
import { startSandbox, type Sandbox } from '../helpers/sandbox.js';
import { makeScheduledPlacement } from '../factories/sandbox-placements.js';

const child = new URL('./events-crash-child.ts', import.meta.url);

/**
 * The jobs process is SIGKILLed between a state change and the notification about it — right
 * after the post is recorded, or inside the consumer before its transaction commits — and the
 * notification still goes out exactly once after the restart.
 */
describe('a notification survives a crash after its state change', () => {
  let database: Database;
  let sandbox: Sandbox;
  const clock = createTestClock();
  const logger = createLogger({ level: 'silent' });
  beforeAll(async () => {
    [database, sandbox] = await Promise.all([createTestDatabase(), startSandbox({ clock })]);
  });
  afterAll(async () => {
    await database?.close();
    await sandbox?.close();
  });

  const publishedNotices = async (accountId: string) =>
    (
      await database.db.execute<{ n: number }>(
        sql`select count(*)::int as n from agenda_jobs where name = 'notifications.send'
            and data->>'key' = 'notify-published-advertiser' and data->>'accountId' = ${accountId}`,
      )
    ).rows[0]!.n;

  for (const fault of ['after-record', 'in-consumer'] as const) {
    it(`SIGKILL ${fault}: the advertiser hears once that the ad is live`, async () => {
      const seeded = await makeScheduledPlacement(database, sandbox, clock, '1/24');
      const { placement, advertiser } = seeded;
      // The advertiser has started the bot, so Telegram lets it write to them.
      const alex = sandbox.user({ first_name: `Alex ${fault}` });
      alex.send('/start');
      await database.withSystem('test: advertiser in the chat', (tx) =>
        tx
          .update(accounts)
          .set({ telegramId: alex.id, language: 'en' })
          .where(eq(accounts.id, advertiser)),
      );
      const exit = await runScript(child, {
        EVENTS_DATABASE_URL: database.url,
        EVENTS_NOW_MS: String(placement.dueAt.getTime()),
        EVENTS_BOT_TOKEN: sandbox.token,
        EVENTS_API_ROOT: sandbox.apiRoot,
        EVENTS_PLACEMENT_ID: placement.id,
        EVENTS_FAULT: fault,
      });
      expect(exit.signal).toBe('SIGKILL');
      const [row] = await database.withSystem('test read', (tx) =>
        tx.select().from(placements).where(eq(placements.id, placement.id)),
      );
      expect(row!.status).toBe('published');
      // Dead before any notification was queued for good: nothing sent, nothing queued.
      expect(await publishedNotices(advertiser)).toBe(0);

      // The restarted jobs process: its dispatcher turns the event into the notification.
      const jobs = await startSandboxJobs({ database, sandbox, clock, logger });
      try {
        await alex.waitForMessage(/Your ad is live in/, { timeoutMs: 15_000 });
      } finally {
        await jobs.stop();
      }
      expect(await deliverEvents(database)).toBe(0);
      expect(await publishedNotices(advertiser)).toBe(1);
      const live = alex
        .messages()
        .filter((m) => /Your ad is live in/.test((m as { text?: string }).text ?? ''));
      expect(live).toHaveLength(1);
    }, 60_000);
  }
});
