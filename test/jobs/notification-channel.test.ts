import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config.js';
import { createJobs, type Jobs } from '../../jobs/index.js';
import { createSystemClock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { createLogger } from '../../models/logger.js';
import { createTestDatabase, testServerUrl } from '../helpers/db.js';

/**
 * Ends every connection to this database but its own, as a server restart or DROP … WITH (FORCE)
 * does. A separate client, so that no pool connection is spared for running it.
 */
async function terminateOtherConnections(database: Database): Promise<number> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid()`,
    );
    return rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// The LISTEN connection exists only on a PostgreSQL server: PGlite cannot deliver NOTIFY, and
// terminating a backend there would end its only session.
describe.skipIf(!testServerUrl())('job notification channel (LISTEN) on a server', () => {
  let database: Database;
  let jobs: Jobs;
  const lines: string[] = [];
  const uncaught: unknown[] = [];
  const onUncaught = (err: unknown) => void uncaught.push(err);

  beforeAll(async () => {
    database = await createTestDatabase();
    const parsed = parseConfig({ DATABASE_URL: database.url });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    jobs = createJobs({
      config: parsed.value,
      database,
      logger: createLogger({
        level: 'warn',
        destination: { write: (line: string) => void lines.push(line) },
      }),
      clock: createSystemClock(),
    });
    process.prependListener('uncaughtException', onUncaught);
  });
  afterAll(async () => {
    process.removeListener('uncaughtException', onUncaught);
    await jobs.stop();
    await database.close();
  });

  it('a killed LISTEN connection is logged and listened again; the process goes on', async () => {
    await jobs.start();
    expect(jobs.notificationState()).toBe('connected');

    expect(await terminateOtherConnections(database)).toBeGreaterThan(0);
    await until(() => lines.some((l) => l.includes('job notification channel error')), 'the log');
    await until(() => jobs.notificationState() === 'connected', 'the channel to reconnect');

    expect(uncaught).toEqual([]);
    const logged = JSON.parse(lines.find((l) => l.includes('notification channel'))!) as {
      err: { code?: string };
    };
    expect(logged.err.code).toBe('57P01');
  });

  it('after stop, the connection it gave back to the pool can die without ending the process', async () => {
    await jobs.stop();
    expect(jobs.notificationState()).toBe('disconnected');
    lines.length = 0;

    // The released client keeps the channel's error handler: this used to throw from it. (The
    // channel's own log line is throttled now — one outage line a minute — so wait for the pool
    // to see its idle connection die instead.)
    const idleDied = new Promise((resolve) => database.pool.once('error', resolve));
    expect(await terminateOtherConnections(database)).toBeGreaterThan(0);
    await idleDied;
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(uncaught).toEqual([]);
    expect(jobs.notificationState()).toBe('disconnected');
  });
});
