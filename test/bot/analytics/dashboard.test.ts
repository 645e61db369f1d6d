import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runRollups } from '../../../models/analytics/rollups.js';
import { ensureClickLinks } from '../../../models/clicks/codes.js';
import { recordClick } from '../../../models/clicks/record-click.js';
import { accounts } from '../../../models/schema.js';
import { settlePlacement } from '../../../models/settlement/settle-placement.js';
import { startFakeQuickChart, type FakeQuickChart } from '../../../sandbox/fakes/quickchart.js';
import { makeAccount } from '../../factories/accounts.js';
import { makeOwnChannel, type MadeChannel } from '../../factories/channels.js';
import { makeServedOrder } from '../../factories/placements.js';
import type { ApiMessage } from '../../../sandbox/types.js';
import type { TestUser } from '../../helpers/telegram-user.js';
import { type BotHarness, startBotHarness } from '../harness.js';

let h: BotHarness;
let charts: FakeQuickChart;
let pia: TestUser;
let coffee: MadeChannel;
const hour = 3_600_000;
const base = new Date(Date.now() - 3 * 24 * hour);

beforeAll(async () => {
  charts = await startFakeQuickChart();
  h = await startBotHarness({ env: { QUICKCHART_URL: charts.url } });
  pia = h.sandbox.user({ first_name: 'Pia', language_code: 'en' });
  pia.send('/start');
  await pia.waitForMessage('Who are you here?');
  const [account] = await h.database.withSystem('test read', (tx) =>
    tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.telegramId, pia.id)),
  );
  coffee = await makeOwnChannel(h.database, account!.id, { title: 'Coffee' });
  await makeOwnChannel(h.database, account!.id, { title: 'Tea' });
  // One kept post of 1 000 ₽ on Coffee, settled yesterday (800 ₽ to the owner), clicked twice.
  const alex = await makeAccount(h.database, { firstName: 'Alex' });
  const served = await makeServedOrder(h.database, {
    base,
    amount: 100_000,
    currency: 'RUB',
    channel: coffee,
    advertiser: alex.id,
  });
  const settled = await settlePlacement(
    h.database,
    served.placementIds[0]!,
    new Date(Date.now() - 24 * hour),
  );
  expect(settled.ok).toBe(true);
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
}, 60_000);
afterAll(async () => {
  await h?.close();
  await charts?.close();
});

/** A message's text with Intl's no-break spaces as plain ones. */
const plain = (m: { text?: string }) => (m.text ?? '').replace(/\u00a0/g, ' ');

const labels = (m: ApiMessage) => (m.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.text);

/** The latest version of the dashboard message (screens edit it in place). */
const dashboard = (title: RegExp) =>
  vi.waitFor(
    () => {
      const found = pia.messages().findLast((m) => m.text && title.test(m.text));
      if (!found) throw new Error(`no ${title}`);
      return found;
    },
    { timeout: 5_000 },
  );

describe('the owner dashboard in the bot', () => {
  it('/analytics: the numbers, the chart with its alt text, periods and channels', async () => {
    pia.send('/analytics');
    const all = await pia.waitForMessage('📊 Statistics — all channels · last 30 days');
    expect(plain(all)).toContain('💰 Revenue (settled): gross RUB 1,000, net RUB 800');
    expect(plain(all)).toContain('📅 Fill rate: 100% (slots sold: 1 of 1)');
    expect(plain(all)).toContain('1/24: RUB 1,000 (sold: 1)');
    expect(plain(all)).toContain('1. Alex — RUB 1,000 (orders: 1)');
    expect(plain(all)).toContain('🔗 Clicks and joins: clicks 2 (unique 2) · joined 0 · left 0');
    expect(plain(all)).toMatch(/• Coffee, .+: clicks 2 \(unique 2\) · joined 0/);
    const buttons = labels(all);
    expect(buttons).toEqual([
      '7 days',
      '• 30 days',
      '90 days',
      '• All channels',
      'Coffee',
      'Tea',
      '📈 Chart',
      '⬇️ CSV exports (Pro)',
    ]);
    const photo = await pia.waitFor((m) => m.photo !== undefined, {
      timeoutMs: 10_000,
      what: 'the chart',
    });
    expect(photo.caption).toMatch(/^Clicks and joins by day\n.+: clicks 2, joins 0$/);
    expect(charts.requests).toHaveLength(1);

    await pia.click('7 days');
    const week = await dashboard(/last 7 days/);
    expect(plain(week)).toContain('gross RUB 1,000, net RUB 800');
    await pia.click('Tea');
    const tea = await dashboard(/Statistics — Tea · last 7 days/);
    expect(plain(tea)).toContain('💰 Revenue: nothing settled in this period');
    expect(plain(tea)).toContain('🔗 Clicks and joins: clicks 0 (unique 0)');
    // No chart without a day of data.
    expect(labels(tea)).not.toContain('📈 Chart');
  });

  it('«📈 Chart» sends the shown period’s chart; a failed render leaves the numbers', async () => {
    await pia.click('Coffee');
    await dashboard(/Statistics — Coffee · last 7 days/);
    const before = charts.requests.length;
    await pia.click('📈 Chart');
    await vi.waitFor(() => expect(charts.requests.length).toBe(before + 1), { timeout: 5_000 });
    const photos = () => pia.messages().filter((m) => m.photo !== undefined).length;
    await vi.waitFor(() => expect(photos()).toBe(2), { timeout: 5_000 });
    charts.setMode('error');
    try {
      await pia.click('📈 Chart');
      await vi.waitFor(() => expect(charts.requests.length).toBe(before + 2), { timeout: 5_000 });
      expect(photos()).toBe(2);
    } finally {
      charts.setMode('ok');
    }
  });

  it('from the owner menu; someone without channels is told what to do', async () => {
    pia.send('/start');
    await pia.waitForMessage('Who are you here?');
    await pia.click('📢 I own channels');
    await vi.waitFor(() => pia.click('📊 Statistics'), { timeout: 5_000 });
    await dashboard(/Statistics — all channels · last 30 days/);
    const max = h.sandbox.user({ first_name: 'Max', language_code: 'en' });
    max.send('/analytics');
    await max.waitForMessage('Statistics are for channel owners: add a channel first');
  });
});
