import type { Currency } from '../orders/table.js';

export interface StarsRates {
  starsPerRub: number;
  starsPerUsd: number;
}

/** The rate as an exact fraction (micro-stars per unit), so ceil never trips over float noise. */
function microRate(rate: number): bigint {
  return BigInt(Math.round(rate * 1_000_000));
}

/**
 * Stars for an amount in minor units: ceil(total / 100 × rate), at least 1 ⭐ (docs/payments.md#stars-amount). Exact:
 * integer arithmetic on the rate scaled to millionths (0.77 ⇒ 770 000).
 */
export function starsFor(total: number, currency: Currency, rates: StarsRates): number {
  if (currency === 'XTR') return Math.max(1, total);
  if (currency === 'EUR') throw new RangeError('No Stars rate for EUR');
  const rate = currency === 'RUB' ? rates.starsPerRub : rates.starsPerUsd;
  const numerator = BigInt(total) * microRate(rate);
  const denominator = 100n * 1_000_000n;
  const stars = (numerator + denominator - 1n) / denominator;
  return Math.max(1, Number(stars));
}
