import { formatDayMonth } from '../../../format/dates.js';
import type { RollupPoint } from '../../../models/analytics/queries.js';
import type { ChartConfig } from '../../../models/providers/quickchart.js';
import type { BotContext } from '../../context.js';

/** Telegram's caption limit; the alt text lists the latest days that fit. */
const captionLimit = 1024;

/**
 * The order's clicks and joins per local day of its channels (from the rollups) as a line chart,
 * and its alt text with the same numbers, so a chart that fails to render still informs.
 */
export function reportChart(
  ctx: BotContext,
  series: RollupPoint[],
  locale: string,
): { chart: ChartConfig; caption: string } {
  const labels = series.map((p) => formatDayMonth(p.day ?? p.bucketStart.toISOString(), locale));
  const chart: ChartConfig = {
    type: 'line',
    data: {
      labels,
      datasets: [
        {
          label: ctx.tPlain('orders-report-chart-clicks'),
          data: series.map((p) => p.clicks),
          borderColor: '#36a2eb',
          fill: false,
        },
        {
          label: ctx.tPlain('orders-report-chart-joins'),
          data: series.map((p) => p.joins),
          borderColor: '#4bc0c0',
          fill: false,
        },
      ],
    },
    options: {
      title: { display: true, text: ctx.tPlain('orders-report-chart-title') },
      legend: { display: true, position: 'bottom' },
      scales: { yAxes: [{ ticks: { beginAtZero: true, precision: 0 } }] },
    },
  };
  const head = ctx.tPlain('orders-report-chart-title');
  const days = series.map((p, i) =>
    ctx.tPlain('orders-report-chart-day', { day: labels[i]!, clicks: p.clicks, joins: p.joins }),
  );
  // The latest days first to go in when the caption would be too long.
  const kept: string[] = [];
  let length = head.length;
  for (const line of [...days].reverse()) {
    if (length + line.length + 1 > captionLimit) break;
    kept.unshift(line);
    length += line.length + 1;
  }
  return { chart, caption: [head, ...kept].join('\n') };
}
