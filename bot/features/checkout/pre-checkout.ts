import type { Filter, NextFunction } from 'grammy';
import type { Result } from '../../../models/errors.js';
import type { BotContext } from '../../context.js';

/** What a pre_checkout_query asks to be paid, for the payer's account. */
export interface PreCheckoutAsk {
  accountId: string;
  payload: string;
  currency: string;
  totalAmount: number;
}

/**
 * Answers a pre_checkout_query at once for payloads starting with `prefix` (others pass on): ok
 * when `check` passes, else refused with the locale key `refusalKey` gives for the code (`noAccount`
 * when the payer has no account).
 */
export function answerPreCheckout<C extends string>(input: {
  prefix: string;
  noAccount: C;
  check: (ask: PreCheckoutAsk) => Promise<Result<unknown, C>>;
  refusalKey: (code: C) => string;
}) {
  return async (ctx: Filter<BotContext, 'pre_checkout_query'>, next: NextFunction) => {
    const query = ctx.preCheckoutQuery;
    if (!query.invoice_payload.startsWith(input.prefix)) return next();
    const accountId = ctx.account?.id;
    const result = accountId
      ? await input.check({
          accountId,
          payload: query.invoice_payload,
          currency: query.currency,
          totalAmount: query.total_amount,
        })
      : ({ ok: false, code: input.noAccount } as const);
    if (result.ok) return ctx.answerPreCheckoutQuery(true);
    await ctx.answerPreCheckoutQuery(false, {
      error_message: ctx.t(input.refusalKey(result.code)),
    });
  };
}
