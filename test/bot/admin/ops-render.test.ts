import { describe, expect, it } from 'vitest';
import { renderChannel, renderOrder } from '../../../bot/features/admin/commands/lookup-render.js';
import { renderAuditPage } from '../../../bot/features/admin/commands/audit.js';
import { opsActionData, opsAuditData } from '../../../messages/callback-data/admin.js';
import type { AdminT } from '../../../bot/features/admin/commands/ops-text.js';
import { moneyChart, statsSummary } from '../../../bot/features/admin/commands/stats-render.js';
import { createI18n } from '../../../bot/i18n.js';
import type { ChannelLookup, OrderLookup } from '../../../models/admin/lookup.js';
import type { PlatformStats } from '../../../models/admin/stats.js';

const i18n = createI18n();
function translator(locale: 'en' | 'ru'): AdminT {
  const t = ((key: string, vars?: Record<string, string | number>) =>
    i18n.t(locale, key, vars)) as AdminT;
  t.locale = locale;
  return t;
}
const en = translator('en');
const ru = translator('ru');
const id = '0b6c1a52-6a8e-4a57-9d56-2f2f4f0c9a11';
const buttons = (k: { inline_keyboard: { text: string; callback_data?: string }[][] }) =>
  k.inline_keyboard.flat().map((b) => [b.text, b.callback_data]);

describe('admin ops rendering', () => {
  it('escapes user text in look-ups and puts the right buttons (short callback data) under them', () => {
    const order: OrderLookup = {
      id,
      status: 'scheduled',
      statusReason: null,
      currency: 'RUB',
      total: 200_000,
      refundedAmount: 0,
      createdAt: new Date('2026-11-20T10:00:00Z'),
      paidAt: new Date('2026-11-20T10:05:00Z'),
      workspaceId: id,
      owner: { accountId: id, telegramId: 1, name: 'Olga', username: 'olga' },
      advertiser: { accountId: id, telegramId: 2, name: '<script>', username: null },
      channels: [{ id, title: 'Tom & Jerry <3' }],
      items: 2,
      payments: [
        {
          provider: 'stars',
          status: 'succeeded',
          amount: 1540,
          currency: 'XTR',
          refundedAmount: 0,
        },
      ],
      disputes: 0,
    };
    const rendered = renderOrder(en, order);
    expect(rendered.text).toContain('&lt;script&gt;');
    expect(rendered.text).toContain('Tom &amp; Jerry &lt;3');
    expect(rendered.text).not.toContain('<script>');
    expect(rendered.text).toContain('Telegram Stars: paid, 1,540 ⭐');
    // Labels, never enum values, and no empty «(—)» when there is no reason.
    expect(rendered.text).toContain('Status: <b>🗓 scheduled</b>\n');
    const completed = renderOrder(ru, { ...order, status: 'completed' }).text;
    expect(completed).toContain('Статус: <b>✅ выполнен</b>\n');
    expect(completed).not.toContain('(—)');
    const expired = renderOrder(ru, { ...order, status: 'expired', statusReason: 'hold_expired' });
    expect(expired.text).toContain('(15 минут удержания истекли до оплаты)');
    expect(buttons(rendered.keyboard)).toEqual([
      ['📜 Audit', `adm:ops:a:o:${id}:0`],
      ['💸 Refund', `adm:ops:r:o:${id}`],
    ]);
    for (const [, data] of buttons(rendered.keyboard)) {
      expect(Buffer.byteLength(data ?? '')).toBeLessThanOrEqual(64);
      expect(opsAuditData.filter.test(data ?? '') || opsActionData.filter.test(data ?? '')).toBe(
        true,
      );
    }
    const channel: ChannelLookup = {
      id,
      title: 'Bold <b>',
      username: null,
      telegramChatId: -100123,
      status: 'blocked',
      statusReason: 'spam & scam',
      subscribers: 10,
      workspaceId: id,
      plan: 'free',
      owner: undefined,
      createdAt: new Date('2026-11-01T00:00:00Z'),
      orders: { sold: 0, upcoming: 0, refunded: 0 },
      published: 0,
      violations: 0,
      sales: [],
    };
    const card = renderChannel(ru, channel);
    expect(card.text).toContain('Bold &lt;b&gt;');
    expect(card.text).toContain('spam &amp; scam');
    expect(card.text).toContain('тариф Free');
    expect(card.text).not.toMatch(/blocked|free\b/);
    expect(buttons(card.keyboard).map(([text]) => text)).toEqual(['📜 Аудит', '✅ Разблокировать']);
  });

  it('pages the audit view with page-turn buttons only where there is a page', () => {
    const row = (n: number) => ({
      id: `${n}`,
      at: new Date('2026-11-26T07:15:00Z'),
      actor: 'admin:42',
      action: 'channel.blocked',
      objectType: 'channel',
      data: { reason: 'a <b> reason', nested: { x: 1 } },
    });
    const middle = renderAuditPage(en, 'channel', id, {
      rows: [row(1)],
      total: 20,
      page: 1,
      pages: 3,
    });
    expect(middle.text).toContain('page 2/3');
    expect(middle.text).toContain('2026-11-26 07:15 UTC');
    expect(middle.text).toContain('reason: a &lt;b&gt; reason');
    expect(middle.text).not.toContain('nested');
    expect(buttons(middle.keyboard)).toEqual([
      ['◀️ Newer', `adm:ops:p:c:${id}:0`],
      ['Older ▶️', `adm:ops:p:c:${id}:2`],
    ]);
    const only = renderAuditPage(en, 'order', id, { rows: [], total: 0, page: 0, pages: 1 });
    expect(only.text).toContain('No audit rows yet.');
    expect(buttons(only.keyboard)).toEqual([]);
  });

  it('summarises stats per currency with escaped names, and charts one dataset per currency', () => {
    const stats: PlatformStats = {
      period: 'week',
      from: new Date('2026-09-07T00:00:00Z'),
      to: new Date('2026-11-26T12:00:00Z'),
      buckets: [new Date('2026-11-16T00:00:00Z'), new Date('2026-11-23T00:00:00Z')],
      gmv: [
        { currency: 'RUB', values: [100_000, 250_050], total: 350_050 },
        { currency: 'USD', values: [0, 2_500], total: 2_500 },
      ],
      revenue: [{ currency: 'XTR', values: [0, 308], total: 308 }],
      refunds: [{ currency: 'RUB', amount: 35_005, rateBp: 1000 }],
      paidOrders: 4,
      refundedOrders: 1,
      activeChannels: 3,
      activeAdvertisers: 2,
      topChannels: [
        {
          id,
          title: 'A&B',
          username: 'ab_news',
          orders: 3,
          sales: [{ currency: 'RUB', amount: 350_050 }],
        },
      ],
      topAdvertisers: [
        {
          accountId: id,
          telegramId: 7,
          name: '<i>x</i>',
          username: null,
          orders: 2,
          spent: [{ currency: 'USD', amount: 2_500 }],
        },
      ],
    };
    const text = statsSummary(en, stats).replace(/[\u00a0\u202f]/g, ' ');
    expect(text).toContain('by week');
    expect(text).toContain('GMV (paid orders): RUB 3,500.50 · $25');
    expect(text).toContain('308 ⭐');
    expect(text).toContain('(10.0 %)');
    expect(text).toContain('1. A&amp;B @ab_news — 3 orders');
    expect(text).toContain('&lt;i&gt;x&lt;/i&gt;');
    const chart = moneyChart(en, stats, 'GMV by week', stats.gmv);
    expect(chart.data.labels).toEqual(['Nov 16', 'Nov 23']);
    expect(chart.data.datasets.map((d) => [d.label, d.data])).toEqual([
      ['RUB', [1000, 2500.5]],
      ['USD', [0, 25]],
    ]);
    const empty = moneyChart(en, stats, 'x', []);
    expect(empty.data.datasets).toEqual([
      expect.objectContaining({ label: 'no data', data: [0, 0] }),
    ]);
  });
});
