import { InlineKeyboard } from 'grammy';
import { formatMoment } from '../../../format/dates.js';
import { formatMoney } from '../../../format/money.js';
import { cancellableStatuses } from '../../../models/checkout/cancel-order.js';
import { disputableStatuses } from '../../../models/disputes/rules.js';
import type { MyOrderRow } from '../../../models/checkout/my-orders.js';
import type { OrderView } from '../../../models/orders/order-view.js';
import type { OrderReport } from '../../../models/stats/order-report.js';
import { abThreshold, abWinner, type AbTest } from '../../../models/ab-tests/decide.js';
import type { BotContext } from '../../context.js';
import { trustedHtml } from '../../../format/html.js';
import { checkoutData } from '../../../messages/callback-data/checkout.js';
import { openDisputeData } from '../../../messages/callback-data/disputes.js';
import { itemLines, markingText, totalLines } from '../../../messages/order-lines.js';
import { campaignData, listData, orderData } from '../../../messages/callback-data/orders.js';
import { viewsData } from '../../../messages/callback-data/views.js';
import { reportedStatuses, type CampaignReport } from '../../../models/stats/campaign-report.js';
import type { KeyboardScreen as Screen } from '../../kit/show-screen.js';

export type { KeyboardScreen as Screen } from '../../kit/show-screen.js';

/** The list of the advertiser's orders: one button each (channels · status · total · date). */
export function renderList(
  ctx: BotContext,
  rows: MyOrderRow[],
  locale: string,
  zone: string,
): Screen {
  const keyboard = new InlineKeyboard();
  for (const row of rows) {
    const label = ctx.tPlain('orders-list-item', {
      channels: row.channels.join(', ') || '—',
      status: ctx.t('orders-status', { status: row.status }),
      total: formatMoney(row.total, row.currency, locale),
      date: formatMoment(row.createdAt, zone, locale),
    });
    keyboard.text(label, orderData.pack({ action: 'card', orderId: row.id })).row();
  }
  const text =
    rows.length === 0 ? ctx.t('orders-empty') : ctx.t('orders-list', { count: rows.length });
  if (rows.length === 0) keyboard.text(ctx.t('orders-button-find'), 'cat:home');
  if (rows.some((r) => reportedStatuses.includes(r.status)))
    keyboard.text(ctx.t('orders-button-campaign'), campaignData);
  return { text, keyboard };
}

/**
 * The campaign view: each order whose posts have gone out (channels, status, spent, posts, clicks,
 * joins, reactions) and the totals with the cost per click and per join in each currency.
 */
export function renderCampaign(ctx: BotContext, report: CampaignReport, locale: string): Screen {
  const money = (amount: number, currency: CampaignReport['totals'][number]['currency']) =>
    formatMoney(amount, currency, locale);
  const lines = report.orders.map((o) =>
    ctx.t('orders-campaign-order', {
      channels: o.channels.join(', ') || '—',
      status: ctx.t('orders-status', { status: o.status }),
      spent: money(o.spent, o.currency),
      posts: o.posts,
      clicks: o.clicks,
      unique: o.uniqueClicks,
      joins: o.joins,
      reactions: o.reactions,
    }),
  );
  const totals = report.totals.map((t) =>
    ctx.t('orders-campaign-spent', {
      spent: money(t.spent, t.currency),
      perClick: t.costPerClick === null ? '—' : money(t.costPerClick, t.currency),
      perJoin: t.costPerJoin === null ? '—' : money(t.costPerJoin, t.currency),
    }),
  );
  const text =
    report.orders.length === 0
      ? ctx.t('orders-campaign-empty')
      : [
          ctx.t('orders-campaign-title', { count: report.orders.length }),
          lines.join('\n'),
          [
            ctx.t('orders-campaign-totals', {
              clicks: report.clicks,
              unique: report.uniqueClicks,
              joins: report.joins,
              leaves: report.leaves,
              reactions: report.reactions,
            }),
            ...totals,
          ].join('\n'),
        ].join('\n\n');
  return { text, keyboard: new InlineKeyboard().text(ctx.t('orders-button-back'), listData) };
}

/** Why an order ended, in words: the system's reason codes translated, an owner's text as typed. */
export function orderReasonText(t: (key: string) => string, reason: string | null): string {
  switch (reason) {
    case null:
      return '';
    case 'review_deadline':
      return t('orders-reason-deadline');
    case 'hold_expired':
      return t('orders-reason-hold-expired');
    case 'abandoned':
      return t('orders-reason-abandoned');
    default:
      return reason;
  }
}

/** One order: status (with the reason when rejected), slots, marking, total; preview/pay/cancel. */
export function renderCard(ctx: BotContext, order: OrderView, locale: string): Screen {
  const t = ctx.t.bind(ctx);
  const channels = [...new Set(order.items.map((i) => i.channelTitle))].join(', ');
  const reason = orderReasonText(t, order.statusReason);
  const text = [
    ctx.t('orders-card', {
      channels,
      status: trustedHtml(ctx.t('orders-status', { status: order.status })),
    }),
    reason ? ctx.t('orders-card-reason', { reason }) : '',
    itemLines(t, order, locale, order.advertiser.timezone),
    markingText(t, order.marking),
    totalLines(t, order, locale),
    order.refundedAmount > 0
      ? ctx.t('orders-card-refunded', {
          amount: formatMoney(order.refundedAmount, order.currency, locale),
        })
      : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  const keyboard = new InlineKeyboard();
  if (order.creative)
    keyboard
      .text(ctx.t('orders-button-preview'), orderData.pack({ action: 'pv', orderId: order.id }))
      .row();
  if ((order.status === 'held' || order.status === 'awaiting_payment') && order.bundleId)
    keyboard
      .text(ctx.t('orders-button-pay'), checkoutData.pack({ bundleId: order.bundleId }))
      .row();
  if (cancellableStatuses.includes(order.status))
    keyboard
      .text(ctx.t('orders-button-cancel'), orderData.pack({ action: 'cx', orderId: order.id }))
      .row();
  if (reportedStatuses.includes(order.status))
    keyboard
      .text(ctx.t('orders-button-report'), orderData.pack({ action: 'rep', orderId: order.id }))
      .row();
  if (disputableStatuses.includes(order.status))
    keyboard.text(ctx.t('disputes-button-open'), openDisputeData.pack({ orderId: order.id })).row();
  keyboard.text(ctx.t('orders-button-back'), listData);
  return { text, keyboard };
}

/**
 * The advertiser's report of an order: each post (channel, format, when it went out, promises
 * broken, clicks, reactions, joins and how many left within 24 h) and the totals with the cost
 * per click and per join. Only what was measured: joins only where the post had an invite link.
 */
export function renderReport(
  ctx: BotContext,
  order: OrderView,
  report: OrderReport,
  locale: string,
): Screen {
  const zone = order.advertiser.timezone;
  const money = (amount: number) => formatMoney(amount, order.currency, locale);
  const ctr = (clicks: number, views: number) =>
    new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(
      clicks / views,
    );
  const lines = report.placements.map((p) =>
    [
      ctx.t('orders-report-post', {
        channel: p.channelTitle,
        format: p.format,
        when: p.publishedAt
          ? formatMoment(p.publishedAt, zone, locale)
          : trustedHtml(
              ctx.t('orders-report-not-out', { due: formatMoment(p.dueAt, zone, locale) }),
            ),
        violations: p.violations,
        clicks: p.clicks,
        unique: p.uniqueClicks,
        reactions: p.reactions,
        invite: p.joins ? 'yes' : 'no',
        joins: p.joins?.joins ?? 0,
        leftDay: p.joins?.leftWithinDay ?? 0,
      }),
      // Views only where the channel's owner reported them: nothing is invented.
      p.views === null
        ? ''
        : ctx.t('orders-report-views', { views: p.views, ctr: ctr(p.clicks, p.views) }),
    ]
      .filter(Boolean)
      .join('\n'),
  );
  const viewed = report.viewed
    ? [
        ctx.t('orders-report-ctr', {
          ctr: ctr(report.viewed.clicks, report.viewed.views),
          clicks: report.viewed.clicks,
          views: report.viewed.views,
        }),
      ]
    : [];
  const totals = ctx.t('orders-report-totals', {
    spent: money(report.spent),
    clicks: report.clicks,
    unique: report.uniqueClicks,
    reactions: report.reactions,
    perClick: report.costPerClick === null ? '—' : money(report.costPerClick),
    invite: report.joins ? 'yes' : 'no',
    joins: report.joins?.joins ?? 0,
    leftDay: report.joins?.leftWithinDay ?? 0,
    perJoin: report.costPerJoin === null ? '—' : money(report.costPerJoin),
  });
  const channels = [...new Set(order.items.map((i) => i.channelTitle))].join(', ');
  const ab = report.abTest ? [abTestText(ctx, report.abTest, locale)] : [];
  const keyboard = new InlineKeyboard();
  for (const p of report.placements.filter((p) => p.viewsEvidence))
    keyboard
      .text(
        ctx.tPlain('orders-button-views-proof', {
          channel: `${p.channelTitle} · ${p.publishedAt ? formatMoment(p.publishedAt, zone, locale) : ''}`,
        }),
        viewsData.pack({ action: 'show', placementId: p.id }),
      )
      .row();
  keyboard.text(
    ctx.t('orders-button-back-card'),
    orderData.pack({ action: 'card', orderId: order.id }),
  );
  return {
    text: [ctx.t('orders-report-title', { channels }), ...lines, totals, ...viewed, ...ab].join(
      '\n\n',
    ),
    keyboard,
  };
}

const variantName = (index: number) => String.fromCharCode(65 + index);

/**
 * The order's A/B test: each variant's posts, reach, clicks, clicks per 1 000 subscribers and
 * chance to be the best, then the winner — named only once it reached the threshold — or who
 * leads and what is still needed.
 */
function abTestText(ctx: BotContext, test: AbTest, locale: string): string {
  const format = (p: number) =>
    new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(p);
  // Rounding must not claim certainty: above 99.9 % reads «>99.9%», below 0.1 % «<0.1%».
  const percent = (p: number) =>
    p > 0.999 ? `>${format(0.999)}` : p < 0.001 && p > 0 ? `<${format(0.001)}` : format(p);
  const decimal = (n: number) =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n);
  const variants = test.variants.map((v) =>
    ctx.t('orders-ab-variant', {
      name: variantName(v.variantIndex),
      posts: v.posts,
      reach: v.reach,
      clicks: v.clicks,
      per1000: v.per1000 === null ? '—' : decimal(v.per1000),
      chance: v.probability === null ? '—' : percent(v.probability),
    }),
  );
  const winner = abWinner(test);
  const leader = test.variants.find((v) => v.variantIndex === test.leader);
  const verdict = winner
    ? ctx.t('orders-ab-winner', {
        name: variantName(winner.variantIndex),
        chance: percent(winner.probability),
      })
    : leader && leader.probability !== null
      ? ctx.t('orders-ab-leading', {
          name: variantName(leader.variantIndex),
          chance: percent(leader.probability),
          needed: format(abThreshold),
        })
      : ctx.t('orders-ab-waiting', { needed: format(abThreshold) });
  return [ctx.t('orders-ab-title'), ...variants, verdict].join('\n');
}

/** "Cancel this order?" with the refund promise when it was paid. */
export function renderCancelConfirm(ctx: BotContext, order: OrderView): Screen {
  const paid = order.status === 'in_review' || order.status === 'paid';
  return {
    text: paid ? ctx.t('orders-cancel-confirm-paid') : ctx.t('orders-cancel-confirm'),
    keyboard: new InlineKeyboard()
      .text(ctx.t('orders-button-cancel-yes'), orderData.pack({ action: 'cxy', orderId: order.id }))
      .text(
        ctx.t('orders-button-cancel-no'),
        orderData.pack({ action: 'card', orderId: order.id }),
      ),
  };
}
