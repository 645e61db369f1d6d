import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runRollups } from '../../../models/analytics/rollups.js';
import { ensureClickLinks } from '../../../models/clicks/codes.js';
import { recordClick } from '../../../models/clicks/record-click.js';
import { accounts, payouts, workspaces } from '../../../models/schema.js';
import { startFakeQuickChart, type FakeQuickChart } from '../../../sandbox/fakes/quickchart.js';
import type { ApiMessage } from '../../../sandbox/types.js';
import { makeAccount } from '../../factories/accounts.js';
import { makeOwnChannel, type MadeChannel } from '../../factories/channels.js';
import { makeServedOrder, type ServedOrder } from '../../factories/placements.js';
import { callBotApi } from '../../helpers/sandbox.js';
import type { TestUser } from '../../helpers/telegram-user.js';
import { type BotHarness, startBotHarness } from '../harness.js';

let h: BotHarness;
let charts: FakeQuickChart;
let pia: TestUser;
let coffee: MadeChannel;
let served: ServedOrder;
let payoutId: string;
const hour = 3_600_000;
const base = new Date(Date.now() - 3 * 24 * hour);
const requested = new Date(Date.now() - 24 * hour);
const advertiser = 'Алекс "Кофе",\nООО';
const zone = 'Asia/Tokyo';

/** The account of a person who has talked to the bot. */
async function accountOf(user: TestUser): Promise<string> {
  const [account] = await h.database.withSystem('test read', (tx) =>
    tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.telegramId, user.id)),
  );
  return account!.id;
}

beforeAll(async () => {
  charts = await startFakeQuickChart();
  h = await startBotHarness({ env: { QUICKCHART_URL: charts.url } });
  pia = h.sandbox.user({ first_name: 'Pia', language_code: 'en' });
  pia.send('/start');
  await pia.waitForMessage('Who are you here?');
  const owner = await accountOf(pia);
  coffee = await makeOwnChannel(h.database, owner, { title: 'Coffee' });
  await makeOwnChannel(h.database, owner, { title: 'Tea' });
  await h.database.withSystem('test: Pro in Tokyo', async (tx) => {
    await tx.update(accounts).set({ timezone: zone }).where(eq(accounts.id, owner));
    await tx
      .update(workspaces)
      .set({ plan: 'pro', planExpiresAt: null })
      .where(eq(workspaces.id, coffee.workspaceId));
  });
  // One kept post of 1 000 ₽ on Coffee three days ago, clicked by two visitors an hour later.
  const alex = await makeAccount(h.database, { firstName: advertiser });
  served = await makeServedOrder(h.database, {
    base,
    amount: 100_000,
    currency: 'RUB',
    channel: coffee,
    advertiser: alex.id,
  });
  const [code] = await h.database.withScope({ workspaceId: coffee.workspaceId }, (tx) =>
    ensureClickLinks(tx, {
      placementId: served.placementIds[0]!,
      workspaceId: coffee.workspaceId,
      targets: ['https://example.com/coffee'],
    }),
  );
  for (const visitor of ['one', 'two'])
    await recordClick(
      h.database,
      { code: code!, visitorKey: visitor, userAgent: 'Mozilla/5.0 Firefox/140.0' },
      { now: () => new Date(base.getTime() + hour), offsetMs: () => 0 },
    );
  await runRollups(h.database, { settleMs: 0 });
  // A payout of 1 500.50 ₽ asked for yesterday.
  const [payout] = await h.database.withSystem('test: payout', (tx) =>
    tx
      .insert(payouts)
      .values({
        workspaceId: coffee.workspaceId,
        requestedByAccountId: owner,
        amount: 150_050,
        currency: 'RUB',
        method: 'card',
        createdAt: requested,
      })
      .returning({ id: payouts.id }),
  );
  payoutId = payout!.id;
}, 60_000);
afterAll(async () => {
  await h?.close();
  await charts?.close();
});

/** A moment as the export writes it for Pia (Tokyo). */
const tokyo = (at: Date) => DateTime.fromJSDate(at, { zone }).toFormat('yyyy-MM-dd HH:mm');

const labels = (m: ApiMessage) => (m.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.text);
const documents = (user: TestUser) => user.messages().filter((m) => m.document !== undefined);

/** Presses a button and reads the document it brings the way a client does: getFile, then the file. */
async function download(user: TestUser, label: string | { data: string }) {
  const before = documents(user).length;
  const answer = await user.click(label);
  const message = await vi.waitFor(
    () => {
      const sent = documents(user);
      if (sent.length === before) throw new Error('no document yet');
      return sent.at(-1)!;
    },
    { timeout: 5_000 },
  );
  const document = message.document as { file_id: string; file_name: string };
  const file = await callBotApi(h.sandbox, 'getFile', { file_id: document.file_id });
  const path = (file.result as { file_path: string }).file_path;
  const response = await fetch(`${h.sandbox.apiRoot}/file/bot${h.sandbox.token}/${path}`);
  const text = Buffer.from(await response.arrayBuffer()).toString('utf8');
  return {
    answer,
    name: document.file_name,
    caption: message.caption ?? '',
    text,
    cells: parse(text, { bom: true }) as string[][],
  };
}

/** A button the bot never sent (a forged callback), in a message of the bot's. */
async function forgedButton(user: TestUser, data: string): Promise<void> {
  const sent = await callBotApi(h.sandbox, 'sendMessage', {
    chat_id: user.id,
    text: 'Statistics',
    reply_markup: { inline_keyboard: [[{ text: 'Forged', callback_data: data }]] },
  });
  expect(sent.ok).toBe(true);
}

/** Gives the bot time to send what it would have sent after answering. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('CSV exports from the owner dashboard', () => {
  it('a Pro owner downloads each export: exactly the seeded rows, in her zone', async () => {
    pia.send('/analytics');
    const screen = await pia.waitForMessage('📊 Statistics — all channels · last 30 days');
    expect(labels(screen)).toEqual(
      expect.arrayContaining(['⬇️ Orders', '⬇️ Posts', '⬇️ Payouts', '⬇️ Daily']),
    );
    expect(labels(screen)).not.toContain('⬇️ CSV exports (Pro)');
    const today = DateTime.now().setZone(zone).toFormat('yyyy-MM-dd');

    const orders = await download(pia, '⬇️ Orders');
    expect(orders.answer.show_alert).toBeFalsy();
    expect(orders.name).toBe(`lytslot-orders-${today}-30d.csv`);
    expect(orders.text.startsWith('\uFEFFid,')).toBe(true);
    expect(orders.caption).toMatch(/^⬇️ Orders — all channels · last 30 days\n.+ – .+\nRows: 1$/);
    expect(orders.cells).toEqual([
      [
        'id',
        `created (${zone})`,
        'status',
        'advertiser',
        'advertiser username',
        'channels',
        'items',
        'currency',
        'total',
        'refunded',
        `paid (${zone})`,
      ],
      [
        served.orderId,
        tokyo(base),
        'published',
        advertiser,
        '',
        'Coffee',
        '1',
        'RUB',
        '1000.00',
        '0.00',
        tokyo(base),
      ],
    ]);

    const posts = await download(pia, '⬇️ Posts');
    expect(posts.caption).toContain('Posts and their clicks, joins and reactions');
    expect(posts.cells.slice(1)).toEqual([
      [
        served.placementIds[0],
        served.orderId,
        'Coffee',
        '1/24',
        '1',
        tokyo(base),
        tokyo(base),
        'completed',
        '2',
        '2',
        '0',
        '0',
        '0',
      ],
    ]);

    const payoutsFile = await download(pia, '⬇️ Payouts');
    expect(payoutsFile.caption).toMatch(/^⬇️ Payouts — the whole workspace · last 30 days/);
    expect(payoutsFile.cells).toEqual([
      [
        'id',
        `requested (${zone})`,
        'status',
        'currency',
        'amount',
        'method',
        `decided (${zone})`,
        `paid (${zone})`,
      ],
      [payoutId, tokyo(requested), 'requested', 'RUB', '1500.50', 'card', '', ''],
    ]);

    const daily = await download(pia, '⬇️ Daily');
    const day = DateTime.fromJSDate(new Date(base.getTime() + hour), {
      zone: coffee.settings.timezone,
    }).toISODate();
    expect(daily.cells).toEqual([
      ['channel', 'day', 'clicks', 'unique clicks', 'joins', 'leaves'],
      ['Coffee', day, '2', '2', '0', '0'],
    ]);
  });

  it('one channel with nothing in the period: a header-only file, said so in the caption', async () => {
    await pia.click('Tea');
    await pia.waitFor((m) => m.text?.startsWith('📊 Statistics — Tea') === true, {
      what: 'the Tea dashboard',
    });
    const empty = await download(pia, '⬇️ Orders');
    expect(empty.cells).toHaveLength(1);
    expect(empty.caption).toMatch(/^⬇️ Orders — Tea · last 30 days\n/);
    expect(empty.caption).toContain('No rows in this period: the file has only the header.');
  });

  it('a forged export of another owner’s channel is refused and sends nothing', async () => {
    const max = h.sandbox.user({ first_name: 'Max', language_code: 'en' });
    max.send('/start');
    await max.waitForMessage('Who are you here?');
    const theirs = await makeOwnChannel(h.database, await accountOf(max), { title: 'Max news' });
    const before = documents(pia).length;
    await forgedButton(pia, `ana:csv:o:30:${theirs.id}`);
    expect(await pia.click('Forged')).toMatchObject({
      text: 'This channel is not one of yours.',
      show_alert: true,
    });
    await settle();
    expect(documents(pia)).toHaveLength(before);
  });

  it('a Free owner is told exports come with Pro, also when pressing a forged export', async () => {
    const kim = h.sandbox.user({ first_name: 'Kim', language_code: 'en' });
    kim.send('/start');
    await kim.waitForMessage('Who are you here?');
    await makeOwnChannel(h.database, await accountOf(kim), { title: 'Kim news' });
    kim.send('/analytics');
    const screen = await kim.waitForMessage('📊 Statistics — all channels · last 30 days');
    expect(labels(screen)).toContain('⬇️ CSV exports (Pro)');
    expect(labels(screen)).not.toContain('⬇️ Orders');
    const pro = {
      text: '💎 CSV exports of your statistics come with the Pro plan: see /plan.',
      show_alert: true,
    };
    expect(await kim.click('⬇️ CSV exports (Pro)')).toMatchObject(pro);
    await forgedButton(kim, 'ana:csv:o:30:all');
    expect(await kim.click('Forged')).toMatchObject(pro);
    await settle();
    expect(documents(kim)).toEqual([]);
  });
});
