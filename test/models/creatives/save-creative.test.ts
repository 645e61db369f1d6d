import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSystemClock } from '../../../models/clock.js';
import type { Creative } from '../../../models/creatives/content.js';
import { orderReadiness } from '../../../models/creatives/order-readiness.js';
import { readOrderCreatives } from '../../../models/creatives/queries.js';
import { saveCreativeVariant } from '../../../models/creatives/save-creative.js';
import type { Database } from '../../../models/db.js';
import { setBundleMarking } from '../../../models/creatives/set-bundle-marking.js';
import { creatives, orders, workspaces } from '../../../models/schema.js';
import { ensureOwnerWorkspace } from '../../../models/workspaces/ensure-owner-workspace.js';
import { createTestDatabase } from '../../helpers/db.js';
import { makeAccount } from '../../factories/accounts.js';
import { type Tenant, makeTenant } from '../../factories/channels.js';
import { makeOrder } from '../../factories/orders.js';

const clock = createSystemClock();
let database: Database;
let ru: Tenant;
let en: Tenant;
let advertiserId: string;
let bundleId: string;
let ruOrder: string;
let enOrder: string;

const creative: Creative = {
  content: { kind: 'text', text: 'Coffee at https://shop.example' },
  buttons: [[{ text: 'Buy', url: 'https://shop.example/buy' }]],
};
const marking = { name: 'ООО «Кофе»', inn: '7707083893', erid: 'E1' };

beforeAll(async () => {
  database = await createTestDatabase();
  ru = await makeTenant(database, { title: 'RU channel', settings: { stopWords: ['casino'] } });
  en = await makeTenant(database, { title: 'EN channel', language: 'en' });
  advertiserId = (await makeAccount(database)).id;
  bundleId = randomUUID();
  ruOrder = (
    await makeOrder(database, {
      channel: { id: ru.channelId, workspaceId: ru.workspaceId },
      advertiser: advertiserId,
      bundleId: bundleId,
      marking: null,
      creative: null,
    })
  ).orderId;
  enOrder = (
    await makeOrder(database, {
      channel: { id: en.channelId, workspaceId: en.workspaceId },
      advertiser: advertiserId,
      bundleId: bundleId,
      marking: null,
      creative: null,
    })
  ).orderId;
});

afterAll(async () => {
  await database?.close();
});

const readiness = (orderId: string) =>
  database.withSystem('test: readiness', (tx) => orderReadiness(tx, orderId));

describe('saving a creative for a bundle across workspaces', () => {
  it('refuses another account, a variant gap and a stop word of one channel', async () => {
    const input = { accountId: ru.accountId, bundleId, variantIndex: 0, creative };
    expect(await saveCreativeVariant(database, input, clock)).toMatchObject({ code: 'not_found' });
    const gap = { ...input, accountId: advertiserId, variantIndex: 1 };
    expect(await saveCreativeVariant(database, gap, clock)).toMatchObject({
      code: 'variant_limit',
    });
    const casino: Creative = { ...creative, content: { kind: 'text', text: 'Casino night' } };
    expect(
      await saveCreativeVariant(
        database,
        { ...input, accountId: advertiserId, creative: casino },
        clock,
      ),
    ).toMatchObject({
      code: 'content_refused',
      detail: { code: 'stop_word', word: 'casino', channel: 'RU channel' },
    });
    expect(await readiness(ruOrder)).toEqual({ ok: false, code: 'no_creative' });
  });

  it('writes the variant on every order; marking only where a channel requires it', async () => {
    const saved = await saveCreativeVariant(
      database,
      { accountId: advertiserId, bundleId, variantIndex: 0, creative },
      clock,
    );
    expect(saved.ok).toBe(true);
    expect(await readiness(enOrder)).toEqual({ ok: true, value: undefined });
    expect(await readiness(ruOrder)).toEqual({ ok: false, code: 'marking_required' });
    const marked = await setBundleMarking(
      database,
      { accountId: advertiserId, bundleId, marking },
      clock,
    );
    expect(marked).toEqual({ ok: true, value: { orderIds: [ruOrder] } });
    expect(await readiness(ruOrder)).toEqual({ ok: true, value: undefined });
    // A second variant (an A/B test) needs Pro in the advertiser's own workspace.
    const second = { accountId: advertiserId, bundleId, variantIndex: 1, creative };
    expect(await saveCreativeVariant(database, second, clock)).toMatchObject({
      ok: false,
      code: 'variants_pro',
    });
    const { workspaceId: own } = await ensureOwnerWorkspace(database, advertiserId);
    await database.withSystem('test: Pro', (tx) =>
      tx.update(workspaces).set({ plan: 'pro' }).where(eq(workspaces.id, own)),
    );
    // A second variant replaces nothing; saving variant 0 again replaces it.
    await saveCreativeVariant(
      database,
      { accountId: advertiserId, bundleId, variantIndex: 1, creative },
      clock,
    );
    await saveCreativeVariant(
      database,
      {
        accountId: advertiserId,
        bundleId,
        variantIndex: 0,
        creative: { ...creative, buttons: [] },
      },
      clock,
    );
    const read = await database.withScope({ accountId: advertiserId }, (tx) =>
      readOrderCreatives(tx, ruOrder),
    );
    expect(read.marking).toEqual(marking);
    expect(read.variants.map((v) => [v.variantIndex, v.buttons.length])).toEqual([
      [0, 0],
      [1, 1],
    ]);
    const rows = await database.withScope({ workspaceId: en.workspaceId }, (tx) =>
      tx.select().from(creatives).where(eq(creatives.orderId, enOrder)),
    );
    expect(rows.map((r) => r.advertiserAccountId)).toEqual([advertiserId, advertiserId]);
  });

  it('readiness needs a scope that sees the channels; the workspace scope does', async () => {
    const own = await database.withScope({ workspaceId: ru.workspaceId }, (tx) =>
      orderReadiness(tx, ruOrder),
    );
    expect(own.ok).toBe(true);
    const advertiser = await database.withScope({ accountId: advertiserId }, (tx) =>
      orderReadiness(tx, ruOrder),
    );
    expect(advertiser).toMatchObject({ ok: false, code: 'content_refused' });
  });

  it('nothing changes once an order is past held', async () => {
    await database.withSystem('test: status', (tx) =>
      tx.update(orders).set({ status: 'awaiting_payment' }).where(eq(orders.bundleId, bundleId)),
    );
    const input = { accountId: advertiserId, bundleId, variantIndex: 0, creative };
    expect(await saveCreativeVariant(database, input, clock)).toMatchObject({
      code: 'not_editable',
    });
    expect(
      await setBundleMarking(database, { accountId: advertiserId, bundleId, marking }, clock),
    ).toMatchObject({
      code: 'not_editable',
    });
  });
});
