import { InlineKeyboard } from 'grammy';
import { formatMomentWithYear } from '../../../format/dates.js';
import { formatMoney } from '../../../format/money.js';
import type { SubscriptionProvider } from '../../../models/payments/table.js';
import type { PlanView } from '../../../models/subscriptions/plan-view.js';
import { proPrices } from '../../../models/subscriptions/pricing.js';
import {
  channelLimitOf,
  planAllows,
  planCapabilities,
  type PlanCapability,
} from '../../../models/workspaces/plan-limits.js';
import type { BotContext, BotDeps } from '../../context.js';
import { planCallback } from '../../../messages/callback-data/subscription.js';
import { trustedHtml } from '../../../format/html.js';

/** The purchase methods configured: Stars always, Stripe and YooKassa when their keys are set. */
export function purchaseMethods(deps: BotDeps): SubscriptionProvider[] {
  return [
    'stars',
    ...(deps.providers?.stripe ? (['stripe'] as const) : []),
    ...(deps.providers?.yookassa ? (['yookassa'] as const) : []),
  ];
}

/** Pro's price for a method, formatted in the method's currency. */
export function methodPrice(deps: BotDeps, method: SubscriptionProvider, locale: string): string {
  const prices = proPrices({
    starsPerRub: deps.config.starsPerRub,
    starsPerUsd: deps.config.starsPerUsd,
  });
  switch (method) {
    case 'stars':
      return formatMoney(prices.XTR, 'XTR', locale);
    case 'stripe':
      return formatMoney(prices.USD, 'USD', locale);
    case 'yookassa':
      return formatMoney(prices.RUB, 'RUB', locale);
  }
}

function capabilityName(ctx: BotContext, capability: PlanCapability): string {
  switch (capability) {
    case 'channels':
      return ctx.t('subscription-capability-channels', { limit: channelLimitOf('pro') });
    case 'api_keys':
      return ctx.t('subscription-capability-api-keys');
    case 'ab_tests':
      return ctx.t('subscription-capability-ab-tests');
    case 'csv_exports':
      return ctx.t('subscription-capability-csv-exports');
  }
}

function statusLine(ctx: BotContext, view: PlanView, locale: string): string {
  const until = view.planExpiresAt ? formatMomentWithYear(view.planExpiresAt, 'UTC', locale) : '—';
  if (view.plan === 'free') return ctx.t('subscription-status-free');
  const sub = view.subscription;
  if (!view.planExpiresAt) return ctx.t('subscription-status-pro-forever');
  if (sub?.renews) return ctx.t('subscription-status-renews', { until, method: sub.provider });
  if (sub?.status === 'cancelled' && sub.providerSubscriptionId)
    return ctx.t('subscription-status-cancelled', { until });
  return ctx.t('subscription-status-paid-until', { until });
}

/** The owner's Subscription screen: plan, period end, channels used, capabilities, prices. */
export function planScreen(
  ctx: BotContext,
  deps: BotDeps,
  view: PlanView,
  locale: string,
): { text: string; keyboard: InlineKeyboard } {
  const capabilities = planCapabilities.map((c) =>
    ctx.t('subscription-capability', {
      mark: planAllows(view.plan, c) ? '✅' : '🔒',
      name: trustedHtml(capabilityName(ctx, c)),
    }),
  );
  const methods = purchaseMethods(deps);
  const lines = [
    ctx.t('subscription-title', { plan: view.plan }),
    statusLine(ctx, view, locale),
    ctx.t('subscription-channels', { used: view.channelsUsed, limit: view.channelLimit }),
    ...(view.pausedByPlan > 0
      ? [ctx.t('subscription-paused-by-plan', { count: view.pausedByPlan })]
      : []),
    '',
    ...capabilities,
    '',
    ctx.t('subscription-pro-offer', {
      prices: methods.map((m) => methodPrice(deps, m, locale)).join(' · '),
    }),
  ];
  const keyboard = new InlineKeyboard();
  const renews = view.subscription?.renews === true;
  if (!renews) {
    for (const method of methods) {
      keyboard
        .text(
          ctx.t(view.plan === 'pro' ? 'subscription-extend' : 'subscription-buy', {
            method,
            price: methodPrice(deps, method, locale),
          }),
          planCallback.buy.pack({ method }),
        )
        .row();
    }
  } else {
    keyboard.text(ctx.t('subscription-cancel'), planCallback.cancel).row();
  }
  return { text: lines.join('\n'), keyboard };
}
