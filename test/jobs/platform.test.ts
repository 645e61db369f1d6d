import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config.js';
import { createJobs } from '../../jobs/index.js';
import { heartbeatJob } from '../../jobs/platform.js';
import { createSystemClock } from '../../models/clock.js';
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
