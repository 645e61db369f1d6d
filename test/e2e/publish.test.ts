import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config.js';
import { createHttpApp } from '../../http/app.js';
import { createMetrics } from '../../http/metrics.js';
import { redirectRoutes } from '../../http/routes/redirect.js';
import { startHttpServer, type HttpServer } from '../../http/server.js';
import { createJobs, type Jobs } from '../../jobs/index.js';
import { createTestClock, type TestClock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { createLogger } from '../../models/logger.js';
import { advanceTestClock } from '../../models/platform/test-clock.js';
import { orders, payments, placements } from '../../models/schema.js';
import { createTestDatabase } from '../helpers/db.js';
import { startSandbox, type Sandbox } from '../helpers/sandbox.js';
import { testOutbound } from '../helpers/outbound.js';
import { makeScheduledPlacement } from '../factories/sandbox-placements.js';

/**
 * Publishing end to end: Agenda jobs on the database, the Bot API emulator and the test clock.
 * Orders are paid and auto-accepted with models; everything after that runs by itself.
 */
describe('publishing through the jobs process and the test clock', () => {
  let database: Database;
  let sandbox: Sandbox;
  let jobs: Jobs;
  let http: HttpServer;
  const clock: TestClock = createTestClock();
  const logger = createLogger({ level: 'silent' });

  beforeAll(async () => {
    [database, sandbox] = await Promise.all([
      createTestDatabase(),
      startSandbox({ clock, allowLocalLinks: true }),
    ]);
    // The click redirect, as main.ts mounts it; PUBLIC_URL points at it.
    const app = createHttpApp({
      logger,
      metrics: createMetrics(),
      readiness: {},
      routers: [redirectRoutes({ database, clock })],
    });
    http = await startHttpServer(app, '127.0.0.1', 0);
    // As main.ts runs the sandbox: configured without BOT_TOKEN (the emulator accepts local links,
    // so the local PUBLIC_URL is tracked), then pointed at the emulator's token and API root.
    const parsed = parseConfig({
      DATABASE_URL: database.url,
      PUBLIC_URL: http.url,
      TEST_CLOCK: 'on',
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const config = { ...parsed.value, botToken: sandbox.token, telegramApiRoot: sandbox.apiRoot };
    jobs = createJobs({
      config,
      database,
      logger,
      clock,
      outbound: testOutbound(config, { logger }),
    });
    await jobs.start();
  }, 60_000);
  afterAll(async () => {
    await jobs?.stop();
    await http?.close();
    await database?.close();
    await sandbox?.close();
  });

  const advanceTo = async (at: Date) => {
    const minutes = Math.ceil((at.getTime() - clock.now().getTime()) / 60_000);
    if (minutes > 0) await advanceTestClock({ database, clock, logger }, minutes);
  };
  const placementOf = async (id: string) =>
    (
      await database.withSystem('test read', (tx) =>
        tx.select().from(placements).where(eq(placements.id, id)),
      )
    )[0]!;
  const orderOf = async (id: string) =>
    (
      await database.withSystem('test read', (tx) =>
        tx.select().from(orders).where(eq(orders.id, id)),
      )
    )[0]!;

  it('posts a 1/24 order at its slot with buttons and marking, deletes it 24 h later', async () => {
    const { placement, seeded, chatId } = await makeScheduledPlacement(
      database,
      sandbox,
      clock,
      '1/24',
    );
    // advanceTo moves in whole minutes (up to one past the target) and real time keeps running:
    // stop well short of the slot so a busy machine cannot reach it before the check.
    await advanceTo(new Date(placement.dueAt.getTime() - 3 * 60_000));
    expect(sandbox.emulator.messages(chatId)).toHaveLength(0);
    await advanceTo(new Date(placement.dueAt.getTime() + 60_000));
    const posts = sandbox.emulator.messages(chatId);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.text).toContain('erid: Kra23f4dE');
    // Tracked link: the button points at our redirect, which sends the reader on with erid=.
    const buttonUrl = (posts[0]!.reply_markup as { inline_keyboard: { url: string }[][] })
      .inline_keyboard[0]![0]!.url;
    expect(buttonUrl.startsWith(`${http.url}/r/`)).toBe(true);
    const followed = await fetch(buttonUrl, {
      redirect: 'manual',
      headers: { 'user-agent': 'Mozilla/5.0 (e2e reader)' },
    });
    expect(followed.status).toBe(302);
    expect(followed.headers.get('location')).toContain('erid=Kra23f4dE');
    expect((await placementOf(placement.id)).clicks).toBe(1);
    const published = await placementOf(placement.id);
    expect(published.status).toBe('published');
    expect(published.delaySeconds).toBeLessThanOrEqual(120);
    expect(published.messageIds).toEqual([posts[0]!.message_id]);
    expect((await orderOf(seeded.orderId)).status).toBe('published');

    await advanceTo(new Date(published.deleteAt!.getTime() + 60_000));
    expect(sandbox.emulator.messages(chatId)).toHaveLength(0);
    const done = await placementOf(placement.id);
    expect(done.status).toBe('completed');
    expect(done.deletedAt).not.toBeNull();
  }, 120_000);

  it('pins a pin:1 post and unpins it an hour later', async () => {
    const { placement, chatId } = await makeScheduledPlacement(database, sandbox, clock, 'pin:1');
    await advanceTo(new Date(placement.dueAt.getTime() + 60_000));
    const post = sandbox.emulator.messages(chatId)[0]!;
    expect(sandbox.emulator.chat(chatId).pinned).toEqual([post.message_id]);
    await advanceTo(new Date(placement.dueAt.getTime() + 62 * 60_000));
    expect(sandbox.emulator.chat(chatId).pinned).toEqual([]);
    expect(sandbox.emulator.messages(chatId)).toHaveLength(1);
  }, 120_000);

  it('bot removed before the slot: owner told, order failed and refund started after 15 minutes', async () => {
    const { placement, seeded, chatId } = await makeScheduledPlacement(
      database,
      sandbox,
      clock,
      '1/24',
    );
    sandbox.emulator.removeBotFromChat(chatId, { byUserId: sandbox.ids.ownerId });
    await advanceTo(new Date(placement.dueAt.getTime() + 60_000));
    const waiting = await placementOf(placement.id);
    expect(waiting.status).toBe('scheduled');
    expect(waiting.failingSince).not.toBeNull();
    const told = await database.pool.query(
      `select 1 from agenda_jobs where name = 'notifications.send'
         and data->>'key' = 'publish-lost-rights' and data->>'accountId' = $1`,
      [seeded.ownerAccountId],
    );
    expect(told.rowCount).toBe(1);

    await advanceTo(new Date(placement.dueAt.getTime() + 16 * 60_000));
    expect((await placementOf(placement.id)).status).toBe('failed');
    const order = await orderOf(seeded.orderId);
    // The seeded charge is unknown to the emulator, so refundStarPayment is refused and the
    // refunds job keeps retrying it; a real charge is refunded (test/jobs/publish.test.ts).
    expect(['failed', 'refunded']).toContain(order.status);
    const [payment] = await database.withSystem('test read', (tx) =>
      tx.select().from(payments).where(eq(payments.orderId, seeded.orderId)),
    );
    expect(payment?.details).toMatchObject({ refundAttempts: expect.any(Number) });
    expect(sandbox.emulator.messages(chatId)).toHaveLength(0);
  }, 120_000);
});
