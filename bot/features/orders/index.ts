import { Composer } from 'grammy';
import {
  createQuickChart,
  publicQuickChartUrl,
  type ChartRenderer,
} from '../../../models/providers/quickchart.js';
import { sendDailyChart } from '../../kit/daily-chart.js';
import type { RollupPoint } from '../../../models/analytics/queries.js';
import { closeMootAdminCard } from '../../../models/admin/moot-cards.js';
import { cancelOrder } from '../../../models/checkout/cancel-order.js';
import { listMyOrders, readMyOrder } from '../../../models/checkout/my-orders.js';
import type { Creative } from '../../../models/creatives/content.js';
import { readMarking } from '../../../models/marking/marking.js';
import type { BotContext, BotDeps } from '../../context.js';
import { showScreen } from '../../kit/show-screen.js';
import { sendCreativePreview } from '../../../messages/creative-preview.js';
import { refundOrder } from '../../../telegram/refund-order.js';
import { campaignData, listData, orderData } from '../../../messages/callback-data/orders.js';
import { readCampaignReport } from '../../../models/stats/campaign-report.js';
import { createLateOfferFeature } from './late-offer.js';
import {
  renderCampaign,
  renderCancelConfirm,
  renderCard,
  renderList,
  renderReport,
} from './render.js';
import { readOrderReport } from '../../../models/stats/order-report.js';
import { privateChats } from '../../kit/account.js';

/**
 * My orders (`ord:`): the advertiser's orders (their scope only), an order card with status,
 * slots, marking and total, the creative preview, «Pay» while held, and «Cancel» before approval
 * (confirmed; a paid order is refunded in full and its slots freed); the answer to a late offer.
 */
export function createOrdersFeature(
  deps: BotDeps,
  charts: ChartRenderer = createQuickChart({
    baseUrl: deps.config.quickchartUrl ?? publicQuickChartUrl,
  }),
): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.use(createLateOfferFeature(deps));
  const chats = privateChats(feature);

  const openList = async (ctx: BotContext, accountId: string) => {
    const locale = await ctx.i18n.getLocale();
    const rows = await listMyOrders(deps.database, accountId);
    const zone = rows.length
      ? (await readMyOrder(deps.database, accountId, rows[0]!.id))?.advertiser.timezone
      : undefined;
    await showScreen(ctx, renderList(ctx, rows, locale, zone ?? 'UTC'));
  };

  chats.command('orders', async (ctx) => {
    const accountId = ctx.account.id;
    await openList(ctx, accountId);
  });

  /** A daily chart of clicks and joins under a report (the screen has the numbers). */
  const chart = (
    ctx: BotContext,
    series: RollupPoint[],
    locale: string,
    title: string,
    name: string,
  ) =>
    sendDailyChart(
      ctx,
      { charts, logger: deps.logger },
      { series, locale, title, filename: `${name}.png` },
    );

  chats.callbackQuery(campaignData, async (ctx) => {
    await ctx.answerCallbackQuery();
    const locale = await ctx.i18n.getLocale();
    const report = await readCampaignReport(deps.database, ctx.account.id, deps.clock.now());
    await showScreen(ctx, renderCampaign(ctx, report, locale));
    // Under it: clicks and joins per day of all the advertiser's posts.
    await chart(ctx, report.daily, locale, ctx.tPlain('orders-campaign-chart-title'), 'campaign');
  });

  chats.callbackQuery(listData, async (ctx) => {
    const accountId = ctx.account.id;
    await ctx.answerCallbackQuery();
    await openList(ctx, accountId);
  });

  chats.callbackQuery(orderData.filter, async (ctx) => {
    const { action, orderId } = orderData.parse(ctx.callbackQuery.data);
    const accountId = ctx.account.id;
    const order = await readMyOrder(deps.database, accountId, orderId);
    if (!order)
      return ctx.answerCallbackQuery({ text: ctx.t('orders-not-found'), show_alert: true });
    const locale = await ctx.i18n.getLocale();
    switch (action) {
      case 'card':
        await ctx.answerCallbackQuery();
        return showScreen(ctx, renderCard(ctx, order, locale));
      case 'rep': {
        await ctx.answerCallbackQuery();
        const report = await readOrderReport(deps.database, order, deps.clock.now());
        await showScreen(ctx, renderReport(ctx, order, report, locale));
        // Under the report: clicks and joins per day as a photo.
        const title = ctx.tPlain('orders-report-chart-title');
        return chart(ctx, report.daily, locale, title, `report-${order.id}`);
      }
      case 'pv':
        await ctx.answerCallbackQuery();
        if (!order.creative || !ctx.chat) return;
        await sendCreativePreview(
          ctx.api,
          ctx.chat.id,
          order.creative as unknown as Creative,
          readMarking(order.marking),
        );
        return;
      case 'cx':
        await ctx.answerCallbackQuery();
        return showScreen(ctx, renderCancelConfirm(ctx, order));
      case 'cxy': {
        const result = await cancelOrder(deps.database, { accountId, orderId }, deps.clock);
        if (!result.ok)
          return ctx.answerCallbackQuery({
            text: ctx.t('orders-not-cancellable'),
            show_alert: true,
          });
        await ctx.answerCallbackQuery({ text: ctx.t('orders-cancelled') });
        // Waiting for the platform's moderation: its admin card no longer needs a decision.
        if (order.status === 'paid')
          await closeMootAdminCard(
            deps.database,
            { kind: 'creative', objectId: orderId },
            deps.clock,
          );
        // The owners hear of it from `order.cancelled`, the advertiser of the money from the refund.
        if (result.value.paid)
          await refundOrder(
            { ...deps, api: deps.outbound.api },
            result.value,
            `account:${accountId}`,
          );
        const fresh = await readMyOrder(deps.database, accountId, orderId);
        if (fresh) await showScreen(ctx, renderCard(ctx, fresh, locale));
        return;
      }
    }
  });

  return feature;
}
