import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runRollups } from '../../models/analytics/rollups.js';
import { recordClick } from '../../models/clicks/record-click.js';
import { saveCreativeVariant } from '../../models/creatives/save-creative.js';
import { createLogger } from '../../models/logger.js';
import { advanceTestClock } from '../../models/platform/test-clock.js';
import { channels, clickLinks, orders, placements, workspaces } from '../../models/schema.js';
import { ensureOwnerWorkspace } from '../../models/workspaces/ensure-owner-workspace.js';
import { startFakeQuickChart, type FakeQuickChart } from '../../sandbox/fakes/quickchart.js';
import { startCheckoutWorld, type CheckoutWorld } from '../bot/checkout/setup.js';
import { makeAccount } from '../factories/accounts.js';
import { makeChannel } from '../factories/channels.js';
import { makeOrder } from '../factories/orders.js';
import { bindSandboxChannel, allBotRights } from '../factories/sandbox-placements.js';
import { payWithStars } from '../helpers/pay-order.js';

/**
 * An A/B test end to end: a Pro advertiser's ad has two variants over six posts in a
 * channel of 1 000 subscribers. The posts take turns (A, B, A) while the clicks leave the best
 * variant uncertain; once variant A is at least 95 % likely to be the best, it takes the remaining
 * posts, and the advertiser's report names it — and not before.
 */
let world: CheckoutWorld;
let charts: FakeQuickChart;
beforeAll(async () => {
  charts = await startFakeQuickChart();
  world = await startCheckoutWorld({
    jobs: true,
    env: { PUBLIC_URL: 'https://lytslot.test', QUICKCHART_URL: charts.url },
  });
}, 60_000);
afterAll(async () => {
  await world?.close();
  await charts?.close();
});

const logger = createLogger({ level: 'silent' });
const poll = { timeout: 15_000, interval: 100 };
const hour = 3_600_000;
const variant = (text: string) => ({
  content: { kind: 'text' as const, text },
  buttons: [[{ text: 'Shop', url: `https://example.com/${text.split(' ')[1]!.toLowerCase()}` }]],
});

describe('an A/B test over six posts', () => {
  it('rotates the variants and names a winner only once the data allows it', async () => {
    const { database, sandbox, clock } = world;
    const alex = sandbox.user({ first_name: 'Alex' });
    const { id: alexAccount } = await makeAccount(database, {
      telegramId: alex.id,
      language: 'en',
      firstName: 'Alex',
    });
    // Six slots three hours apart (the posts' lifetimes overlap; each has its own message).
    const channel = await makeChannel(database, {
      title: 'Coffee',
      language: 'en',
      settings: { review: { mode: 'auto' } },
      slots: [1, 4, 7, 10, 13, 16].map((h) => new Date(clock.now().getTime() + h * hour)),
    });
    const order = await makeOrder(database, {
      advertiser: alexAccount,
      at: clock.now(),
      channel,
      slotIds: channel.slotIds,
      creative: variant('Variant A: fresh beans'),
      marking: null,
    });
    // A second variant is an A/B test: refused on Free, stored once the advertiser has Pro.
    const second = {
      accountId: alexAccount,
      bundleId: order.bundleId,
      variantIndex: 1,
      creative: variant('Variant B: roasted today'),
    };
    expect(await saveCreativeVariant(database, second, clock)).toMatchObject({
      ok: false,
      code: 'variants_pro',
    });
    const { workspaceId } = await ensureOwnerWorkspace(database, alexAccount);
    await database.withSystem('test: Pro', (tx) =>
      tx.update(workspaces).set({ plan: 'pro' }).where(eq(workspaces.id, workspaceId)),
    );
    expect((await saveCreativeVariant(database, second, clock)).ok).toBe(true);
    const chatId = await bindSandboxChannel(
      database,
      sandbox,
      order.channelId,
      'Coffee',
      allBotRights,
      1_000,
    );
    // Telegram counts 1 000 and the owner and the bot: the reach of each post.
    const [size] = await database.withSystem('test read', (tx) =>
      tx.select({ n: channels.subscribers }).from(channels).where(eq(channels.id, order.channelId)),
    );
    expect(size?.n).toBe(1_002);
    const { paid } = await payWithStars(database, clock, {
      accountId: alexAccount,
      orderId: order.orderId,
      preCheckout: true,
    });
    expect(paid.ok && paid.value.kind === 'paid' && paid.value.status).toBe('scheduled');

    const posts = () =>
      database.withSystem('test read', (tx) =>
        tx
          .select()
          .from(placements)
          .where(eq(placements.orderId, order.orderId))
          .orderBy(asc(placements.dueAt)),
      );
    expect((await posts()).map((p) => p.variantIndex)).toEqual([0, 1, 0, 1, 0, 1]);
    const publishUpTo = async (n: number) => {
      const due = (await posts())[n - 1]!.dueAt;
      const minutes = Math.ceil((due.getTime() - clock.now().getTime()) / 60_000) + 1;
      if (minutes > 0) await advanceTestClock({ database, clock, logger }, minutes);
      await expect
        .poll(async () => (await posts()).filter((p) => p.publishedAt).length, poll)
        .toBe(n);
    };
    let visitors = 0;
    const click = async (post: number, times: number) => {
      const placementId = (await posts())[post - 1]!.id;
      const [link] = await database.withSystem('test read', (tx) =>
        tx.select().from(clickLinks).where(eq(clickLinks.placementId, placementId)),
      );
      for (let i = 0; i < times; i++) {
        visitors += 1;
        const result = await recordClick(
          database,
          { code: link!.code, visitorKey: `visitor ${visitors}`, userAgent: 'Mozilla/5.0' },
          clock,
        );
        expect(result).toMatchObject({ kind: 'redirect', counted: true });
      }
    };
    /** Opens the order's report and waits for it to show `expected` (the screen is edited). */
    const report = async (expected: RegExp) => {
      alex.send('/orders');
      await alex.waitForMessage(/Your orders|orders/i);
      await vi.waitFor(() => alex.click(/Coffee/), { timeout: 5_000 });
      await vi.waitFor(() => alex.click('📊 Report'), { timeout: 5_000 });
      return vi.waitFor(
        () => {
          const found = alex.messages().findLast((m) => m.text?.startsWith('📊 Report'));
          const text = found?.text?.replace(/\u00a0/g, ' ') ?? '';
          if (!expected.test(text)) throw new Error(`no report with ${expected} yet: ${text}`);
          return text;
        },
        { timeout: 5_000 },
      );
    };

    // Post 1 (A): 3 clicks. Post 2 goes out as B: B had no post yet, nothing is known of it.
    await publishUpTo(1);
    await click(1, 3);
    await publishUpTo(2);
    await click(2, 2);
    // 3 of 1 002 against 2 of 1 002: A leads, far from sure; post 3 keeps its turn (A).
    const early = await report(/Variant B: posts 1 .+ clicks 2/);
    expect(early).toContain(
      'Variant A: posts 1 · reach 1,002 · clicks 3 · per 1 000 subscribers 3.0',
    );
    expect(early).toContain(
      'Variant B: posts 1 · reach 1,002 · clicks 2 · per 1 000 subscribers 2.0',
    );
    expect(early).toMatch(
      /No winner yet: variant A leads with a \d\d(\.\d)?% chance to be the best; a winner is named at 95%/,
    );
    expect(early).not.toContain('Winner:');
    await publishUpTo(3);
    expect((await posts()).map((p) => p.variantIndex)).toEqual([0, 1, 0, 1, 0, 1]);
    // Post 3 (A) brings 25 more: A is now all but sure to be the best.
    await click(3, 25);
    const decided = await report(/Variant A: posts 2 .+ clicks 28/);
    expect(decided).toContain('🏆 Winner: variant A (>99.9% chance to be the best)');
    // Posts 4–6 go out with the winner, and the order records the decision.
    await publishUpTo(6);
    expect((await posts()).map((p) => p.variantIndex)).toEqual([0, 1, 0, 0, 0, 0]);
    const texts = sandbox.emulator
      .messages(chatId, { includeDeleted: true })
      .map((m) => m.text?.split(':')[0]);
    expect(texts).toEqual([
      'Variant A',
      'Variant B',
      'Variant A',
      'Variant A',
      'Variant A',
      'Variant A',
    ]);
    const [row] = await database.withSystem('test read', (tx) =>
      tx.select().from(orders).where(eq(orders.id, order.orderId)),
    );
    expect(row?.abWinner).toBe(0);
    expect(row?.abProbability).toBeGreaterThanOrEqual(0.95);
    expect(row?.abDecidedAt).not.toBeNull();

    // The campaign view (all of Alex's orders with posts out) sums the same posts, with a chart.
    await runRollups(database, { settleMs: 0 });
    alex.send('/orders');
    await vi.waitFor(() => alex.click('📊 Campaign report'), { timeout: 5_000 });
    const campaign = await vi.waitFor(
      () => {
        const found = alex.messages().findLast((m) => m.text?.startsWith('📊 Campaign'));
        if (!found?.text) throw new Error('no campaign yet');
        return found.text.replace(/\u00a0/g, ' ');
      },
      { timeout: 5_000 },
    );
    expect(campaign).toContain('📊 Campaign — one order with posts out');
    expect(campaign).toMatch(/• Coffee · .+ · spent RUB 6,000 · posts 6 · clicks 30 \(unique 30\)/);
    expect(campaign).toContain('spent RUB 6,000 · RUB 200 per click · — per join');
    const chart = await alex.waitFor((m) => m.photo !== undefined, {
      timeoutMs: 10_000,
      what: 'the campaign chart',
    });
    expect(chart.caption).toMatch(/^Clicks and joins by day, all orders\n/);
  }, 120_000);
});
