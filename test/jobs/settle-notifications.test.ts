import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config.js';
import { createJobs, type Jobs } from '../../jobs/index.js';
import { renderNotification, renderVars } from '../../jobs/notifications.js';
import { createI18n } from '../../messages/i18n.js';
import { createTestClock, type TestClock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { createLogger } from '../../models/logger.js';
import { enqueueNotification } from '../../messages/notification.js';
import { advanceTestClock } from '../../models/platform/test-clock.js';
import { orders } from '../../models/schema.js';
import { settleJob } from '../../models/placements/create-placements.js';
import { createTestDatabase } from '../helpers/db.js';
import { startSandbox, type Sandbox } from '../helpers/sandbox.js';
import { makeAccount } from '../factories/accounts.js';
import { makeServedOrder } from '../factories/placements.js';
import { testOutbound } from '../helpers/outbound.js';

const logger = createLogger({ level: 'silent' });
let database: Database;
let sandbox: Sandbox;
let clock: TestClock;
let jobs: Jobs;

beforeAll(async () => {
  [database, sandbox] = await Promise.all([createTestDatabase(), startSandbox()]);
  clock = createTestClock();
  const parsed = parseConfig({
    DATABASE_URL: database.url,
    TEST_CLOCK: 'on',
    BOT_TOKEN: sandbox.token,
    TELEGRAM_API_ROOT: sandbox.apiRoot,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const outbound = testOutbound(parsed.value, { logger });
  jobs = createJobs({ config: parsed.value, database, logger, clock, outbound });
  await jobs.start();
}, 60_000);
afterAll(async () => {
  await jobs?.stop();
  await database?.close();
  await sandbox?.close();
});

/** An account for a sandbox person, in their language and timezone. */
async function accountOf(telegramId: number, language: string, timezone: string) {
  return (await makeAccount(database, { telegramId, language, timezone })).id;
}

describe('notifications.send', () => {
  it('renders in the recipient language and timezone, money and buttons; a dead chat blocks nobody', async () => {
    const olga = sandbox.user({ first_name: 'Olga', language_code: 'ru' });
    const bob = sandbox.user({ first_name: 'Bob', language_code: 'en' });
    olga.send('/start');
    bob.send('/start');
    const olgaId = await accountOf(olga.id, 'ru', 'Europe/Moscow');
    await accountOf(bob.id, 'en', 'UTC');
    const schedule = (name: string, data: Record<string, unknown>, at: Date) =>
      jobs.scheduleAt(name, data, at);
    // A chat that does not exist first: refused, logged, dropped; the others still arrive.
    await enqueueNotification(schedule, {
      telegramId: 999_999_999,
      key: 'settle-refunded-advertiser',
      vars: { amount: 5, currency: 'XTR' },
    });
    await enqueueNotification(schedule, {
      accountId: olgaId,
      key: 'settle-report-advertiser',
      vars: {
        channel: '<Кофе>',
        publishedAt: '2031-05-10T10:00:00.000Z',
        clicks: 7,
        reactions: 12,
        invite: 'yes',
        joins: 3,
        leftDay: 1,
        kept: 'yes',
        brokenMinutes: 0,
      },
      buttons: [[{ key: 'notify-button-open-post', url: 'https://t.me/coffee/5' }]],
    });
    await enqueueNotification(schedule, {
      telegramId: bob.id,
      key: 'settle-earned-owner',
      vars: { amount: 1232, fee: 308, currency: 'XTR' },
    });
    const report = await olga.waitForMessage(/Отчёт о размещении/, { timeoutMs: 15_000 });
    expect(report.text).toContain('<Кофе>');
    expect(report.text).toContain('13:00'); // 10:00 UTC in Moscow
    expect(report.text).toContain('соблюдён полностью');
    expect(report.text).toContain(
      'Переходов пока: 7 · Реакций: 12 · Подписались по ссылке: 3 (отписались за 24 ч: 1)',
    );
    expect(report.reply_markup?.inline_keyboard?.[0]?.[0]).toMatchObject({
      text: '🔗 Открыть пост',
      url: 'https://t.me/coffee/5',
    });
    const earned = await bob.waitForMessage(/Order completed/, { timeoutMs: 15_000 });
    expect(earned.text).toContain('1,232 ⭐');
    expect(earned.text).toContain('308 ⭐');
  }, 30_000);

  it('a 429 from Telegram is waited out: delivered exactly once', async () => {
    const eve = sandbox.user({ first_name: 'Eve', language_code: 'en' });
    eve.send('/start');
    await accountOf(eve.id, 'en', 'UTC');
    sandbox.emulator.failNext('sendMessage', 1, 1);
    await enqueueNotification((n, d, at) => jobs.scheduleAt(n, d, at), {
      telegramId: eve.id,
      key: 'settle-refunded-advertiser',
      vars: { amount: 77, currency: 'XTR' },
    });
    await eve.waitForMessage(/77 ⭐ refunded/, { timeoutMs: 15_000 });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(eve.botMessages().filter((m) => m.text?.includes('77 ⭐ refunded'))).toHaveLength(1);
  }, 30_000);

  it('formats money in the order currency and leaves text to the translate step', () => {
    const vars = renderVars({ amount: 150_000, currency: 'RUB', name: 'a<b' }, 'en', 'UTC');
    expect(vars.amount).toMatch(/^RUB\s1,500$/);
    expect(vars.name).toBe('a<b');
    expect(renderVars({ amount: 1_540, fee: 385, currency: 'XTR' }, 'ru', 'UTC')).toMatchObject({
      amount: '1\u00a0540 ⭐',
      fee: '385 ⭐',
    });
    expect(renderVars({ amount: 2_050, currency: 'EUR' }, 'ru', 'UTC').amount).toBe('20,50\u00a0€');
    // Not a currency we sell in: the number stays a number (Fluent formats it), nothing throws.
    expect(renderVars({ amount: 2_050, currency: 'GBP' }, 'en', 'UTC').amount).toBe(2_050);
  });

  it('escapes text once in the message (HTML) and not in button labels (plain)', () => {
    const name = 'A&B <x>';
    const { text, keyboard } = renderNotification(
      createI18n(),
      {
        key: 'members-revoked-notice',
        vars: { name },
        buttons: [[{ key: 'members-revoke-button', vars: { name }, data: 'noop' }]],
      },
      { language: 'en', timezone: 'UTC' } as Parameters<typeof renderNotification>[2],
    );
    expect(text).toBe('A&amp;B &lt;x&gt; has revoked your manager access to their channels.');
    expect(keyboard?.inline_keyboard[0]?.[0]?.text).toBe('✖ Revoke A&B <x>');
  });

  it('shows ISO times as the bot shows slots: a moment in the recipient’s timezone', () => {
    const at = '2026-12-08T08:00:00.000Z';
    expect(renderVars({ at }, 'ru', 'Europe/Moscow').at).toBe('вт, 8 дек., 11:00');
    expect(renderVars({ at }, 'en', 'America/New_York').at).toBe('Tue, Dec 8, 03:00');
  });
});

describe('placements.settle job', () => {
  it('settles a finished placement, completes the order and reports to the advertiser', async () => {
    const alex = sandbox.user({ first_name: 'Alex', language_code: 'en' });
    alex.send('/start');
    const advertiserAccountId = await accountOf(alex.id, 'en', 'UTC');
    const base = new Date(clock.now().getTime() - 3 * 86_400_000);
    const o = await makeServedOrder(database, {
      base,
      amount: 1540,
      advertiser: advertiserAccountId,
    });
    await jobs.scheduleAt(settleJob, { placementId: o.placementIds[0]! }, clock.now());
    await advanceTestClock({ database, clock, logger }, 1);
    const report = await alex.waitForMessage(/Ad report/, { timeoutMs: 15_000 });
    expect(report.text).toContain('kept in full');
    const [order] = await database.withSystem('test read', (tx) =>
      tx.select().from(orders).where(eq(orders.id, o.orderId)),
    );
    expect(order?.status).toBe('completed');
  }, 30_000);
});
