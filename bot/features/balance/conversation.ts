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
import { escapeHtml, html } from '../../html.js';
import { waitInput, type CreativeConversation } from '../creative/steps.js';
import { showData } from './present.js';

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
    conversation: CreativeConversation,
    ctx: ConversationContext,
    currency: Currency,
  ) {
    const accountId = await conversation.external((outside) => outside.account?.id ?? null);
    const locale = await conversation.external((outside) => outside.i18n.getLocale());
    if (!accountId) return;
    const view = await conversation.external(async () => {
      const r = await balanceOverview(deps.database, accountId);
      return r.ok ? (r.value.balances.find((b) => b.currency === currency) ?? null) : null;
    });
    if (!view?.canRequest) {
      await ctx.reply(
        ctx.t(view?.openPayout ? 'balance-open-request' : 'balance-nothing-to-request'),
        html,
      );
      return;
    }
    const m = (amount: number) => formatMoney(amount, currency, locale);
    await ctx.reply(
      ctx.t('balance-ask-amount', { available: m(view.available), minimum: m(view.minimum) }),
      {
        ...html,
        reply_markup: new InlineKeyboard().text(
          ctx.t('balance-button-all', { amount: m(view.available) }),
          allData,
        ),
      },
    );
    let amount: number;
    for (;;) {
      const answer = await waitInput(conversation, [allData]);
      const typed = answer.callbackQuery
        ? view.available
        : parseAmount(answer.message?.text ?? '', currency);
      if (typed === undefined) await answer.reply(ctx.t('balance-amount-invalid'), html);
      else if (typed < view.minimum)
        await answer.reply(
          ctx.t('balance-amount-below-minimum', { minimum: m(view.minimum) }),
          html,
        );
      else if (typed > view.available)
        await answer.reply(
          ctx.t('balance-amount-too-large', { available: m(view.available) }),
          html,
        );
      else {
        amount = typed;
        break;
      }
    }

    const methods = new InlineKeyboard();
    for (const method of payoutMethods)
      methods.text(ctx.t('balance-method', { method }), methodData(method)).row();
    const stars = currency === 'XTR' ? `\n\n${ctx.t('balance-stars-note')}` : '';
    await ctx.reply(ctx.t('balance-ask-method') + stars, { ...html, reply_markup: methods });
    let method: PayoutMethod;
    for (;;) {
      const picked = await waitInput(conversation, payoutMethods.map(methodData));
      const data = picked.callbackQuery?.data;
      if (data) {
        method = data.slice('bal:m:'.length) as PayoutMethod;
        break;
      }
      await picked.reply(ctx.t('balance-method-buttons'), html);
    }

    await ctx.reply(
      ctx.t('balance-ask-details', { method, min: payoutDetailsMin, max: payoutDetailsMax }),
      html,
    );
    let details: string;
    for (;;) {
      const answer = await waitInput(conversation, []);
      const checked = validateDestination({ method, details: answer.message?.text ?? '' });
      if (checked.ok) {
        details = checked.value.details;
        break;
      }
      await answer.reply(
        ctx.t('balance-details-invalid', { min: payoutDetailsMin, max: payoutDetailsMax }),
        html,
      );
    }

    const confirm = new InlineKeyboard()
      .text(ctx.t('balance-button-confirm'), confirmData)
      .text(ctx.t('balance-button-drop'), dropData);
    await ctx.reply(
      ctx.t('balance-confirm', {
        amount: m(amount),
        method,
        details: escapeHtml(details),
        masked: escapeHtml(maskDetails(details)),
      }),
      { ...html, reply_markup: confirm },
    );
    const decision = await waitInput(conversation, [confirmData, dropData]);
    if (decision.callbackQuery?.data !== confirmData) {
      await decision.reply(ctx.t('balance-dropped'), html);
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
    const back = new InlineKeyboard().text(ctx.t('balance-button-back'), showData);
    if (!result.ok) {
      await decision.reply(
        ctx.t(refusalKey(result.code), {
          minimum: m(view.minimum),
          available: m(view.available),
          min: payoutDetailsMin,
          max: payoutDetailsMax,
        }),
        { ...html, reply_markup: back },
      );
      return;
    }
    await decision.reply(ctx.t('balance-requested', { amount: m(amount) }), {
      ...html,
      reply_markup: back,
    });
  };
}
