import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config.js';
import { createJobs } from '../../jobs/index.js';
import { heartbeatJob } from '../../jobs/platform.js';
import { createSystemClock, createTestClock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { lastHeartbeat } from '../../models/heartbeats/queries.js';
import { createLogger } from '../../models/logger.js';
import { createTestDatabase } from '../helpers/db.js';

describe('jobs role', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('runs the heartbeat at start, and a second start keeps one recurring job', async () => {
    const parsed = parseConfig({ DATABASE_URL: database.url });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const deps = {
      config: parsed.value,
      database,
      logger: createLogger({ level: 'silent' }),
      clock: createSystemClock(),
    };
    const started = new Date();
    for (let round = 0; round < 2; round++) {
      const jobs = createJobs(deps);
      await jobs.start();
      try {
        const deadline = Date.now() + 15_000;
        let at: Date | undefined;
        while (Date.now() < deadline) {
          at = await database.withScope({}, (tx) => lastHeartbeat(tx, heartbeatJob));
          if (at && at >= started) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(at?.getTime()).toBeGreaterThanOrEqual(started.getTime());
        expect(jobs.isRunning()).toBe(true);
        const recurring = await jobs.agenda.queryJobs({ name: heartbeatJob });
        expect(recurring.jobs).toHaveLength(1);
      } finally {
        await jobs.stop();
      }
      expect(jobs.isRunning()).toBe(false);
    }
  });
});

describe('events partitions job', () => {
  it('creates the monthly partitions of the platform clock, months ahead, idempotently', async () => {
    const database = await createTestDatabase();
    try {
      const parsed = parseConfig({ DATABASE_URL: database.url, TEST_CLOCK: 'on' });
      if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
      // Platform time a year ahead: the job must follow the clock, not the wall.
      const clock = createTestClock(366 * 24 * 60 * 60_000);
      const jobs = createJobs({
        config: parsed.value,
        database,
        logger: createLogger({ level: 'silent' }),
        clock,
      });
      await jobs.start();
      try {
        const ahead = clock.now();
        const name = `events_${ahead.getUTCFullYear()}_${String(ahead.getUTCMonth() + 1).padStart(2, '0')}`;
        const deadline = Date.now() + 15_000;
        let found = false;
        while (!found && Date.now() < deadline) {
          const { rows } = await database.db.execute<{ n: number }>(
            sql`select count(*)::int as n from pg_class where relname = ${name}`,
          );
          found = rows[0]?.n === 1;
          if (!found) await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(found).toBe(true);
      } finally {
        await jobs.stop();
      }
    } finally {
      await database.close();
    }
  });
});
