import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig, type Config } from '../../config.js';
import { startApp, type App } from '../../main.js';
import type { Database } from '../../models/db.js';
import { createLogger } from '../../models/logger.js';
import { createTestDatabase } from '../helpers/db.js';

const logger = createLogger({ level: 'silent' });

function configFor(database: Database, env: Record<string, string>): Config {
  const parsed = parseConfig({
    DATABASE_URL: database.url,
    ROLES: 'jobs,http',
    HTTP_PORT: '0',
    SANDBOX_PORT: '0',
    LOG_LEVEL: 'silent',
    ...env,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.value;
}

async function post(app: App, path: string, body: unknown): Promise<Response> {
  return fetch(`${app.httpUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('test clock', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('runs a job due in 2 hours exactly once after advancing 120 minutes, and due jobs in order', async () => {
    const app = await startApp(configFor(database, { TEST_CLOCK: 'on' }), { logger });
    try {
      const jobs = app.jobs!;
      const runs: { label: string; platformAt: number }[] = [];
      jobs.agenda.define('test.record', async (job) => {
        const { label } = job.attrs.data as { label: string };
        runs.push({ label, platformAt: app.clock.now().getTime() });
      });
      const start = app.clock.now().getTime();
      const inMinutes = (m: number) => new Date(start + m * 60_000);
      await jobs.scheduleAt('test.record', { label: 'two-hours' }, inMinutes(120));
      await jobs.scheduleAt('test.record', { label: 'c' }, inMinutes(50));
      await jobs.scheduleAt('test.record', { label: 'a' }, inMinutes(10));
      await jobs.scheduleAt('test.record', { label: 'b' }, inMinutes(30));

      await sleep(1500);
      expect(runs).toEqual([]);

      const before = Date.now();
      const response = await post(app, '/test-clock/advance', { minutes: 120 });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { now: string; offsetMinutes: number };
      expect(body.offsetMinutes).toBe(120);
      expect(new Date(body.now).getTime()).toBeGreaterThanOrEqual(start + 120 * 60_000);
      expect(Date.now() - before).toBeLessThan(10_000);

      await sleep(1500); // nothing runs twice
      expect(runs.map((r) => r.label)).toEqual(['a', 'b', 'c', 'two-hours']);
      // Each ran when platform time had reached its due time, not before.
      const due = { a: 10, b: 30, c: 50, 'two-hours': 120 } as Record<string, number>;
      for (const run of runs)
        expect(run.platformAt).toBeGreaterThanOrEqual(start + due[run.label]! * 60_000);
    } finally {
      await app.stop();
    }
  });

  it('keeps the offset across a restart', async () => {
    const first = await startApp(configFor(database, { TEST_CLOCK: 'on' }), { logger });
    let offsetBefore: number;
    try {
      const body = (await (await post(first, '/test-clock/advance', { minutes: 60 })).json()) as {
        offsetMinutes: number;
      };
      offsetBefore = body.offsetMinutes;
      expect(offsetBefore).toBeGreaterThanOrEqual(60);
    } finally {
      await first.stop();
    }
    const second = await startApp(configFor(database, { TEST_CLOCK: 'on' }), { logger });
    try {
      const body = (await (await fetch(`${second.httpUrl}/test-clock`)).json()) as {
        offsetMinutes: number;
      };
      expect(body.offsetMinutes).toBe(offsetBefore);
    } finally {
      await second.stop();
    }
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const app = await startApp(configFor(database, { TEST_CLOCK: 'on' }), { logger });
    try {
      const offset = app.clock.offsetMs();
      for (const body of [{ minutes: -5 }, { minutes: 1.5 }, { minutes: 'ten' }, {}]) {
        const response = await post(app, '/test-clock/advance', body);
        expect(response.status).toBe(400);
        expect(((await response.json()) as { error: string }).error).toMatch(/minutes/);
      }
      expect(app.clock.offsetMs()).toBe(offset);
    } finally {
      await app.stop();
    }
  });

  it('is absent (404) without TEST_CLOCK', async () => {
    const app = await startApp(configFor(database, {}), { logger });
    try {
      expect((await post(app, '/test-clock/advance', { minutes: 5 })).status).toBe(404);
      expect((await fetch(`${app.httpUrl}/test-clock`)).status).toBe(404);
      expect(app.clock.offsetMs()).toBe(0);
    } finally {
      await app.stop();
    }
  });

  it('refuses to start with TEST_CLOCK=on in production, with a readable message', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'main.ts'], {
      cwd: new URL('../../', import.meta.url).pathname,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        TEST_CLOCK: 'on',
        BOT_TOKEN: `123456:${'A'.repeat(35)}`,
      },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration:');
    expect(result.stderr).toContain('TEST_CLOCK (got "on"): is refused when NODE_ENV=production');
  });
});
