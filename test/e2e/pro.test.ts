import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotDeps } from '../../bot/context.js';
import { createBot } from '../../bot/index.js';
import { startBot, type RunningBot } from '../../bot/runner.js';
import { parseConfig } from '../../config.js';
import { createJobs, type Jobs } from '../../jobs/index.js';
import { createTestClock, type TestClock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { createLogger } from '../../models/logger.js';
import { advanceTestClock } from '../../models/platform/test-clock.js';
import { channels, subscriptions, workspaces } from '../../models/schema.js';
import { renewStarSubscription } from '../../sandbox/actions/payments.js';
import type { ApiMessage } from '../../sandbox/types.js';
import { createTestDatabase } from '../helpers/db.js';
import { startSandbox, type Sandbox } from '../helpers/sandbox.js';
import { testOutbound } from '../helpers/outbound.js';

/**
 * Pro end to end: the bot, the jobs (notifications, expiry) and the test clock on one database
 * and the emulator. The owner only uses the bot and pays in the emulator; time is moved with the
 * test clock; the renewal is Telegram's next recurring Stars payment (the emulator's "renew").
 */
describe('Pro: buy with Stars, second channel, expiry pauses it, renewal resumes it', () => {
  let database: Database;
  let sandbox: Sandbox;
  let jobs: Jobs;
  let running: RunningBot;
  const clock: TestClock = createTestClock();
  const logger = createLogger({ level: 'silent' });

  beforeAll(async () => {
    [database, sandbox] = await Promise.all([createTestDatabase(), startSandbox({ clock })]);
    const parsed = parseConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: database.url,
      TEST_CLOCK: 'on',
      BOT_TOKEN: sandbox.token,
      TELEGRAM_API_ROOT: sandbox.apiRoot,
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const outbound = testOutbound(parsed.value, { logger });
    const deps: BotDeps = {
      config: parsed.value,
      database,
      logger,
      clock,
      providers: {},
      outbound,
    };
    running = await startBot(createBot(deps), deps, { pollTimeoutSeconds: 1 });
    jobs = createJobs({ config: parsed.value, database, logger, clock, outbound });
    await jobs.start();
  }, 60_000);
  afterAll(async () => {
    await running?.stop();
    await jobs?.stop();
    await sandbox?.close();
    await database?.close();
  });

  const channelRow = async (chatId: number) =>
    (
      await database.withSystem('test read', (tx) =>
        tx
          .select({
            status: channels.status,
            reason: channels.statusReason,
            workspaceId: channels.workspaceId,
          })
          .from(channels)
          .where(eq(channels.telegramChatId, chatId)),
      )
    )[0];
  const urlButton = (m: ApiMessage): string | undefined =>
    (m.reply_markup?.inline_keyboard ?? [])
      .flat()
      .map((b) => ('url' in b ? String(b.url) : ''))
      .find((u) => u.startsWith('https://t.me/$'));

  it('runs the whole Pro lifecycle through the bot', async () => {
    const pia = sandbox.user({ first_name: 'Pia', language_code: 'en' });
    const first = pia.createChannel({
      title: 'Pia First',
      username: 'pia_first',
      subscribers: 900,
    });
    const second = pia.createChannel({
      title: 'Pia Second',
      username: 'pia_second',
      subscribers: 400,
    });

    // Free: the first channel is added, the second is refused for the plan.
    pia.send('/start');
    await pia.waitForMessage('Who are you here?');
    first.addBot();
    await pia.waitForMessage('Pia First');
    await pia.click({ data: `ch:verify:${first.id}` });
    await pia.waitFor((m) => m.text?.includes('The channel Pia First is added') === true, {
      what: 'the first channel added',
    });
    second.addBot();
    await pia.waitForMessage('Pia Second');
    await pia.click({ data: `ch:verify:${second.id}` });
    await pia.waitFor((m) => m.text?.includes('Your plan allows 1 channel') === true, {
      what: 'the plan limit',
    });
    expect(await channelRow(second.id)).toBeUndefined();

    // The plan screen; buying Pro with a Stars subscription invoice link.
    pia.send('/plan');
    const screen = await pia.waitForMessage('Your plan: Free');
    expect(screen.text).toContain('Channels: 1 of 1');
    await pia.click('Buy Pro · 7,700 ⭐');
    const payMessage = await pia.waitFor((m) => urlButton(m) !== undefined, {
      what: 'the Stars subscription link',
    });
    const paid = await sandbox.emulator.payInvoice(pia.id, { link: urlButton(payMessage)! });
    expect(paid.ok).toBe(true);
    if (!paid.ok) return;
    const receipt = await pia.waitForMessage('Receipt: LytSlot Pro', { timeoutMs: 15_000 });
    expect(receipt.text).toContain('7,700 ⭐');
    expect(receipt.text).toContain('Telegram Stars');
    const { workspaceId } = (await channelRow(first.id))!;
    const [afterBuy] = await database.withSystem('test read', (tx) =>
      tx.select().from(workspaces).where(eq(workspaces.id, workspaceId)),
    );
    expect(afterBuy?.plan).toBe('pro');

    // Pro: the second channel now goes through.
    await pia.click({ data: `ch:verify:${second.id}` });
    await pia.waitFor((m) => m.text?.includes('The channel Pia Second is added') === true, {
      what: 'the second channel added',
    });
    expect(await channelRow(second.id)).toMatchObject({ status: 'active' });

    // 31 days later the period is over and was not renewed: the newer channel is paused.
    await advanceTestClock({ database, clock, logger }, 31 * 24 * 60);
    const told = await pia.waitForMessage('Your Pro plan has ended', { timeoutMs: 20_000 });
    expect(told.text).toContain('Pia Second');
    expect(told.text).toContain('still published');
    expect(await channelRow(second.id)).toMatchObject({ status: 'paused', reason: 'plan' });
    expect(await channelRow(first.id)).toMatchObject({ status: 'active' });

    // Telegram renews the Stars subscription: the next recurring payment resumes the channel.
    const renewed = renewStarSubscription(sandbox.emulator.world, paid.value.chargeId);
    expect(renewed.ok).toBe(true);
    const renewal = await pia.waitForMessage('Receipt: LytSlot Pro', { timeoutMs: 15_000 });
    expect(renewal.text).toContain('Paused channels resumed: 1');
    expect(await channelRow(second.id)).toMatchObject({ status: 'active', reason: null });

    // The screen shows Pro with automatic renewal; cancelling it stops the renewals in Telegram.
    pia.send('/plan');
    const proScreen = await pia.waitForMessage('Your plan: Pro');
    expect(proScreen.text).toContain('Channels: 2 of 10');
    expect(proScreen.text).toContain('Renews automatically via Telegram Stars');
    await pia.click('✖️ Cancel renewal');
    await pia.waitForMessage('Cancel the automatic renewal?');
    await pia.click('Yes, cancel renewal');
    await pia.waitForMessage('Renewal cancelled');
    const [sub] = await database.withSystem('test read', (tx) =>
      tx.select().from(subscriptions).where(eq(subscriptions.workspaceId, workspaceId)),
    );
    expect(sub).toMatchObject({ provider: 'stars', status: 'cancelled', cancelAtPeriodEnd: true });
    const again = renewStarSubscription(sandbox.emulator.world, paid.value.chargeId);
    expect(again.ok ? 'renewed' : again.code).toBe('subscription_cancelled');
  }, 120_000);
});
