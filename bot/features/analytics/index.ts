import { Composer } from 'grammy';
import {
  csvExportData,
  csvProData,
  dashboardData,
} from '../../../messages/callback-data/analytics.js';
import {
  createQuickChart,
  publicQuickChartUrl,
  type ChartRenderer,
} from '../../../models/providers/quickchart.js';
import {
  readOwnerDashboard,
  type DashboardPeriod,
  type DashboardResult,
  type OwnerDashboard,
} from '../../../models/stats/owner-dashboard.js';
import type { BotContext, BotDeps } from '../../context.js';
import { privateChats } from '../../kit/account.js';
import { sendDailyChart } from '../../kit/daily-chart.js';
import { showScreen } from '../../kit/show-screen.js';
import { explainCsvPro, sendCsvExport } from './csv.js';
import { renderDashboard } from './render.js';

/** What the dashboard opens with: the last 30 days of all channels. */
const defaultPeriod: DashboardPeriod = 30;

/** Says why there is no dashboard: not an owner, or not their channel. */
async function refuse(ctx: BotContext, code: 'no_workspace' | 'unknown_channel'): Promise<void> {
  const text = ctx.t(
    code === 'no_workspace' ? 'analytics-no-workspace' : 'analytics-unknown-channel',
  );
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
  else await ctx.reply(text);
}

const chartsOf = (deps: BotDeps): ChartRenderer =>
  createQuickChart({ baseUrl: deps.config.quickchartUrl ?? publicQuickChartUrl });

const read = (
  ctx: BotContext,
  deps: BotDeps,
  days: DashboardPeriod,
  channelId: string | null,
): Promise<DashboardResult> =>
  readOwnerDashboard(deps.database, {
    accountId: ctx.account!.id,
    days,
    channelId,
    now: deps.clock.now(),
  });

/** The chart of clicks and joins by day of the shown period, as a photo under the dashboard. */
const sendChart = (
  ctx: BotContext,
  deps: BotDeps,
  charts: ChartRenderer,
  view: OwnerDashboard,
  locale: string,
) =>
  sendDailyChart(
    ctx,
    { charts, logger: deps.logger },
    {
      series: view.daily,
      locale,
      title: ctx.tPlain('analytics-chart-title'),
      filename: `statistics-${view.days}d.png`,
    },
  );

/** Opens the dashboard (the last 30 days of all channels) and its chart: /analytics, the owner menu. */
export async function openDashboard(
  ctx: BotContext,
  deps: BotDeps,
  charts: ChartRenderer = chartsOf(deps),
): Promise<void> {
  if (!ctx.account) return;
  const result = await read(ctx, deps, defaultPeriod, null);
  if (!result.ok) return refuse(ctx, result.code);
  const locale = await ctx.i18n.getLocale();
  await showScreen(ctx, renderDashboard(ctx, result.value, locale));
  await sendChart(ctx, deps, charts, result.value, locale);
}

/**
 * The owner dashboard (`/analytics`, «📊 Statistics» in the owner menu, `ana:`): the owner's own
 * workspace over 7, 30 or 90 days, all channels or one; the chart of clicks and joins by day comes
 * as a photo when the dashboard is opened and on «📈 Chart»; on Pro, «⬇️» buttons send its CSV
 * exports as documents. Private chats only.
 */
export function createAnalyticsFeature(
  deps: BotDeps,
  charts: ChartRenderer = chartsOf(deps),
): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const chats = privateChats(feature);
  chats.command('analytics', (ctx) => openDashboard(ctx, deps, charts));
  chats.callbackQuery(csvExportData.filter, (ctx) =>
    sendCsvExport(ctx, deps, ctx.callbackQuery.data),
  );
  chats.callbackQuery(csvProData, (ctx) => explainCsvPro(ctx));
  chats.callbackQuery(dashboardData.filter, async (ctx) => {
    const { action, days, channel } = dashboardData.parse(ctx.callbackQuery.data);
    const result = await read(ctx, deps, Number(days) as DashboardPeriod, channel);
    if (!result.ok) return refuse(ctx, result.code);
    await ctx.answerCallbackQuery();
    const locale = await ctx.i18n.getLocale();
    if (action === 'chart') return sendChart(ctx, deps, charts, result.value, locale);
    await showScreen(ctx, renderDashboard(ctx, result.value, locale));
  });
  return feature;
}
