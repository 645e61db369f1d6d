import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config.js';
import { createJobs } from '../../jobs/index.js';
import { extendSlotsJob } from '../../jobs/slots.js';
import { createTestClock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { createLogger } from '../../models/logger.js';
import { advanceTestClock } from '../../models/platform/test-clock.js';
import { slots } from '../../models/schema.js';
import { createTestDatabase } from '../helpers/db.js';
import { everyDayAt, makeChannel } from '../factories/channels.js';

describe('slots.extend job', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('materializes every channel’s horizon at start and daily, in platform (test clock) time', async () => {
    // Active with a schedule but no slots yet: the job materializes them.
    const channel = await makeChannel(database, {
      title: 'Jobs channel',
      language: 'en',
      settings: { schedule: everyDayAt('09:00', '21:00'), leadTimeMinutes: 0, horizonDays: 5 },
    });
    const parsed = parseConfig({ DATABASE_URL: database.url, TEST_CLOCK: 'on' });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const clock = createTestClock(40 * 86_400_000); // platform time is 40 days ahead
    const logger = createLogger({ level: 'silent' });
    const jobs = createJobs({ config: parsed.value, database, logger, clock });
    await jobs.start();
    try {
      const read = () =>
        database.withScope({ workspaceId: channel.workspaceId }, (tx) =>
          tx.select({ startsAt: slots.startsAt }).from(slots).orderBy(slots.startsAt),
        );
      const deadline = Date.now() + 20_000;
      let rows = await read();
      while (rows.length === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        rows = await read();
      }
      expect(rows.length).toBeGreaterThanOrEqual(9);
      expect(rows.length).toBeLessThanOrEqual(10);
      const now = clock.now().getTime();
      expect(rows[0]!.startsAt.getTime()).toBeGreaterThan(now - 60_000);
      expect(rows[rows.length - 1]!.startsAt.getTime()).toBeLessThan(now + 5 * 86_400_000);
      const recurring = await jobs.agenda.queryJobs({ name: extendSlotsJob });
      expect(recurring.jobs).toHaveLength(1);

      // A day of platform time later the daily run has extended the horizon by that day.
      const lastBefore = rows[rows.length - 1]!.startsAt.getTime();
      await advanceTestClock({ database, clock, logger }, 24 * 60);
      const after = await read();
      expect(after[after.length - 1]!.startsAt.getTime()).toBeGreaterThan(lastBefore);
      expect(after[after.length - 1]!.startsAt.getTime()).toBeGreaterThan(
        clock.now().getTime() + 4 * 86_400_000,
      );
    } finally {
      await jobs.stop();
    }
  });
});
