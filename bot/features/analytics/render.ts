import { planAllows } from '../../../models/workspaces/plan-limits.js';
import { InlineKeyboard } from 'grammy';
import { formatMoment } from '../../../format/dates.js';
import { trustedHtml } from '../../../format/html.js';
import { formatMoney } from '../../../format/money.js';
import {
  csvExportData,
  csvProData,
  dashboardData,
} from '../../../messages/callback-data/analytics.js';
import type { CsvExportKind } from '../../../models/stats/csv-export-rows.js';
import {
  dashboardPeriods,
  type DashboardPeriod,
  type OwnerDashboard,
} from '../../../models/stats/owner-dashboard.js';
import type { BotContext } from '../../context.js';
import type { KeyboardScreen } from '../../kit/show-screen.js';
import { formatLabel } from '../booking/render.js';

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0');

/** The dashboard's sections, each a block of lines (empty sections are left out). */
function sections(ctx: BotContext, view: OwnerDashboard, locale: string): string[][] {
  const money = (amount: number, currency: Parameters<typeof formatMoney>[1]) =>
    formatMoney(amount, currency, locale);
  const shown = view.channels.find((c) => c.id === view.channelId);
  const revenue =
    view.revenue.length === 0
      ? ctx.t('analytics-revenue-none')
      : ctx.t('analytics-revenue', {
          lines: trustedHtml(
            view.revenue
              .map((r) =>
                ctx.t('analytics-revenue-line', {
                  gross: money(r.gross, r.currency),
                  net: money(r.net, r.currency),
                }),
              )
              .join('; '),
          ),
        });
  const prices =
    view.averagePrices.length === 0
      ? [ctx.t('analytics-prices-none')]
      : [
          ctx.t('analytics-prices-title'),
          ...view.averagePrices.map((p) =>
            ctx.t('analytics-price-line', {
              format: trustedHtml(formatLabel(ctx, p.format)),
              price: money(p.average, p.currency),
              sold: p.count,
            }),
          ),
        ];
  const advertisers =
    view.topAdvertisers.length === 0
      ? []
      : [
          ctx.t('analytics-advertisers-title'),
          ...view.topAdvertisers.map((a, i) =>
            ctx.t('analytics-advertiser-line', {
              n: i + 1,
              name: a.username ? `${a.name} (@${a.username})` : a.name,
              spent: a.spent.map((s) => money(s.amount, s.currency)).join(' + '),
              orders: a.orders,
            }),
          ),
        ];
  const { totals } = view;
  const activity = [
    ctx.t('analytics-activity', {
      clicks: totals.clicks,
      unique: totals.uniqueClicks,
      joins: totals.joins,
      leaves: totals.leaves,
    }),
    ...view.placements.map((p) =>
      ctx.t('analytics-placement-line', {
        channel: p.channelTitle,
        when: p.publishedAt
          ? formatMoment(p.publishedAt, view.timezone, locale)
          : ctx.tPlain('analytics-placement-not-out'),
        clicks: p.clicks,
        unique: p.uniqueClicks,
        joins: p.joins,
        leftDay: p.leftWithinDay,
        reactions: p.reactions,
      }),
    ),
  ];
  const growth =
    view.growth.length === 0
      ? [ctx.t('analytics-growth-none')]
      : [
          ctx.t('analytics-growth-title'),
          ...view.growth.map((g) =>
            ctx.t('analytics-growth-line', {
              title: g.title,
              from: g.growth.from.subscribers,
              to: g.growth.to.subscribers,
              change: signed(g.growth.change),
            }),
          ),
        ];
  return [
    [
      ctx.t('analytics-title', {
        scope: shown ? shown.title : ctx.tPlain('analytics-scope-all'),
        days: view.days,
      }),
    ],
    [
      revenue,
      ctx.t('analytics-fill', {
        percent: view.fill.percent,
        sold: view.fill.sold,
        offered: view.fill.offered,
      }),
    ],
    prices,
    advertisers,
    activity,
    growth,
  ];
}

/**
 * The owner dashboard: the numbers as text, and buttons for the period (the current one marked),
 * all channels or one, the chart of the shown period and its CSV exports.
 */
export function renderDashboard(
  ctx: BotContext,
  view: OwnerDashboard,
  locale: string,
): KeyboardScreen {
  const text = sections(ctx, view, locale)
    .map((lines) => lines.filter(Boolean).join('\n'))
    .filter(Boolean)
    .join('\n\n');
  const keyboard = new InlineKeyboard();
  const mark = (on: boolean, label: string) => (on ? `• ${label}` : label);
  const code = (days: DashboardPeriod) => String(days) as `${DashboardPeriod}`;
  const period = code(view.days);
  for (const days of dashboardPeriods)
    keyboard.text(
      mark(days === view.days, ctx.tPlain('analytics-button-period', { days })),
      dashboardData.pack({ action: 'show', days: code(days), channel: view.channelId }),
    );
  keyboard.row();
  if (view.channels.length > 1) {
    keyboard
      .text(
        mark(view.channelId === null, ctx.tPlain('analytics-button-all')),
        dashboardData.pack({ action: 'show', days: period, channel: null }),
      )
      .row();
    for (const channel of view.channels)
      keyboard
        .text(
          mark(view.channelId === channel.id, channel.title.slice(0, 60)),
          dashboardData.pack({ action: 'show', days: period, channel: channel.id }),
        )
        .row();
  }
  if (view.daily.length > 0)
    keyboard
      .text(
        ctx.tPlain('analytics-button-chart'),
        dashboardData.pack({ action: 'chart', days: period, channel: view.channelId }),
      )
      .row();
  csvButtons(ctx, keyboard, view);
  return { text, keyboard };
}

/** The CSV exports of the shown period and channels on Pro; on Free, one button saying they are Pro's. */
function csvButtons(ctx: BotContext, keyboard: InlineKeyboard, view: OwnerDashboard): void {
  if (!planAllows(view.plan, 'csv_exports')) {
    keyboard.text(ctx.tPlain('analytics-csv-button-pro'), csvProData);
    return;
  }
  const days = String(view.days) as `${DashboardPeriod}`;
  const button = (label: string, kind: CsvExportKind) =>
    keyboard.text(label, csvExportData.pack({ kind, days, channel: view.channelId }));
  button(ctx.tPlain('analytics-csv-button-orders'), 'orders');
  button(ctx.tPlain('analytics-csv-button-placements'), 'placements');
  button(ctx.tPlain('analytics-csv-button-payouts'), 'payouts');
  button(ctx.tPlain('analytics-csv-button-daily'), 'daily');
}
