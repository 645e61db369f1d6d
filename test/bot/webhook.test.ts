import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, inArray } from 'drizzle-orm';
import Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotDeps } from '../../bot/context.js';
import { createBot } from '../../bot/index.js';
import { createIntake, type Intake } from '../../bot/intake/index.js';
import { createWebhookHandler } from '../../bot/webhook.js';
import { parseConfig } from '../../config.js';
import { createSystemClock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { createLogger } from '../../models/logger.js';
import { payments, updateIntake } from '../../models/schema.js';
import { createTestDatabase } from '../helpers/db.js';
import { type Sandbox, startSandbox } from '../helpers/sandbox.js';
import { testOutbound } from '../helpers/outbound.js';

let database: Database;
let sandbox: Sandbox;
let server: Server;
let webhookUrl: string;
let intake: Intake;
const secret = 'test-webhook-secret';

beforeAll(async () => {
  database = await createTestDatabase();
  sandbox = await startSandbox();
  const parsed = parseConfig({
    NODE_ENV: 'test',
    BOT_TOKEN: sandbox.token,
    TELEGRAM_API_ROOT: sandbox.apiRoot,
    BOT_MODE: 'webhook',
    PUBLIC_URL: 'http://127.0.0.1',
    BOT_WEBHOOK_SECRET: secret,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const deps: BotDeps = {
    config: parsed.value,
    database,
    logger: createLogger({ level: 'silent' }),
    clock: createSystemClock(),
    outbound: testOutbound(parsed.value),
  };
  const bot = createBot(deps);
  const app = new Koa();
  await bot.init();
  intake = createIntake(bot, deps);
  const handler = createWebhookHandler(intake, deps);
  app.use(async (ctx, next) => (ctx.path === '/telegram' ? handler(ctx, next) : next()));
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/telegram`;
  await bot.api.setWebhook(webhookUrl, { secret_token: secret });
});

afterAll(async () => {
  await intake?.stop(5_000);
  await sandbox?.close();
  await new Promise((resolve) => server?.close(resolve));
  await database?.close();
});

describe('createWebhookHandler', () => {
  it('handles updates Telegram posts to the webhook', async () => {
    const ann = sandbox.user({ first_name: 'Ann', language_code: 'en' });
    ann.send('/start');
    await ann.waitForMessage('Hi, Ann!');
    await ann.click('📢 I own channels');
    await ann.waitFor((m) => m.text?.includes('For channel owners') === true, {
      what: 'owner text',
    });
  });

  it('refuses requests without the secret token and bodies that are not JSON', async () => {
    const update = JSON.stringify({ update_id: 1 });
    const headers = { 'content-type': 'application/json' };
    const noSecret = await fetch(webhookUrl, { method: 'POST', headers, body: update });
    expect(noSecret.status).toBe(401);
    const bad = await fetch(webhookUrl, {
      method: 'POST',
      headers: { ...headers, 'x-telegram-bot-api-secret-token': secret },
      body: '{not json',
    });
    expect(bad.status).toBe(400);
    const get = await fetch(webhookUrl);
    expect(get.status).toBe(405);
  });

  it('a forged successful_payment without the secret (or a wrong one) is refused and changes nothing', async () => {
    const payer = sandbox.user({ first_name: 'Forger' });
    const forged = (updateId: number) =>
      JSON.stringify({
        update_id: updateId,
        message: {
          message_id: 1,
          date: Math.floor(Date.now() / 1000),
          chat: { id: payer.id, type: 'private', first_name: 'Forger' },
          from: { id: payer.id, is_bot: false, first_name: 'Forger' },
          successful_payment: {
            currency: 'XTR',
            total_amount: 770,
            invoice_payload: `order:${randomUUID()}:0`,
            telegram_payment_charge_id: 'forged-charge',
            provider_payment_charge_id: '',
          },
        },
      });
    const headers = { 'content-type': 'application/json' };
    const without = await fetch(webhookUrl, { method: 'POST', headers, body: forged(900_001) });
    const wrong = await fetch(webhookUrl, {
      method: 'POST',
      headers: { ...headers, 'x-telegram-bot-api-secret-token': `${secret}x` },
      body: forged(900_002),
    });
    expect([without.status, wrong.status]).toEqual([401, 401]);
    const stored = await database.withSystem('test read', (tx) =>
      tx
        .select()
        .from(updateIntake)
        .where(inArray(updateIntake.updateId, [900_001, 900_002])),
    );
    expect(stored).toEqual([]);
    const paid = await database.withSystem('test read', (tx) =>
      tx.select().from(payments).where(eq(payments.providerPaymentId, 'forged-charge')),
    );
    expect(paid).toEqual([]);
    expect(payer.botMessages()).toEqual([]);
  });
});
