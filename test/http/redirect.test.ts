import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../http/app.js';
import { createMetrics } from '../../http/metrics.js';
import { redirectRoutes } from '../../http/routes/redirect.js';
import { startHttpServer, type HttpServer } from '../../http/server.js';
import type { Clock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { createLogger } from '../../models/logger.js';
import { claimPlacement } from '../../models/placements/publish.js';
import { createTestDatabase } from '../helpers/db.js';
import { startSandbox, type Sandbox } from '../helpers/sandbox.js';
import { makeScheduledPlacement } from '../factories/sandbox-placements.js';

let database: Database;
let sandbox: Sandbox;
let server: HttpServer;
const clock: Clock = { now: () => new Date(Date.UTC(2032, 4, 10, 9, 0)), offsetMs: () => 0 };

beforeAll(async () => {
  [database, sandbox] = await Promise.all([createTestDatabase(), startSandbox()]);
  const app = createHttpApp({
    logger: createLogger({ level: 'silent' }),
    metrics: createMetrics(),
    readiness: {},
    routers: [redirectRoutes({ database, clock })],
  });
  server = await startHttpServer(app, '127.0.0.1', 0);
});
afterAll(async () => {
  await server?.close();
  await database?.close();
  await sandbox?.close();
});

const get = (path: string) =>
  fetch(`${server.url}${path}`, { redirect: 'manual', headers: { 'user-agent': 'Mozilla/5.0' } });

describe('GET /r/:code', () => {
  it('302 to the advertiser URL with erid, not cached', async () => {
    const { placement } = await makeScheduledPlacement(database, sandbox, clock, '1/24');
    const claim = await claimPlacement(database, placement.id, clock);
    if (claim.kind !== 'go') throw new Error(claim.kind);
    const response = await get(`/r/${claim.target.linkCodes[0]!}`);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toMatch(/^https?:\/\/.*erid=Kra23f4dE/);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('404 plain text without details for an unknown or malformed code', async () => {
    for (const path of ['/r/AAAAAAAAAAAAAAAA', '/r/%27%3B--']) {
      const response = await get(path);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await response.text()).toBe('Not found');
    }
  });
});
