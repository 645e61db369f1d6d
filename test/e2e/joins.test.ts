import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runRollups } from '../../models/analytics/rollups.js';
import { recordClick } from '../../models/clicks/record-click.js';
import { startFakeQuickChart, type FakeQuickChart } from '../../sandbox/fakes/quickchart.js';
import { readJoinStats } from '../../models/joins/queries.js';
import { joinKind, leaveKind } from '../../models/joins/record-chat-member.js';
import { createLogger } from '../../models/logger.js';
import { advanceTestClock } from '../../models/platform/test-clock.js';
import { accounts, clickLinks, events, inviteJoins, placements } from '../../models/schema.js';
import { startCheckoutWorld, type CheckoutWorld } from '../bot/checkout/setup.js';
import { makeAccount } from '../factories/accounts.js';
import { makeScheduledPlacement } from '../factories/sandbox-placements.js';
import { startV1World, type V1World } from '../http/v1/world.js';

/**
 * Subscribers gained, end to end: an ad promoting the advertiser's channel (where the bot is an
 * admin that may invite) goes out with an invite link of its own; people join through it in the
 * emulator, the running bot receives chat_member and attributes each join once; a leave within a
 * day counts against retention; joins without the link count for nothing.
 */
let world: CheckoutWorld;
let api: V1World;
let charts: FakeQuickChart;
beforeAll(async () => {
  charts = await startFakeQuickChart();
  world = await startCheckoutWorld({
    jobs: true,
    env: { PUBLIC_URL: 'https://lytslot.test', QUICKCHART_URL: charts.url },
  });
  api = await startV1World({ database: world.database, clock: world.clock });
}, 60_000);
afterAll(async () => {
  await api?.close();
  await world?.close();
  await charts?.close();
});

const poll = { timeout: 15_000, interval: 100 };
const logger = createLogger({ level: 'silent' });

describe('joins through a placement’s invite link', () => {
  it('attributes 3 joins, one leave within a day, and nothing else', async () => {
    const { database, sandbox, clock } = world;
    const brand = sandbox.user({ first_name: 'Roaster' });
    const promoted = sandbox.emulator.createChannel({
      title: 'Roastery news',
      ownerId: brand.id,
      username: 'roastery_news',
    });
    sandbox.emulator.addBotToChat(promoted.id, {
      rights: { can_invite_users: true, can_post_messages: true },
      byUserId: brand.id,
    });
    const alex = sandbox.user({ first_name: 'Alex' });
    const { id: alexAccount } = await makeAccount(database, {
      telegramId: alex.id,
      language: 'en',
      firstName: 'Alex',
    });
    const { placement, chatId, advertiser, seeded } = await makeScheduledPlacement(
      database,
      sandbox,
      clock,
      '1/24',
      1,
      {},
      {
        advertiser: alexAccount,
        creative: {
          content: { kind: 'text', text: 'Fresh beans every week' },
          buttons: [
            [{ text: 'Subscribe', url: 'https://t.me/roastery_news' }],
            [{ text: 'Shop', url: 'https://example.com/beans' }],
          ],
        },
      },
    );
    const minutes = Math.ceil((placement.dueAt.getTime() - clock.now().getTime()) / 60_000) + 1;
    await advanceTestClock({ database, clock, logger }, minutes);
    const row = async () =>
      (
        await database.withSystem('test read', (tx) =>
          tx.select().from(placements).where(eq(placements.id, placement.id)),
        )
      )[0]!;
    await expect.poll(async () => (await row()).messageIds.length, poll).toBe(1);

    // The placement has its own named invite link to the promoted channel; the post's buttons are
    // tracked, and the «Subscribe» redirect leads through the invite link, «Shop» to the shop.
    const { inviteLink, inviteChatId } = await row();
    expect(inviteChatId).toBe(promoted.id);
    expect(inviteLink).toMatch(/^https:\/\/t\.me\/\+/);
    const made = sandbox.emulator.chat(promoted.id).inviteLinks.get(inviteLink!);
    expect(made?.name).toBe(`LytSlot ad ${placement.id.slice(0, 8)}`);
    const [post] = sandbox.emulator.messages(chatId);
    const buttons = post?.reply_markup?.inline_keyboard?.flat() ?? [];
    expect(buttons.map((b) => (b && 'url' in b ? b.url : ''))).toEqual([
      expect.stringMatching(/^https:\/\/lytslot\.test\/r\//),
      expect.stringMatching(/^https:\/\/lytslot\.test\/r\//),
    ]);
    const links = await database.withSystem('test read', (tx) =>
      tx
        .select()
        .from(clickLinks)
        .where(eq(clickLinks.placementId, placement.id))
        .orderBy(clickLinks.linkIndex),
    );
    const redirects = await Promise.all(
      links.map((link) =>
        recordClick(
          database,
          { code: link.code, visitorKey: '203.0.113.9 Mozilla/5.0', userAgent: 'Mozilla/5.0' },
          clock,
        ),
      ),
    );
    // The marking's erid stays on both links.
    expect(redirects.map((r) => r.kind === 'redirect' && r.targetUrl)).toEqual([
      expect.stringMatching(new RegExp(`^${inviteLink!.replace(/[+]/g, '\\+')}\\?erid=`)),
      expect.stringMatching(/^https:\/\/example\.com\/beans\?erid=/),
    ]);

    // Three people join through the link, one of them twice; one joins by the username (no link).
    const [ann, bob, cem, dan] = ['Ann', 'Bob', 'Cem', 'Dan'].map(
      (name) => sandbox.user({ first_name: name }).id,
    );
    for (const user of [ann!, bob!, cem!])
      sandbox.emulator.joinChat(user, promoted.id, { inviteLink: inviteLink! });
    sandbox.emulator.joinChat(dan!, promoted.id);
    await expect.poll(async () => (await row()).joins, poll).toBe(3);
    // Two of them react to the ad.
    sandbox.emulator.react(ann!, chatId, post!.message_id, '👍');
    sandbox.emulator.react(cem!, chatId, post!.message_id, '🔥');
    await expect.poll(async () => (await row()).reactions, poll).toBe(2);

    // Two hours later Bob leaves, and joins again through the link: still three people.
    await advanceTestClock({ database, clock, logger }, 120);
    sandbox.emulator.leaveChat(bob!, promoted.id);
    await expect.poll(async () => (await row()).leaves, poll).toBe(1);
    sandbox.emulator.joinChat(bob!, promoted.id, { inviteLink: inviteLink! });
    // Dan (who came without the link) leaving changes nothing; Cem's later leave is after a day.
    sandbox.emulator.leaveChat(dan!, promoted.id);
    await advanceTestClock({ database, clock, logger }, 24 * 60);
    sandbox.emulator.leaveChat(cem!, promoted.id);
    await expect.poll(async () => (await row()).leaves, poll).toBe(2);

    const after = await row();
    expect(after.joins).toBe(3);
    const stats = await database.withSystem('test read', (tx) =>
      readJoinStats(tx, [placement.id], clock.now()),
    );
    expect(stats.get(placement.id)).toEqual({
      joins: 3,
      leftWithinDay: 1,
      leftWithinWeek: 2,
      joinsDayOld: 3,
      joinsWeekOld: 0,
    });
    const kinds = await database.withSystem('test read', (tx) =>
      tx
        .select({ kind: events.kind, value: events.value })
        .from(events)
        .where(eq(events.placementId, placement.id))
        .orderBy(events.occurredAt),
    );
    const joined = kinds.filter((e) => e.kind === joinKind);
    const left = kinds.filter((e) => e.kind === leaveKind);
    expect(joined).toHaveLength(3);
    expect(left).toHaveLength(2);
    expect(left[0]!.value).toBeGreaterThanOrEqual(7_200);
    expect(left[0]!.value).toBeLessThan(86_400);
    expect(left[1]!.value).toBeGreaterThan(86_400);
    // The advertiser reads the same numbers through the partner API.
    const answer = await api.call({
      path: '/v1/orders/{id}/placements',
      params: { id: placement.orderId },
      key: (await api.advertiserKey(advertiser)).key,
    });
    expect(answer.status).toBe(200);
    const [listed] = (answer.body as { data: { joins: unknown }[] }).data;
    expect(listed?.joins).toEqual({
      joined: 3,
      left_within_24h: 1,
      left_within_7d: 2,
      joined_24h_ago: 3,
      joined_7d_ago: 0,
    });
    // And in the bot: the order's report shows the post's joins and the totals, and under it a
    // chart of clicks and joins by day from the rollups (the job's run, done here at once).
    await runRollups(database, { settleMs: 0 });
    alex.send('/orders');
    await alex.waitForMessage(/Your orders|orders/i);
    await alex.click(/completed/);
    await vi.waitFor(() => alex.click('📊 Report'), { timeout: 5_000 });
    const report = await vi.waitFor(
      () => {
        const found = alex.messages().find((m) => m.text?.startsWith('📊 Report'));
        if (!found) throw new Error('no report yet');
        return found;
      },
      { timeout: 5_000 },
    );
    expect(report.text).toContain('reactions 2 · joined 3 (left within 24 h: 1)');
    expect(report.text).toMatch(/In all: spent .+ · clicks 2 \(unique \d\), .+ per click/);
    expect(report.text).toMatch(/joined 3 \(left within 24 h: 1\), .+ per join/);
    const photo = await alex.waitFor((m) => m.photo !== undefined, {
      timeoutMs: 10_000,
      what: 'the report chart',
    });
    const days = (photo.caption ?? '').split('\n').slice(1);
    const summed = (pattern: RegExp) =>
      days.reduce((sum, line) => sum + Number(pattern.exec(line)?.[1] ?? 0), 0);
    expect(photo.caption).toMatch(/^Clicks and joins by day\n/);
    expect([summed(/clicks (\d+)/), summed(/joins (\d+)/)]).toEqual([2, 3]);
    expect(charts.requests.at(-1)?.chart.data.datasets.map((d) => d.label)).toEqual([
      'Clicks',
      'Joins',
    ]);

    // The channel's owner (a Russian speaker) sees the same numbers in /analytics, and the chart.
    const [owner] = await database.withSystem('test read', (tx) =>
      tx
        .select({ telegramId: accounts.telegramId })
        .from(accounts)
        .where(eq(accounts.id, seeded.ownerAccountId)),
    );
    const olga = sandbox.user({ id: owner!.telegramId, first_name: 'Olga', language_code: 'ru' });
    olga.send('/analytics');
    const dashboard = await olga.waitForMessage(
      /^📊 Статистика — все каналы · за последние 30 дней/,
    );
    expect(dashboard.text).toContain('переходов 2 (уникальных 1) · подписались 3 · отписались 2');
    expect(dashboard.text).toMatch(
      /переходов 2 \(уникальных 1\) · подписались 3 \(отписались за 24 ч: 1\) · реакций 2/,
    );
    const ownerChart = await olga.waitFor((m) => m.photo !== undefined, {
      timeoutMs: 10_000,
      what: 'the dashboard chart',
    });
    expect(ownerChart.caption).toMatch(/^Переходы и подписки по дням\n/);
    expect(ownerChart.caption).toContain('переходов 2, подписок 3');

    // Only hashes are kept of the people.
    const people = await database.withSystem('test read', (tx) =>
      tx.select({ member: inviteJoins.member }).from(inviteJoins),
    );
    for (const { member } of people) expect(member).not.toContain(String(ann));
  }, 90_000);
});
