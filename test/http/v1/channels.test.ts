import { compileErrors, validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../../../http/v1/pagination.js';
import type { Problem } from '../../../http/v1/problems.js';
import { makeChannel, makeListedChannel } from '../../factories/channels.js';
import { startV1World, type V1World } from './world.js';

type Page = { data: Record<string, unknown>[]; next_cursor: string | null };

let world: V1World;
let owner: Awaited<ReturnType<V1World['ownerKey']>>;
let other: Awaited<ReturnType<V1World['ownerKey']>>;
let advertiser: Awaited<ReturnType<V1World['advertiserKey']>>;
const ownTitles = ['First', 'Second', 'Third', 'Fourth', 'Fifth'];
/** Catalog channels of this file carry this word, so other rows never interfere. */
const word = 'Zephyrine';
const listed: Record<string, string> = {};
let unlistedId: string;
let otherChannelId: string;

beforeAll(async () => {
  world = await startV1World();
  [owner, other, advertiser] = await Promise.all([
    world.ownerKey(),
    world.ownerKey(),
    world.advertiserKey(),
  ]);
  for (const title of ownTitles) {
    await makeChannel(world.database, {
      workspaceId: owner.workspaceId,
      title,
      status: title === 'Third' ? 'paused' : 'active',
      settings: { timezone: 'Asia/Almaty', pinned: { hours: 24, price: 250_000 } },
    });
  }
  otherChannelId = (await makeListedChannel(world.database, { workspaceId: other.workspaceId })).id;
  const seed = async (key: string, subscribers: number, settings = {}) => {
    const made = await makeListedChannel(world.database, {
      title: `${word} ${key}`,
      subscribers,
      settings,
    });
    listed[key] = made.id;
  };
  await seed('travel', 9_000);
  await seed('tech', 5_000, { category: 'tech' });
  await seed('cheap', 3_000, { prices: { '1/24': 1_500 } });
  await seed('ru', 1_000, { language: 'ru', currency: 'RUB' });
  unlistedId = (
    await makeListedChannel(world.database, {
      title: `${word} unscheduled`,
      settings: { schedule: null },
    })
  ).id;
});
afterAll(async () => {
  await world?.close();
});

async function allPages(key: string, query: Record<string, string | number>) {
  const pages: Page[] = [];
  let cursor: string | null | undefined;
  do {
    const answer = await world.call({
      path: '/v1/channels',
      key,
      query: { ...query, ...(cursor ? { cursor } : {}) },
    });
    expect(answer.status).toBe(200);
    const page = answer.body as Page;
    pages.push(page);
    cursor = page.next_cursor;
  } while (cursor && pages.length < 10);
  return pages;
}

describe('GET /v1/channels with an owner key', () => {
  it("lists the workspace's channels, oldest first, with their selling settings", async () => {
    const answer = await world.call({ path: '/v1/channels', key: owner.key });
    expect(answer.status).toBe(200);
    const page = answer.body as Page;
    expect(page.data.map((c) => c.title)).toEqual(ownTitles);
    expect(page.next_cursor).toBeNull();
    expect(page.data[2]).toMatchObject({ title: 'Third', status: 'paused' });
    expect(page.data[0]).toMatchObject({
      status: 'active',
      subscribers: 1_000,
      currency: 'RUB',
      timezone: 'Asia/Almaty',
      formats: [
        { format: '1/24', price: 100_000 },
        { format: '2/48', price: 150_000 },
        { format: 'pin:24', price: 250_000 },
      ],
    });
  });

  it('pages with limit and an opaque cursor, every channel once', async () => {
    const pages = await allPages(owner.key, { limit: 2 });
    expect(pages.map((p) => p.data.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap((p) => p.data.map((c) => c.title))).toEqual(ownTitles);
    expect(pages.at(-1)?.next_cursor).toBeNull();
    expect(pages[0]?.next_cursor).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('reads its own channel, and not another workspace’s (404)', async () => {
    const first = (
      (await world.call({ path: '/v1/channels', key: owner.key, query: { limit: 1 } })).body as Page
    ).data[0]!;
    const own = await world.call({
      path: '/v1/channels/{id}',
      params: { id: String(first.id) },
      key: owner.key,
    });
    expect(own.status).toBe(200);
    expect(own.body).toEqual(first);
    const foreign = await world.call({
      path: '/v1/channels/{id}',
      params: { id: otherChannelId },
      key: owner.key,
    });
    expect(foreign.status).toBe(404);
    expect((foreign.body as Problem).type).toMatch(/\/not-found$/);
    const otherList = (await world.call({ path: '/v1/channels', key: other.key })).body as Page;
    expect(otherList.data.map((c) => c.id)).toEqual([otherChannelId]);
  });

  it('refuses a cursor it did not issue with a 400 invalid-cursor problem', async () => {
    const catalogCursor = encodeCursor({ subscribers: 10, id: otherChannelId });
    for (const cursor of ['%%%', 'bm90IGpzb24', encodeCursor({ id: 'x' }), catalogCursor]) {
      const answer = await world.call({ path: '/v1/channels', key: owner.key, query: { cursor } });
      expect(answer.status, cursor).toBe(400);
      expect((answer.body as Problem).type).toMatch(/\/invalid-cursor$/);
    }
  });
});

describe('GET /v1/channels with an advertiser key', () => {
  it('lists the catalog by subscribers, with its filters, paged', async () => {
    const titles = (pages: Page[]) => pages.flatMap((p) => p.data.map((c) => c.title));
    expect(titles(await allPages(advertiser.key, { q: word, limit: 3 }))).toEqual(
      ['travel', 'tech', 'cheap', 'ru'].map((k) => `${word} ${k}`),
    );
    expect(titles(await allPages(advertiser.key, { q: word, category: 'tech' }))).toEqual([
      `${word} tech`,
    ]);
    expect(titles(await allPages(advertiser.key, { q: word, language: 'ru' }))).toEqual([
      `${word} ru`,
    ]);
    expect(
      titles(await allPages(advertiser.key, { q: word, currency: 'USD', max_price: 2_000 })),
    ).toEqual([`${word} cheap`]);
    const [first] = await allPages(advertiser.key, { q: word, limit: 1 });
    expect(first?.data[0]).toEqual({
      id: listed.travel,
      title: `${word} travel`,
      username: null,
      subscribers: 9_000,
      category: 'travel',
      language: 'en',
      currency: 'USD',
      cheapest_price: 150_000,
    });
  });

  it('reads a listed channel, and not an unlisted one (404)', async () => {
    const found = await world.call({
      path: '/v1/channels/{id}',
      params: { id: listed.tech! },
      key: advertiser.key,
    });
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ id: listed.tech, category: 'tech' });
    const unlisted = await world.call({
      path: '/v1/channels/{id}',
      params: { id: unlistedId },
      key: advertiser.key,
    });
    expect(unlisted.status).toBe(404);
  });

  it('refuses prices without a currency and an owner’s cursor', async () => {
    const noCurrency = await world.call({
      path: '/v1/channels',
      key: advertiser.key,
      query: { min_price: 100 },
    });
    expect(noCurrency.status).toBe(400);
    const [ownerPage] = await allPages(owner.key, { limit: 1 });
    const answer = await world.call({
      path: '/v1/channels',
      key: advertiser.key,
      query: { cursor: ownerPage!.next_cursor! },
    });
    expect(answer.status).toBe(400);
  });
});

describe('the OpenAPI document and the reference page', () => {
  it('is a valid OpenAPI 3.1 document (a maintained parser)', async () => {
    expect(world.document.openapi).toBe('3.1.0');
    const result = await validate(
      structuredClone(world.document) as unknown as Parameters<typeof validate>[0],
    );
    expect(result.valid ? [] : compileErrors(result), JSON.stringify(result)).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(Object.keys(world.document.paths)).toEqual(
      expect.arrayContaining(['/v1/channels', '/v1/channels/{id}', '/v1/openapi.json']),
    );
  });

  it('serves /v1/docs as HTML rendered from it, with no script and no key', async () => {
    const answer = await world.call({ path: '/v1/docs' });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('GET /v1/channels/{id}');
    expect(answer.text).toContain('cheapest_price');
    expect(answer.text).not.toMatch(/<script|https?:\/\/cdn/i);
  });
});
