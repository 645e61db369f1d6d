import { InlineKeyboard } from 'grammy';
import { formatMoney } from '../../../format/money.js';
import { assertNever } from '../../../models/errors.js';
import type { Currency } from '../../../models/orders/table.js';
import { balanceOverview } from '../../../models/payouts/overview.js';
import { requestPayout, type RequestPayoutCode } from '../../../models/payouts/request-payout.js';
import {
  maskDetails,
  parseAmount,
  payoutDetailsMax,
  payoutDetailsMin,
  payoutMethods,
  validateDestination,
  type PayoutMethod,
} from '../../../models/payouts/rules.js';
import type { BotDeps, ConversationContext } from '../../context.js';
import { accept, currentAccountId, refuse, type BotConversation } from '../../kit/conversation.js';
import { askChoice, askNumber, askText } from '../../kit/steps.js';
import { showBalanceData } from '../../../messages/callback-data/balance.js';

export const payoutConversationId = 'balance-payout';

const allData = 'bal:all';
const methodData = (m: PayoutMethod) => `bal:m:${m}`;
const confirmData = 'bal:ok';
const dropData = 'bal:no';

/** The locale key of a refused request (the model re-checks everything the conversation did). */
function refusalKey(code: RequestPayoutCode): string {
  switch (code) {
    case 'forbidden':
      return 'balance-forbidden';
    case 'invalid_amount':
      return 'balance-amount-invalid';
    case 'below_minimum':
      return 'balance-amount-below-minimum';
    case 'insufficient_funds':
      return 'balance-amount-too-large';
    case 'open_request':
      return 'balance-open-request';
    case 'invalid_method':
    case 'details_too_short':
    case 'details_too_long':
      return 'balance-details-invalid';
    default:
      return assertNever(code);
  }
}

/**
 * «Request payout» for one currency: amount (typed, or «All»), method (buttons), payout details
 * (free text, 6–300 characters), then a summary to confirm. Bad input re-asks and changes nothing;
 * another command leaves. Confirming files the request (the admin chat gets its card).
 */
export function createPayoutConversation(deps: BotDeps) {
  return async function payout(
    conversation: BotConversation,
    ctx: ConversationContext,
    currency: Currency,
  ) {
    const accountId = await currentAccountId(conversation);
    const locale = await conversation.external((outside) => outside.i18n.getLocale());
    if (!accountId) return;
    const view = await conversation.external(async () => {
      const r = await balanceOverview(deps.database, accountId);
      return r.ok ? (r.value.balances.find((b) => b.currency === currency) ?? null) : null;
    });
    if (!view?.canRequest) {
      await ctx.reply(
        ctx.t(view?.openPayout ? 'balance-open-request' : 'balance-nothing-to-request'),
      );
      return;
    }
    const m = (amount: number) => formatMoney(amount, currency, locale);
    const amount = await askNumber(conversation, ctx, {
      prompt: ctx.t('balance-ask-amount', {
        available: m(view.available),
        minimum: m(view.minimum),
      }),
      keyboard: new InlineKeyboard().text(
        ctx.t('balance-button-all', { amount: m(view.available) }),
        allData,
      ),
      presets: { [allData]: view.available },
      parse: (text) => parseAmount(text, currency),
      min: view.minimum,
      max: view.available,
      retry: {
        invalid: ctx.t('balance-amount-invalid'),
        tooSmall: ctx.t('balance-amount-below-minimum', { minimum: m(view.minimum) }),
        tooLarge: ctx.t('balance-amount-too-large', { available: m(view.available) }),
      },
    });

    const methods = new InlineKeyboard();
    for (const method of payoutMethods)
      methods.text(ctx.t('balance-method', { method }), methodData(method)).row();
    const stars = currency === 'XTR' ? `\n\n${ctx.t('balance-stars-note')}` : '';
    const picked = await askChoice(conversation, ctx, {
      prompt: ctx.t('balance-ask-method') + stars,
      keyboard: methods,
      choices: payoutMethods.map(methodData),
      retry: ctx.t('balance-method-buttons'),
    });
    const method = picked.slice('bal:m:'.length) as PayoutMethod;

    const limits = { min: payoutDetailsMin, max: payoutDetailsMax };
    const details = await askText(conversation, ctx, {
      prompt: ctx.t('balance-ask-details', { method, ...limits }),
      check: (text) => {
        const checked = validateDestination({ method, details: text });
        return checked.ok
          ? accept(checked.value.details)
          : refuse(ctx.t('balance-details-invalid', limits));
      },
    });

    const decision = await askChoice(conversation, ctx, {
      prompt: ctx.t('balance-confirm', {
        amount: m(amount),
        method,
        details: details,
        masked: maskDetails(details),
      }),
      keyboard: new InlineKeyboard()
        .text(ctx.t('balance-button-confirm'), confirmData)
        .text(ctx.t('balance-button-drop'), dropData),
      choices: [confirmData, dropData],
      retry: ctx.t('balance-method-buttons'),
    });
    if (decision !== confirmData) {
      await ctx.reply(ctx.t('balance-dropped'));
      return;
    }
    const result = await conversation.external(async () => {
      const r = await balanceOverview(deps.database, accountId);
      if (!r.ok) return { ok: false as const, code: r.code as RequestPayoutCode };
      return requestPayout(
        deps.database,
        {
          workspaceId: r.value.workspaceId,
          accountId,
          amount,
          currency,
          destination: { method, details },
        },
        deps.clock,
      );
    });
    const back = new InlineKeyboard().text(ctx.t('balance-button-back'), showBalanceData);
    if (!result.ok) {
      await ctx.reply(
        ctx.t(refusalKey(result.code), {
          minimum: m(view.minimum),
          available: m(view.available),
          min: payoutDetailsMin,
          max: payoutDetailsMax,
        }),
        { reply_markup: back },
      );
      return;
    }
    await ctx.reply(ctx.t('balance-requested', { amount: m(amount) }), {
      reply_markup: back,
    });
  };
}
