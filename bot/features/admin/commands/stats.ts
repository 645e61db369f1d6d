import type { BotI18n } from '../../../i18n.js';
import { Composer, InputFile } from 'grammy';
import { platformStats, statsPeriods, type StatsPeriod } from '../../../../models/admin/stats.js';
import {
  createQuickChart,
  publicQuickChartUrl,
  type ChartRenderer,
} from '../../../../models/providers/quickchart.js';
import type { BotContext, BotDeps } from '../../../context.js';
import { adminTranslator, splitArgs } from './ops-text.js';
import { moneyChart, periodName, statsSummary } from './stats-render.js';

/**
 * `/stats [day|week|month]` in the admin chat (default week): the text summary, then the GMV and
 * revenue charts as photos (QuickChart at QUICKCHART_URL). A failing chart service leaves the
 * summary alone, with a line saying charts are unavailable.
 */
export function createStatsCommand(
  deps: BotDeps,
  i18n: BotI18n,
  charts: ChartRenderer = createQuickChart({
    baseUrl: deps.config.quickchartUrl ?? publicQuickChartUrl,
  }),
): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('stats', async (ctx) => {
    const t = await adminTranslator(deps, i18n);
    const arg = splitArgs(ctx.match).first.toLowerCase();
    const period: StatsPeriod | undefined =
      arg === '' ? 'week' : statsPeriods.find((p) => p === arg);
    if (!period) return ctx.reply(t('admin-ops-stats-usage'));
    await ctx.replyWithChatAction('upload_photo');
    const stats = await platformStats(deps.database, period, deps.clock);
    const summary = statsSummary(t, stats);
    const named = periodName(t, period);
    const wanted = [
      {
        name: 'gmv',
        title: t('admin-ops-stats-chart-gmv', { period: named }),
        series: stats.gmv,
      },
      {
        name: 'revenue',
        title: t('admin-ops-stats-chart-revenue', { period: named }),
        series: stats.revenue,
      },
    ];
    const rendered = await Promise.all(
      wanted.map((c) => charts.render(moneyChart(t, stats, c.title, c.series))),
    );
    const failed = rendered.find((r) => !r.ok);
    if (failed && !failed.ok) deps.logger.warn({ error: failed.error }, 'stats chart failed');
    await ctx.reply(failed ? `${summary}\n\n${t('admin-ops-stats-charts-unavailable')}` : summary);
    if (failed) return;
    for (const [i, chart] of rendered.entries()) {
      if (!chart.ok) continue;
      const spec = wanted[i]!;
      await ctx.replyWithPhoto(new InputFile(chart.png, `stats-${spec.name}-${period}.png`), {
        caption: spec.title,
      });
    }
  });
  return composer;
}
