import Router from '@koa/router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../http/app.js';
import { createMetrics } from '../../http/metrics.js';
import { startHttpServer, type HttpServer } from '../../http/server.js';
import { createLogger } from '../../models/logger.js';

const secret = 'wh_9f2c-Top-Secret-Value';
const databasePassword = 'pg-Pass-77';

/** The HTTP edge never writes the webhook secret or a database password to logs or /metrics. */
describe('HTTP app and secrets', () => {
  let server: HttpServer;
  const lines: string[] = [];

  beforeAll(async () => {
    const logger = createLogger({
      level: 'trace',
      destination: { write: (line: string) => void lines.push(line) },
    });
    const routes = new Router();
    routes.get('/r/:code', (ctx) => {
      ctx.status = 404;
    });
    routes.get('/boom', () => {
      throw new Error(`connect postgres://app:${databasePassword}@db:5432/lytslot refused`);
    });
    const app = createHttpApp({
      logger,
      metrics: createMetrics(),
      readiness: {},
      routers: [routes],
      botWebhook: {
        path: '/telegram/webhook',
        // A careless handler logging the whole request: its secret header is still redacted.
        handler: (ctx) => {
          ctx.state.log.info({ req: { headers: ctx.headers } }, 'webhook call');
          ctx.status = ctx.get('x-telegram-bot-api-secret-token') === secret ? 200 : 401;
        },
      },
    });
    server = await startHttpServer(app, '127.0.0.1', 0);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('keeps them out of every log line and the metrics text', async () => {
    const post = (path: string) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'x-telegram-bot-api-secret-token': secret, 'content-type': 'application/json' },
        body: '{"update_id":1}',
      });
    expect((await post('/telegram/webhook')).status).toBe(200);
    // The old webhook URL, with the secret in its path, and other paths carrying it.
    expect((await post(`/telegram/${secret}`)).status).toBe(404);
    expect((await post(`/${secret}`)).status).toBe(404);
    expect((await fetch(`${server.url}/r/${secret}?token=${secret}`)).status).toBe(404);
    expect((await fetch(`${server.url}/boom`)).status).toBe(500);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();

    const logged = lines.join('\n');
    expect(lines.length).toBeGreaterThanOrEqual(7);
    expect(logged).not.toContain(secret);
    expect(logged).not.toContain(databasePassword);
    expect(metrics).not.toContain(secret);
    // What is logged instead: route patterns, the webhook's label, the masked connection string.
    const requests = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');
    expect(requests.map((r) => r.route)).toEqual([
      'bot webhook',
      'unmatched',
      'unmatched',
      '/r/:code',
      '/boom',
      '/metrics',
    ]);
    expect(logged).toContain('postgres://app:***@db:5432/lytslot');
    expect(logged).toContain('"x-telegram-bot-api-secret-token":"[redacted]"');
    expect(metrics).toContain('route="bot webhook"');
    expect(metrics).toContain('route="/r/:code"');
  });
});
