import { eq, sql } from 'drizzle-orm';
import { GrammyError } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config.js';
import { createI18n } from '../../bot/i18n.js';
import { renderNotification } from '../../jobs/notifications.js';
import {
  clickTrackingWarning,
  createPublishDeps,
  publishPlacement,
  sendFailureCause,
  type PublishDeps,
} from '../../jobs/publish.js';
import { testOutbound } from '../helpers/outbound.js';
import type { Clock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { createLogger } from '../../models/logger.js';
import { clickLinks, orders, placements } from '../../models/schema.js';
import { createTestDatabase } from '../helpers/db.js';
import { deliverEvents } from '../helpers/outbox.js';
import { startSandbox, type Sandbox } from '../helpers/sandbox.js';
import { makeScheduledPlacement } from '../factories/sandbox-placements.js';
import { refundInFull, testPublishDeps } from '../helpers/publish-deps.js';

/** Publishing against an emulator that refuses local links as real Telegram does. */
let database: Database;
let sandbox: Sandbox;
let nowMs = Date.UTC(2032, 6, 1, 9, 0);
const clock: Clock = { now: () => new Date(nowMs), offsetMs: () => 0 };
const logger = createLogger({ level: 'silent' });
const token = `123456:${'A'.repeat(35)}`;

beforeAll(async () => {
  [database, sandbox] = await Promise.all([
    createTestDatabase(),
    startSandbox({ allowLocalLinks: false }),
  ]);
});
afterAll(async () => {
  await database?.close();
  await sandbox?.close();
});

function deps(publicUrl: string | undefined): PublishDeps {
  return testPublishDeps(
    { database, clock, api: testOutbound(sandbox).api },
    { logger, publicUrl, refund: refundInFull(database, clock) },
  );
}

const readPlacement = async (id: string) =>
  (
    await database.withSystem('test read', (tx) =>
      tx.select().from(placements).where(eq(placements.id, id)),
    )
  )[0]!;
const readOrder = async (id: string) =>
  (
    await database.withSystem('test read', (tx) =>
      tx.select().from(orders).where(eq(orders.id, id)),
    )
  )[0]!;
/** Notifications queued for the account with `key`, once pending domain events are delivered. */
async function noticesFor(accountId: string, key: string) {
  await deliverEvents(database);
  const { rows } = await database.db.execute<{
    data: { key: string; vars: Record<string, string | number> };
  }>(
    sql`select data from agenda_jobs where name = 'notifications.send'
        and data->>'key' = ${key} and data->>'accountId' = ${accountId}`,
  );
  return rows.map((r) => r.data);
}
const buttonUrl = (message: { reply_markup?: unknown }) =>
  (message.reply_markup as { inline_keyboard: { url: string }[][] }).inline_keyboard[0]![0]!.url;

describe('publishing when Telegram cannot open PUBLIC_URL', () => {
  it('keeps the advertiser’s own links (no click codes) and posts', async () => {
    const { placement, chatId } = await makeScheduledPlacement(database, sandbox, clock, '1/24');
    nowMs = placement.dueAt.getTime();
    expect(await publishPlacement(deps(undefined), placement.id)).toBe('published');
    const [post] = sandbox.emulator.messages(chatId);
    expect(buttonUrl(post!)).toMatch(/^https:\/\/example\.com\/coffee\?erid=Kra23f4dE$/);
    const codes = await database.withSystem('test read', (tx) =>
      tx.select().from(clickLinks).where(eq(clickLinks.placementId, placement.id)),
    );
    expect(codes).toEqual([]);
  });

  it('is decided from the config: only real Telegram with a local PUBLIC_URL goes untracked', () => {
    const publicUrlOf = (env: Record<string, string>) => {
      const parsed = parseConfig({ ...env, TELEGRAM_API_ROOT: sandbox.apiRoot });
      if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
      return {
        publicUrl: createPublishDeps({
          config: parsed.value,
          database,
          logger,
          clock,
          outbound: testOutbound(parsed.value),
        })?.publicUrl,
        warning: clickTrackingWarning(parsed.value),
      };
    };
    const local = publicUrlOf({ BOT_TOKEN: token, PUBLIC_URL: 'http://localhost:3000' });
    expect(local.publicUrl).toBeUndefined();
    expect(local.warning).toEqual({
      fields: { publicUrl: 'http://localhost:3000' },
      message: expect.stringMatching(/not tracked/),
    });
    const real = publicUrlOf({ BOT_TOKEN: token, PUBLIC_URL: 'https://ads.example.com' });
    expect(real).toEqual({ publicUrl: 'https://ads.example.com', warning: undefined });
  });
});

describe('a post Telegram refuses', () => {
  it('fails at once with the real reason told to owner and advertiser, never as lost rights', async () => {
    const { placement, seeded, advertiser, chatId } = await makeScheduledPlacement(
      database,
      sandbox,
      clock,
      '1/24',
      1,
      { title: 'Seller channel' },
    );
    nowMs = placement.dueAt.getTime();
    // A tracked link to a local PUBLIC_URL: what QA saw with real Telegram.
    expect(await publishPlacement(deps('http://localhost:3000'), placement.id)).toBe('failed');
    expect(sandbox.emulator.messages(chatId)).toHaveLength(0);
    const row = await readPlacement(placement.id);
    expect(row.status).toBe('failed');
    expect(row.lastError).toMatch(
      /^400: Bad Request: inline keyboard button URL 'http:\/\/localhost:3000\/r\/[\w-]{16}' is invalid: Wrong HTTP URL$/,
    );
    const order = await readOrder(seeded.orderId);
    expect(order.status).toBe('refunded');
    expect(order.refundedAmount).toBe(order.total);

    expect(await noticesFor(seeded.ownerAccountId, 'publish-lost-rights')).toEqual([]);
    const [owner] = await noticesFor(seeded.ownerAccountId, 'publish-failed-owner');
    const [told] = await noticesFor(advertiser, 'publish-failed-advertiser');
    expect(owner?.vars).toMatchObject({ cause: 'link', refund: 'full', detail: row.lastError });
    expect(told?.vars).toEqual(owner?.vars);

    const i18n = createI18n();
    const read = (key: string, vars: object, language: string) =>
      renderNotification(i18n, { key, vars: vars as Record<string, string> }, {
        language,
        timezone: 'UTC',
      } as Parameters<typeof renderNotification>[2]).text;
    const en = read('publish-failed-owner', owner!.vars, 'en');
    expect(en).toContain('Telegram refused a link in it');
    expect(en).toContain('Wrong HTTP URL');
    expect(en).toContain('refunded in full');
    expect(en).not.toMatch(/rights/);
    const ru = read('publish-failed-owner', owner!.vars, 'ru');
    expect(ru).toContain('Telegram не принял ссылку в посте');
    expect(ru).not.toMatch(/прав/);
    expect(read('publish-failed-advertiser', told!.vars, 'en')).toContain(
      'Your ad in <b>Seller channel</b> could not be posted: Telegram refused a link in it',
    );
    expect(read('publish-failed-advertiser', told!.vars, 'ru')).toContain(
      'Вашу рекламу в <b>Seller channel</b> не удалось опубликовать: Telegram не принял ссылку',
    );
  });

  it('a post too long for Telegram fails at once as too_long', async () => {
    const { placement, seeded } = await makeScheduledPlacement(database, sandbox, clock, '1/24');
    nowMs = placement.dueAt.getTime();
    await database.withSystem('test: a creative over 4096 characters', (tx) =>
      tx.execute(
        sql`update creatives set content = jsonb_set(content, '{text}', to_jsonb(repeat('x', 5000)))
            where order_id = ${seeded.orderId}`,
      ),
    );
    expect(await publishPlacement(deps('https://ads.example.com'), placement.id)).toBe('failed');
    const [owner] = await noticesFor(seeded.ownerAccountId, 'publish-failed-owner');
    expect(owner?.vars).toMatchObject({ cause: 'too_long' });
  });
});

describe('sendFailureCause', () => {
  const refusal = (code: number, description: string) =>
    new GrammyError(
      'Call to sendMessage failed',
      { ok: false, error_code: code, description },
      'sendMessage',
      {},
    );

  it('tells rights, links, length, other refusals and Telegram failures apart', () => {
    expect(sendFailureCause(refusal(403, 'Forbidden: bot was kicked from the channel chat'))).toBe(
      'rights',
    );
    expect(
      sendFailureCause(refusal(400, 'Bad Request: need administrator rights in the channel chat')),
    ).toBe('rights');
    expect(sendFailureCause(refusal(400, 'Bad Request: BUTTON_URL_INVALID'))).toBe('link');
    // The quoted URL may contain any word; the refusal is still about the link.
    expect(
      sendFailureCause(
        refusal(
          400,
          "Bad Request: inline keyboard button URL 'http://shop/rights' is invalid: Wrong HTTP URL",
        ),
      ),
    ).toBe('link');
    expect(sendFailureCause(refusal(400, 'Bad Request: message is too long'))).toBe('too_long');
    expect(sendFailureCause(refusal(400, "Bad Request: can't parse entities"))).toBe('refused');
    expect(sendFailureCause(refusal(500, 'Internal Server Error'))).toBe('telegram');
  });
});
