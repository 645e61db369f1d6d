import type { Currency } from '../orders/table.js';
import { starsFor, type StarsRates } from '../payments/stars-amount.js';
import type { PaymentProvider } from '../payments/table.js';

/** Which gateways are configured (Stars needs none: it is paid inside Telegram). */
export interface ConfiguredProviders {
  stripe: boolean;
  yookassa: boolean;
}

/** The largest Stars invoice Telegram accepts. */
export const maxStarsInvoice = 100_000;

/**
 * The methods an order in `currency` can be paid with: Stars for RUB/USD (there is a Stars rate for
 * both; none for EUR), Stripe for USD/EUR, YooKassa for RUB — each external one only when configured.
 * There is no RUB⇄USD rate in the configuration, so an order is never converted between them. `stars` (the
 * order's Stars amount) above Telegram's invoice limit leaves Stars out when another method exists.
 */
export function paymentMethodsFor(
  currency: Currency,
  configured: ConfiguredProviders,
  stars = 0,
): PaymentProvider[] {
  const methods: PaymentProvider[] = [];
  if (currency !== 'EUR') methods.push('stars');
  if (configured.stripe && (currency === 'USD' || currency === 'EUR')) methods.push('stripe');
  if (configured.yookassa && currency === 'RUB') methods.push('yookassa');
  const tooManyStars = stars > maxStarsInvoice && methods.length > 1;
  return tooManyStars ? methods.filter((m) => m !== 'stars') : methods;
}

/**
 * What paying an order from the advertiser's credit would take, or undefined when no credit covers
 * the WHOLE order (no partial coverage): credit in the order's currency covering its total first,
 * else Stars credit covering `starsFor(total)` (RUB/USD orders only, as for a Stars invoice).
 */
export function balanceCharge(
  order: { total: number; currency: Currency },
  credits: Partial<Record<Currency, number>>,
  rates: StarsRates,
): { amount: number; currency: Currency } | undefined {
  if (order.total > 0 && (credits[order.currency] ?? 0) >= order.total)
    return { amount: order.total, currency: order.currency };
  if (order.currency !== 'RUB' && order.currency !== 'USD') return undefined;
  const stars = starsFor(order.total, order.currency, rates);
  return (credits.XTR ?? 0) >= stars ? { amount: stars, currency: 'XTR' } : undefined;
}
