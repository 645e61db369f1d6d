import { formatDayMonth, formatMonthShort } from '../../../../format/dates.js';
import { formatMoney, formatMoneyList } from '../../../../format/money.js';
import type { CurrencySeries, PlatformStats, StatsPeriod } from '../../../../models/admin/stats.js';
import type { ChartConfig } from '../../../../models/providers/quickchart.js';
import { trustedHtml } from '../../../../format/html.js';
import type { AdminT } from './ops-text.js';

/** The period as the summary and chart titles name it ("by week"). */
export function periodName(t: AdminT, period: StatsPeriod): string {
  switch (period) {
    case 'day':
      return t('admin-ops-stats-period-day');
    case 'week':
      return t('admin-ops-stats-period-week');
    case 'month':
      return t('admin-ops-stats-period-month');
  }
}

const palette = ['#36a2eb', '#ff6384', '#4bc0c0', '#ff9f40', '#9966ff'];

/** Bucket labels (UTC buckets): «Nov 26» for days and weeks, «Nov 2026» for months. */
function bucketLabels(stats: PlatformStats, locale: string): string[] {
  return stats.buckets.map((b) => {
    const day = b.toISOString().slice(0, 10);
    return stats.period === 'month'
      ? formatMonthShort(day.slice(0, 7), locale)
      : formatDayMonth(day, locale);
  });
}

/** A series in major units for the chart (stars stay whole); display only, never summed. */
function majorUnits(series: CurrencySeries): number[] {
  return series.values.map((v) => (series.currency === 'XTR' ? v : v / 100));
}

/** A bar chart of one money measure per bucket, one dataset per currency. */
export function moneyChart(
  t: AdminT,
  stats: PlatformStats,
  title: string,
  series: CurrencySeries[],
): ChartConfig {
  const datasets = series.length
    ? series.map((s, i) => ({
        label: s.currency,
        data: majorUnits(s),
        backgroundColor: palette[i % palette.length],
      }))
    : [
        {
          label: t('admin-ops-stats-no-data'),
          data: stats.buckets.map(() => 0),
          backgroundColor: palette[0],
        },
      ];
  return {
    type: 'bar',
    data: { labels: bucketLabels(stats, t.locale), datasets },
    options: {
      title: { display: true, text: title },
      legend: { display: true, position: 'bottom' },
      scales: { yAxes: [{ ticks: { beginAtZero: true } }] },
    },
  };
}

/** The text summary of /stats (every name escaped; money per currency, never added together). */
export function statsSummary(t: AdminT, stats: PlatformStats): string {
  const loc = t.locale;
  const totals = (series: CurrencySeries[]) =>
    formatMoneyList(
      series.map((s) => ({ currency: s.currency, amount: s.total })),
      loc,
    );
  const refunds = stats.refunds.length
    ? stats.refunds
        .map((r) => `${formatMoney(r.amount, r.currency, loc)} (${(r.rateBp / 100).toFixed(1)} %)`)
        .join(' · ')
    : '—';
  const topChannels = stats.topChannels.length
    ? stats.topChannels
        .map((c, i) =>
          t('admin-ops-stats-top-channel', {
            n: i + 1,
            title: c.title,
            username: c.username ? ` @${c.username}` : '',
            orders: c.orders,
            sales: formatMoneyList(c.sales, loc),
          }),
        )
        .join('\n')
    : '—';
  const topAdvertisers = stats.topAdvertisers.length
    ? stats.topAdvertisers
        .map((a, i) =>
          t('admin-ops-stats-top-advertiser', {
            n: i + 1,
            name: a.name ?? '—',
            username: a.username ? ` @${a.username}` : '',
            telegramId: String(a.telegramId),
            orders: a.orders,
            spent: formatMoneyList(a.spent, loc),
          }),
        )
        .join('\n')
    : '—';
  return t('admin-ops-stats-summary', {
    period: trustedHtml(periodName(t, stats.period)),
    buckets: stats.buckets.length,
    from: stats.from.toISOString().slice(0, 10),
    to: stats.to.toISOString().slice(0, 10),
    gmv: totals(stats.gmv),
    revenue: totals(stats.revenue),
    refunds,
    paidOrders: stats.paidOrders,
    refundedOrders: stats.refundedOrders,
    orderRate: stats.paidOrders
      ? ((stats.refundedOrders * 100) / stats.paidOrders).toFixed(1)
      : '0.0',
    activeChannels: stats.activeChannels,
    activeAdvertisers: stats.activeAdvertisers,
    topChannels: trustedHtml(topChannels),
    topAdvertisers: trustedHtml(topAdvertisers),
  });
}
