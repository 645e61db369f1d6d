import { Composer } from 'grammy';
import { assertNever } from '../../../models/errors.js';
import { endSubscription } from '../../../models/subscriptions/activate-subscription.js';
import { planView } from '../../../models/subscriptions/plan-view.js';
import { ensureOwnerWorkspace } from '../../../models/workspaces/ensure-owner-workspace.js';
import type { BotContext, BotDeps } from '../../context.js';
import { showScreen } from '../../kit/show-screen.js';
import { sendPaymentLink } from './buy.js';
import { planCallback } from '../../../messages/callback-data/subscription.js';
import { planScreen, purchaseMethods } from './screen.js';
import { privateChats } from '../../kit/account.js';

async function ownWorkspace(ctx: BotContext, deps: BotDeps) {
  const accountId = ctx.account?.id;
  if (!accountId) return undefined;
  const own = await ensureOwnerWorkspace(deps.database, accountId);
  return { accountId, workspaceId: own.workspaceId };
}

/** Sends (or, from its own button, redraws) the owner's Subscription screen. */
export async function showPlanScreen(
  ctx: BotContext,
  deps: BotDeps,
  mode: 'reply' | 'edit' = 'reply',
): Promise<void> {
  const access = await ownWorkspace(ctx, deps);
  if (!access) return;
  const view = await planView(deps.database, access, deps.clock.now());
  if (!view) return;
  const { text, keyboard } = planScreen(ctx, deps, view, await ctx.i18n.getLocale());
  if (mode === 'edit') await showScreen(ctx, text, keyboard);
  else await ctx.reply(text, { reply_markup: keyboard });
}

/** Stops the automatic renewal at the provider; Pro stays until the paid period ends. */
async function cancelRenewal(ctx: BotContext, deps: BotDeps): Promise<void> {
  const access = await ownWorkspace(ctx, deps);
  if (!access) return;
  const view = await planView(deps.database, access, deps.clock.now());
  const sub = view?.subscription;
  if (!sub?.renews || !sub.providerSubscriptionId) {
    await ctx.reply(ctx.t('subscription-cancel-nothing'));
    return;
  }
  const provider = sub.provider;
  try {
    switch (provider) {
      case 'stars':
        if (!sub.chargeId) throw new Error('Stars subscription without a charge');
        await ctx.api.editUserStarSubscription(ctx.from?.id ?? 0, sub.chargeId, true);
        break;
      case 'stripe':
        if (!deps.providers?.stripe) throw new Error('Stripe is not configured');
        await deps.providers.stripe.cancelSubscription(sub.providerSubscriptionId);
        break;
      case 'yookassa':
        break;
      default:
        assertNever(provider);
    }
  } catch (error) {
    deps.logger.warn({ err: error, provider }, 'cancelling the Pro renewal failed');
    await ctx.reply(ctx.t('subscription-cancel-failed'));
    return;
  }
  const ended = await endSubscription(
    deps.database,
    {
      workspaceId: access.workspaceId,
      provider,
      providerSubscriptionId: sub.providerSubscriptionId,
      actor: `account:${access.accountId}`,
    },
    deps.clock,
  );
  if (!ended.ok) {
    await ctx.reply(ctx.t('subscription-cancel-nothing'));
    return;
  }
  await showPlanScreen(ctx, deps, 'edit');
  await ctx.reply(ctx.t('subscription-cancelled-text'));
}

/**
 * The owner's Subscription screen (/plan, /subscription, the owner menu): plan, period end,
 * channels used of the limit, capabilities, buy/renew per configured method, cancel renewal.
 */
export function createSubscriptionFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const owner = privateChats(feature);

  owner.command(['plan', 'subscription'], (ctx) => showPlanScreen(ctx, deps));
  owner.callbackQuery(planCallback.show, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showPlanScreen(ctx, deps, 'edit');
  });
  owner.callbackQuery(planCallback.buy.filter, async (ctx) => {
    const { method } = planCallback.buy.parse(ctx.callbackQuery.data);
    const access = await ownWorkspace(ctx, deps);
    if (!access || !purchaseMethods(deps).includes(method)) {
      await ctx.answerCallbackQuery({ text: ctx.t('subscription-method-unavailable') });
      return;
    }
    await ctx.answerCallbackQuery();
    await sendPaymentLink(ctx, deps, access.workspaceId, method);
  });
  owner.callbackQuery(planCallback.cancel, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t('subscription-cancel-confirm'), {
      reply_markup: {
        inline_keyboard: [
          [{ text: ctx.t('subscription-cancel-yes'), callback_data: planCallback.cancelConfirm }],
          [{ text: ctx.t('subscription-cancel-no'), callback_data: planCallback.show }],
        ],
      },
    });
  });
  owner.callbackQuery(planCallback.cancelConfirm, async (ctx) => {
    await ctx.answerCallbackQuery();
    await cancelRenewal(ctx, deps);
  });
  return feature;
}
