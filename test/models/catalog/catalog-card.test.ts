import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardScreen } from '../../../bot/features/catalog/card.js';
import { runRollups } from '../../../models/analytics/rollups.js';
import { clicksPer1000 } from '../../../models/catalog/card-figures.js';
import { loadCatalogCard, type CatalogCard } from '../../../models/catalog/catalog-card.js';
import { channelLocalDay, recordMemberCount } from '../../../models/channels/member-counts.js';
import type { Database } from '../../../models/db.js';
import { channels, events } from '../../../models/schema.js';
import { createI18n, type HtmlArgs } from '../../../messages/i18n.js';
import { makeListedChannel, type MadeChannel } from '../../factories/channels.js';
import { makeOrder } from '../../factories/orders.js';
import { makePlacement } from '../../factories/placements.js';
import { createTestDatabase } from '../../helpers/db.js';

const now = new Date('2026-12-01T08:00:00Z');
const dayMs = 86_400_000;
const daysAgo = (days: number) => new Date(now.getTime() - days * dayMs);

let database: Database;
const i18n = createI18n();

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function cardOf(channel: MadeChannel): Promise<CatalogCard> {
  const card = await loadCatalogCard(database, { channelId: channel.id }, now);
  if (!card) throw new Error('no card');
  return card;
}

function render(card: CatalogCard, locale: 'en' | 'ru'): string {
  const t = (key: string, variables?: HtmlArgs) => i18n.t(locale, key, variables);
  return cardScreen(t, card, {
    viewerZone: card.timezone,
    locale,
    botUsername: 'lytslot_bot',
    back: 'cat:home',
  }).text;
}

/** A `members` sample of the channel's local day of `at`, as the daily measuring job records it. */
async function measure(channel: MadeChannel, at: Date, count: number) {
  const recorded = await database.withScope({ workspaceId: channel.workspaceId }, (tx) =>
    recordMemberCount(tx, {
      channelId: channel.id,
      workspaceId: channel.workspaceId,
      count,
      day: channelLocalDay(channel.settings.timezone, at),
      at,
    }),
  );
  expect(recorded).toBe(true);
}

/** A placement of the channel published at `at`, with `clicks` clicks on its link after it. */
async function publishedWithClicks(channel: MadeChannel, at: Date, clicks: number) {
  const order = await makeOrder(database, {
    channel,
    status: 'published',
    at: new Date(at.getTime() - dayMs),
    firstSlotAt: at,
  });
  const placement = await makePlacement(database, order, order.slotIds[0]!, { dueAt: at });
  for (let i = 0; i < clicks; i++)
    await database.withSystem('test seed: click', (tx) =>
      tx.insert(events).values({
        occurredAt: new Date(at.getTime() + (i + 1) * 60_000),
        workspaceId: channel.workspaceId,
        kind: 'click',
        channelId: channel.id,
        orderId: order.orderId,
        placementId: placement.id,
        value: 1,
        data: { unique: true },
      }),
    );
}

describe('the catalog card shows what advertisers look for', () => {
  it('growth: members on the first and last measured days of the last 30, older ones ignored', async () => {
    const growing = await makeListedChannel(database, {
      title: 'Growing',
      settings: { timezone: 'Europe/Berlin' },
    });
    await measure(growing, daysAgo(45), 400);
    await measure(growing, daysAgo(30), 1_000);
    await measure(growing, daysAgo(12), 1_300);
    await measure(growing, now, 1_120);
    const card = await cardOf(growing);
    expect(card.growth).toEqual({ change: 120, days: 30 });
    expect(card.subscribers).toBe(1_120);
    expect(render(card, 'en')).toContain(
      '👥 1,120 subscribers · ✈️ Travel · English\n📈 +120 subscribers in 30 days',
    );
    expect(render(card, 'ru')).toContain('📈 +120 подписчиков за 30 дней');

    const shrinking = await makeListedChannel(database, { title: 'Shrinking' });
    await measure(shrinking, daysAgo(5), 2_001);
    await measure(shrinking, daysAgo(1), 2_000);
    const down = await cardOf(shrinking);
    expect(down.growth).toEqual({ change: -1, days: 4 });
    expect(render(down, 'en')).toContain('📉 −1 subscriber in 4 days');
    expect(render(down, 'ru')).toContain('📉 −1 подписчик за 4 дня');

    // One measured day: nothing to compare, no line.
    const once = await makeListedChannel(database, { title: 'Measured once' });
    await measure(once, daysAgo(2), 900);
    const single = await cardOf(once);
    expect(single.growth).toBeNull();
    expect(render(single, 'en')).not.toContain('subscribers in');
  });

  it('clicks per ad per 1 000 subscribers: rolled-up clicks of the ads published in the last 30 days', async () => {
    const clicky = await makeListedChannel(database, {
      title: 'Clicky',
      subscribers: 2_000,
      settings: { timezone: 'Asia/Kolkata' },
    });
    await publishedWithClicks(clicky, daysAgo(3), 5);
    await publishedWithClicks(clicky, daysAgo(10), 2);
    // Published before the window: neither its ad nor its clicks count.
    await publishedWithClicks(clicky, daysAgo(40), 7);
    // Raw events are not read: before the rollup, the ads are there but no click yet.
    expect(await cardOf(clicky)).toMatchObject({ recentAds: 2, clicksPer1000: 0 });
    await runRollups(database, { settleMs: 0 });
    const card = await cardOf(clicky);
    // (5 + 2) clicks ÷ 2 ads ÷ 2 000 subscribers × 1 000 = 1.75 ⇒ 1.8.
    expect(card).toMatchObject({ recentAds: 2, clicksPer1000: 1.8 });
    expect(render(card, 'en')).toContain(
      '👆 Clicks per ad per 1,000 subscribers: 1.8 (2 ads in 30 days)',
    );
    expect(render(card, 'ru')).toContain(
      '👆 Кликов на рекламу на 1000 подписчиков: 1,8 (2 рекламы за 30 дней)',
    );
    expect(clicksPer1000({ ads: 0, clicks: 0 }, 2_000)).toBeNull();
    expect(clicksPer1000({ ads: 3, clicks: 9 }, 0)).toBeNull();
    expect(clicksPer1000({ ads: 3, clicks: 0 }, 500)).toBe(0);
  });

  it('kept as promised: published ads not deleted early, beside on time', async () => {
    const kept = await makeListedChannel(database, { title: 'Kept' });
    await database.withSystem('test: reputation counters', (tx) =>
      tx
        .update(channels)
        .set({ publishedCount: 8, onTimeCount: 7, earlyDeletionCount: 2 })
        .where(eq(channels.id, kept.id)),
    );
    const card = await cardOf(kept);
    expect(card.reputation).toEqual({
      published: 8,
      onTimeRate: 88,
      earlyDeletions: 2,
      keptRate: 75,
    });
    expect(render(card, 'en')).toContain(
      '📊 Fill rate 0% · 8 ads published · on time 88% · kept up as promised 75% · deleted early 2',
    );
    expect(render(card, 'ru')).toContain(
      '· вовремя 88% · простояли обещанный срок: 75% · удалено досрочно: 2',
    );
  });

  it('a new channel is «New» and shows none of the three figures', async () => {
    const fresh = await makeListedChannel(database, { title: 'Fresh' });
    const card = await cardOf(fresh);
    expect(card).toMatchObject({
      growth: null,
      recentAds: 0,
      clicksPer1000: null,
      reputation: { published: 0, keptRate: 0 },
    });
    const text = render(card, 'en');
    expect(text).toContain('🆕 New on LytSlot: no ads published yet · fill rate 0%');
    for (const absent of ['subscribers in', 'Clicks per', 'kept up', '📈', '📉'])
      expect(text).not.toContain(absent);
  });
});
