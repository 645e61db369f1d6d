import { InputFile } from 'grammy';
import { formatDayMonth } from '../../format/dates.js';
import type { RollupPoint } from '../../models/analytics/queries.js';
import type { Logger } from '../../models/logger.js';
import type { ChartConfig, ChartRenderer } from '../../models/providers/quickchart.js';
import type { BotContext } from '../context.js';

/** Telegram's caption limit; the alt text lists the latest days that fit. */
const captionLimit = 1024;

/**
 * Clicks and joins per local day (from the rollups) as a line chart titled `title`, and its alt
 * text with the same numbers, so a chart that fails to render still informs.
 */
export function dailyChart(
  ctx: BotContext,
  series: RollupPoint[],
  locale: string,
  title: string,
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
      title: { display: true, text: title },
      legend: { display: true, position: 'bottom' },
      scales: { yAxes: [{ ticks: { beginAtZero: true, precision: 0 } }] },
    },
  };
  const head = title;
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

/**
 * Sends the daily chart as a photo with its alt text as the caption (an order's report, the owner
 * dashboard); nothing when the series is empty. A chart service that fails is logged, and the
 * screen above already has the numbers.
 */
export async function sendDailyChart(
  ctx: BotContext,
  deps: { charts: ChartRenderer; logger: Logger },
  input: { series: RollupPoint[]; locale: string; title: string; filename: string },
): Promise<void> {
  if (input.series.length === 0) return;
  const { chart, caption } = dailyChart(ctx, input.series, input.locale, input.title);
  const rendered = await deps.charts.render(chart);
  if (!rendered.ok) {
    deps.logger.warn({ error: rendered.error, chart: input.filename }, 'chart failed');
    return;
  }
  await ctx.replyWithPhoto(new InputFile(rendered.png, input.filename), { caption });
}
