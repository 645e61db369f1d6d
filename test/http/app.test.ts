import Router from '@koa/router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../http/app.js';
import { createMetrics } from '../../http/metrics.js';
import { startHttpServer, type HttpServer } from '../../http/server.js';
import { createLogger } from '../../models/logger.js';

describe('HTTP app', () => {
  let server: HttpServer;
  let lines: string[];
  let healthy = true;

  beforeAll(async () => {
    lines = [];
    const logger = createLogger({
      level: 'info',
      destination: { write: (line: string) => void lines.push(line) },
    });
    const boom = new Router();
    boom.get('/boom', () => {
      throw new Error('connection string postgres://secret@db/prod failed');
    });
    const app = createHttpApp({
      logger,
      metrics: createMetrics(),
      readiness: {
        database: async () => {
          if (!healthy) throw new Error('down');
        },
        telegram: async () => undefined,
      },
      routers: [boom],
    });
    server = await startHttpServer(app, '127.0.0.1', 0);
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers /healthz', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz with each check, 503 when one fails', async () => {
    const ok = await fetch(`${server.url}/readyz`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: 'ok', checks: { database: 'ok', telegram: 'ok' } });
    healthy = false;
    const down = await fetch(`${server.url}/readyz`);
    healthy = true;
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({
      status: 'unavailable',
      checks: { database: 'failing', telegram: 'ok' },
    });
  });

  it('never leaks 5xx details, and returns the request id', async () => {
    const response = await fetch(`${server.url}/boom`, { headers: { 'x-request-id': 'req-123' } });
    expect(response.status).toBe(500);
    expect(response.headers.get('x-request-id')).toBe('req-123');
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: 'internal_error', requestId: 'req-123' });
    expect(text).not.toContain('postgres://');
    const logged = lines.find((l) => l.includes('request failed')) ?? '';
    expect(JSON.parse(logged)).toMatchObject({ requestId: 'req-123', level: 50 });
  });

  it('answers unknown routes with a JSON 404 and a fresh request id', async () => {
    const response = await fetch(`${server.url}/nope`, { headers: { 'x-request-id': 'bad id!' } });
    expect(response.status).toBe(404);
    const id = response.headers.get('x-request-id') ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toEqual({ error: 'not_found', requestId: id });
  });

  it('answers a method the route does not allow with 405 method_not_allowed and Allow', async () => {
    const response = await fetch(`${server.url}/healthz`, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('HEAD, GET');
    const id = response.headers.get('x-request-id');
    expect(await response.json()).toEqual({ error: 'method_not_allowed', requestId: id });
  });

  it.each(['/r/%E0%A4%A', '/healthz%ZZ', '/%C0'])(
    'answers a broken %%-encoding in the path %s with 400 bad_request, logged as no failure',
    async (path) => {
      const before = lines.length;
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(400);
      const id = response.headers.get('x-request-id');
      expect(await response.json()).toEqual({ error: 'bad_request', requestId: id });
      expect(lines.slice(before).some((l) => l.includes('request failed'))).toBe(false);
    },
  );

  it('exposes Prometheus metrics including request durations', async () => {
    await fetch(`${server.url}/healthz`);
    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain(
      'lytslot_http_request_duration_seconds_count{method="GET",route="/healthz",status="200"}',
    );
    expect(text).toContain('lytslot_process_cpu_user_seconds_total');
  });
});
