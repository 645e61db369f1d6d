import { PostgresBackend } from '@agendajs/postgres-backend';
import { Agenda } from 'agenda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob } from '../../jobs/define-job.js';
import type { Database } from '../../models/db.js';
import { createLogger } from '../../models/logger.js';
import { createTestDatabase } from '../helpers/db.js';

const logger = createLogger({ level: 'silent' });

/** A worker of its own on the test database, as a second jobs process would be. */
function worker(database: Database, name: string) {
  return new Agenda({
    backend: new PostgresBackend({ pool: database.pool, disableNotifications: true }),
    name,
    processEvery: 200,
  });
}

describe('defineJob keeps a running job locked', () => {
  let database: Database;
  const workers: Agenda[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop(false)));
    await database?.close();
  });

  it('a run longer than its lock lifetime is neither cancelled nor taken by another worker', async () => {
    const runs: string[] = [];
    const failures: string[] = [];
    for (const name of ['worker-a', 'worker-b']) {
      const agenda = worker(database, name);
      defineJob(agenda, logger, {
        name: 'test.slow',
        data: z.object({}),
        lockLifetimeMs: 900,
        run: async () => {
          runs.push(name);
          await new Promise((resolve) => setTimeout(resolve, 3_000));
        },
      });
      agenda.on('fail', (err: Error) => failures.push(err.message));
      workers.push(agenda);
      // One at a time: two backends creating agenda_logs at once race on PostgreSQL's catalog.
      await agenda.ready;
    }
    await workers[0]!.now('test.slow', {});
    await Promise.all(workers.map((w) => w.start()));
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    // Untouched, the 900 ms lock would expire mid-run: Agenda cancels the run and the other
    // worker takes the job again.
    expect(runs).toHaveLength(1);
    expect(failures).toEqual([]);
  }, 20_000);
});
