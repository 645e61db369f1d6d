import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeLike, parseSearch, priceBuckets } from '../../../models/catalog/filters.js';
import { loadCatalogCard } from '../../../models/catalog/catalog-card.js';
import { searchCatalog } from '../../../models/catalog/search-catalog.js';
import type { Database } from '../../../models/db.js';
import { channels, slots } from '../../../models/schema.js';
import { createTestDatabase } from '../../helpers/db.js';
import { makeListedChannel, type ChannelOverrides } from '../../factories/channels.js';

let database: Database;
const now = new Date('2026-12-01T08:00:00Z');
const ids: Record<string, string> = {};
const codes: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const seed = async (key: string, spec: ChannelOverrides) => {
    const made = await makeListedChannel(database, spec);
    ids[key] = made.id;
    codes[key] = made.shareCode;
  };
  await seed('travel', { title: 'Olga Travels', username: 'olga_travels', subscribers: 12_400 });
  await seed('tech', {
    title: 'Tech Daily',
    username: 'tech_daily',
    subscribers: 5_000,
    language: 'ru',
    settings: { category: 'tech', currency: 'RUB', prices: { '1/24': 300_000, '2/48': 500_000 } },
  });
  await seed('percent', {
    title: '100% Deals_Now',
    subscribers: 800,
    settings: { category: 'business' },
  });
  await seed('pinned', {
    title: 'Pins only',
    subscribers: 200_000,
    settings: { prices: {}, pinned: { hours: 24, price: 90_000 } },
  });
  await seed('paused', { title: 'Paused Travels', status: 'paused', subscribers: 50_000 });
  await seed('blocked', { title: 'Blocked Travels', status: 'blocked', subscribers: 60_000 });
  await seed('pending', { title: 'Pending Travels', status: 'pending_review' });
  await seed('noprice', { title: 'Unpriced Travels', settings: { prices: {}, pinned: null } });
  await seed('noschedule', { title: 'Unscheduled Travels', settings: { schedule: null } });
  for (let i = 0; i < 7; i++) {
    await seed(`many${i}`, {
      title: `Many ${i}`,
      subscribers: 100 + i,
      settings: { category: 'games' },
    });
  }
});
afterAll(async () => {
  await database?.close();
});

const titles = (page: { items: { title: string }[] }) => page.items.map((i) => i.title);

describe('searchCatalog', () => {
  it('lists only active channels with a schedule and a price, biggest first', async () => {
    const all = await searchCatalog(database, {}, { page: 0, pageSize: 50 });
    expect(all.total).toBe(11);
    expect(titles(all).slice(0, 4)).toEqual([
      'Pins only',
      'Olga Travels',
      'Tech Daily',
      '100% Deals_Now',
    ]);
    for (const hidden of ['Paused', 'Blocked', 'Pending', 'Unpriced', 'Unscheduled'])
      expect(titles(all).join()).not.toContain(hidden);
    const pins = all.items.find((i) => i.title === 'Pins only');
    expect(pins?.cheapestPrice).toBe(90_000);
    const tech = all.items.find((i) => i.title === 'Tech Daily');
    expect(tech).toMatchObject({ currency: 'RUB', cheapestPrice: 300_000, username: 'tech_daily' });
  });

  it('filters by category, language, subscribers and price in a currency', async () => {
    expect(titles(await searchCatalog(database, { category: 'tech' }, { page: 0 }))).toEqual([
      'Tech Daily',
    ]);
    expect(titles(await searchCatalog(database, { language: 'ru' }, { page: 0 }))).toEqual([
      'Tech Daily',
    ]);
    const mid = await searchCatalog(
      database,
      { subscribers: { min: 1_000, max: 100_000 } },
      { page: 0 },
    );
    expect(titles(mid)).toEqual(['Olga Travels', 'Tech Daily']);
    const rub = await searchCatalog(
      database,
      { price: { currency: 'RUB', ...priceBuckets.RUB[0] } },
      { page: 0 },
    );
    expect(rub.total).toBe(0);
    const rubMid = await searchCatalog(
      database,
      { price: { currency: 'RUB', min: 100_000, max: 500_000 } },
      { page: 0 },
    );
    expect(titles(rubMid)).toEqual(['Tech Daily']);
    const usdCheap = await searchCatalog(
      database,
      { price: { currency: 'USD', max: 100_000 }, category: 'travel' },
      { page: 0 },
    );
    expect(titles(usdCheap)).toEqual(['Pins only']);
  });

  it('searches title and @username case-insensitively, taking % and _ literally', async () => {
    expect(titles(await searchCatalog(database, { search: 'TRAVEL' }, { page: 0 }))).toEqual([
      'Olga Travels',
    ]);
    expect(titles(await searchCatalog(database, { search: 'tech_da' }, { page: 0 }))).toEqual([
      'Tech Daily',
    ]);
    expect(titles(await searchCatalog(database, { search: '100%' }, { page: 0 }))).toEqual([
      '100% Deals_Now',
    ]);
    expect(
      (await searchCatalog(database, { search: '%' }, { page: 0 })).items.map((i) => i.title),
    ).toEqual(['100% Deals_Now']);
    expect(titles(await searchCatalog(database, { search: 's_N' }, { page: 0 }))).toEqual([
      '100% Deals_Now',
    ]);
    // "_" is not "any character": "Many_0" does not match "Many 0".
    expect((await searchCatalog(database, { search: 'Many_0' }, { page: 0 })).total).toBe(0);
    expect((await searchCatalog(database, { search: 'Paused' }, { page: 0 })).total).toBe(0);
  });

  it('pages by five in a stable order and clamps a page past the end', async () => {
    const first = await searchCatalog(database, { category: 'games' }, { page: 0 });
    const second = await searchCatalog(database, { category: 'games' }, { page: 1 });
    expect(first).toMatchObject({ total: 7, pages: 2, page: 0 });
    expect(titles(first)).toEqual(['Many 6', 'Many 5', 'Many 4', 'Many 3', 'Many 2']);
    expect(titles(second)).toEqual(['Many 1', 'Many 0']);
    const past = await searchCatalog(database, { category: 'games' }, { page: 99 });
    expect(past.page).toBe(1);
    expect(titles(past)).toEqual(titles(second));
  });

  it('parses typed searches and escapes LIKE wildcards', () => {
    expect(parseSearch('  @tech ')).toEqual({ ok: true, value: 'tech' });
    expect(parseSearch('a')).toEqual({ ok: false, code: 'too_short' });
    expect(parseSearch('x'.repeat(65))).toEqual({ ok: false, code: 'too_long' });
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });
});

describe('loadCatalogCard', () => {
  it('shows the public card: prices, next free slots after the lead time, zero reputation', async () => {
    const made = await makeListedChannel(database, {
      title: 'Card Channel',
      username: 'card_channel',
      subscribers: 3_000,
      settings: { timezone: 'Europe/Berlin', leadTimeMinutes: 120, description: 'Trips & <tips>' },
      slotsFrom: now,
    });
    const card = await loadCatalogCard(database, { channelId: made.id }, now);
    expect(card).toMatchObject({
      title: 'Card Channel',
      username: 'card_channel',
      subscribers: 3_000,
      timezone: 'Europe/Berlin',
      currency: 'USD',
      prices: [{ format: '1/24', price: 150_000 }],
      fillRate: 0,
      reputation: { published: 0, onTimeRate: 0, earlyDeletions: 0, keptRate: 0 },
      growth: null,
      recentAds: 0,
      clicksPer1000: null,
      description: 'Trips & <tips>',
    });
    // 08:00Z = 09:00 Berlin; lead 2 h ⇒ 10:00 Berlin (09:00Z) is too soon, 18:00 (17:00Z) is the first.
    expect(card?.nextSlots[0]?.toISOString()).toBe('2026-12-01T17:00:00.000Z');
    expect(card?.nextSlots).toHaveLength(5);
    const byCode = await loadCatalogCard(database, { shareCode: made.shareCode }, now);
    expect(byCode?.id).toBe(made.id);
  });

  it('computes fill rate and reputation from slots and counters', async () => {
    const made = await makeListedChannel(database, { title: 'Busy', slotsFrom: now });
    await database.withSystem('test: sell slots', async (tx) => {
      const rows = await tx
        .select({ id: slots.id })
        .from(slots)
        .where(eq(slots.channelId, made.id));
      expect(rows.length).toBeGreaterThan(10);
      for (const row of rows.slice(0, 3))
        await tx
          .update(slots)
          .set({ status: 'booked', format: '1/24' })
          .where(eq(slots.id, row.id));
      await tx
        .update(channels)
        .set({ publishedCount: 4, onTimeCount: 3, earlyDeletionCount: 1 })
        .where(eq(channels.id, made.id));
    });
    const card = await loadCatalogCard(database, { channelId: made.id }, now);
    const offered = await database.withSystem('test: count', (tx) =>
      tx.select({ id: slots.id }).from(slots).where(eq(slots.channelId, made.id)),
    );
    expect(card?.fillRate).toBe(Math.round((3 * 100) / offered.length));
    expect(card?.reputation).toEqual({
      published: 4,
      onTimeRate: 75,
      earlyDeletions: 1,
      keptRate: 75,
    });
  });

  it('is undefined for paused, blocked, pending, unknown and malformed references', async () => {
    for (const key of ['paused', 'blocked', 'pending']) {
      expect(await loadCatalogCard(database, { channelId: ids[key] ?? '' }, now)).toBeUndefined();
      expect(await loadCatalogCard(database, { shareCode: codes[key] ?? '' }, now)).toBeUndefined();
    }
    expect(await loadCatalogCard(database, { shareCode: 'nosuchcode' }, now)).toBeUndefined();
    expect(await loadCatalogCard(database, { shareCode: "x' or 1=1 --" }, now)).toBeUndefined();
    expect(await loadCatalogCard(database, { channelId: 'not-a-uuid' }, now)).toBeUndefined();
  });

  it('reveals no private columns of another workspace (only the card fields)', async () => {
    const card = await loadCatalogCard(database, { channelId: ids.travel ?? '' }, now);
    expect(Object.keys(card ?? {}).sort()).toEqual(
      [
        'id',
        'title',
        'username',
        'subscribers',
        'category',
        'language',
        'description',
        'shareCode',
        'timezone',
        'currency',
        'prices',
        'growth',
        'recentAds',
        'clicksPer1000',
        'nextSlots',
        'fillRate',
        'reputation',
        'whitelistOnly',
        'requiresMarking',
      ].sort(),
    );
    expect(card).not.toHaveProperty('workspaceId');
    expect(card).not.toHaveProperty('botRights');
    expect(card).not.toHaveProperty('telegramChatId');
  });
});
