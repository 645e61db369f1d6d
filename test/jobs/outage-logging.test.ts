import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config.js';
import { eventConsumers } from '../../jobs/events.js';
import { createJobs, type Jobs } from '../../jobs/index.js';
import { createSystemClock } from '../../models/clock.js';
import { openDatabase, type Database } from '../../models/db.js';
import { createLogger } from '../../models/logger.js';
import { createTestDatabase } from '../helpers/db.js';

/**
 * A TCP hop in front of the database that can be cut (open connections dropped, new ones refused:
 * ECONNREFUSED) and restored on the same port — a database outage as the app sees it.
 */
async function startOutageProxy(target: URL) {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const s = createServer((client) => {
        const upstream = connect(Number(target.port), target.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => undefined);
        }
        client.pipe(upstream).pipe(client);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        server = s;
        resolve((s.address() as { port: number }).port);
      });
    });
  const port = await listen(0);
  const cut = async () => {
    const s = server;
    server = undefined;
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => s?.close(resolve));
  };
  return {
    url: Object.assign(new URL(target.href), { port: String(port) }).href,
    cut,
    restore: () => listen(port),
  };
}

describe('a database outage under the jobs process', () => {
  let direct: Database;
  let database: Database;
  let jobs: Jobs;
  let proxy: Awaited<ReturnType<typeof startOutageProxy>>;
  const lines: {
    role?: string;
    msg: string;
    job?: string;
    consumer?: string;
    suppressed?: number;
  }[] = [];
  const logger = createLogger({
    level: 'info',
    destination: { write: (line: string) => void lines.push(JSON.parse(line)) },
  });

  beforeAll(async () => {
    direct = await createTestDatabase();
    proxy = await startOutageProxy(new URL(direct.url));
    database = await openDatabase({ url: proxy.url, logger, poolSize: 4 });
    // No DATABASE_URL in the config: the embedded set-up, polling every second for every job.
    const parsed = parseConfig({});
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    jobs = createJobs({ config: parsed.value, database, logger, clock: createSystemClock() });
    await jobs.start();
  }, 60_000);
  afterAll(async () => {
    await jobs?.stop();
    await database?.close();
    await direct?.close();
  });

  it('6 s without the database: at most one line per source, and the jobs go on after', async () => {
    const jobNames = Object.keys(jobs.agenda.definitions);
    expect(jobNames.length).toBeGreaterThan(10);
    let failures = 0;
    jobs.agenda.on('error', () => (failures += 1));
    jobs.agenda.on('fail', () => (failures += 1));
    lines.length = 0;
    await proxy.cut();
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    await proxy.restore();
    await new Promise((resolve) => setTimeout(resolve, 2_000));

    const jobLines = lines.filter((l) => l.role === 'jobs');
    // Every job name is polled every second: one failure each, a line each unthrottled.
    expect(failures).toBeGreaterThan(5 * jobNames.length);
    expect(jobLines.length).toBeGreaterThan(0);
    const perSource = new Map<string, number>();
    for (const l of jobLines) {
      // A source is a job, or an outbox consumer of the events dispatcher.
      const key = `${l.msg}:${l.job ?? l.consumer ?? ''}`;
      perSource.set(key, (perSource.get(key) ?? 0) + 1);
    }
    expect([...perSource.values()].every((n) => n === 1)).toBe(true);
    expect(jobLines.length).toBeLessThanOrEqual(jobNames.length + eventConsumers.length + 2);
    expect(jobs.isRunning()).toBe(true);
    await expect(database.ping()).resolves.toBeUndefined();
  }, 30_000);
});
