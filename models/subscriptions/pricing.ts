import type { Currency } from '../orders/table.js';
import { starsFor, type StarsRates } from '../payments/stars-amount.js';

/** Pro costs 10 000 RUB a month (docs/subscription.md), in kopecks. */
export const proPriceRub = 1_000_000;
/** Telegram's only allowed Stars subscription period: 30 days, in seconds. */
export const starsSubscriptionPeriodSeconds = 2_592_000;
/** One paid month of Pro (Stars, Stripe and YooKassa alike). */
export const proPeriodMs = starsSubscriptionPeriodSeconds * 1000;

/** Pro's price in each currency a method charges in: RUB (YooKassa), XTR (Stars), USD (Stripe). */
export interface ProPrices {
  RUB: number;
  XTR: number;
  USD: number;
}

/** A rate as an exact integer (millionths), as stars-amount.ts does. */
function micro(rate: number): bigint {
  return BigInt(Math.round(rate * 1_000_000));
}

/**
 * Kopecks to US cents through the two Stars rates: RUB→USD = STARS_PER_RUB / STARS_PER_USD,
 * rounded half up to whole cents (0.77 / 77 ⇒ 10 000 RUB = $100.00). Integer arithmetic only.
 */
export function rubToUsdCents(kopecks: number, rates: StarsRates): number {
  const numerator = BigInt(kopecks) * micro(rates.starsPerRub);
  const denominator = micro(rates.starsPerUsd);
  return Number((2n * numerator + denominator) / (2n * denominator));
}

/** Pro's monthly price in every method's currency, derived from the RUB price and the rates. */
export function proPrices(rates: StarsRates): ProPrices {
  return {
    RUB: proPriceRub,
    XTR: starsFor(proPriceRub, 'RUB', rates),
    USD: Math.max(1, rubToUsdCents(proPriceRub, rates)),
  };
}

/** The price for one currency (EUR is not offered for Pro). */
export function proPriceIn(currency: Exclude<Currency, 'EUR'>, rates: StarsRates): number {
  return proPrices(rates)[currency];
}
