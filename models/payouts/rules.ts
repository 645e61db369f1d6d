import { fail, ok, type Result } from '../errors.js';
import { currencies, type Currency } from '../orders/table.js';

/** Smallest payout per currency, in minor units: 1 000 ₽, $10, €10, 1 000 ⭐. */
export const payoutMinimums: Record<Currency, number> = {
  RUB: 100_000,
  USD: 1_000,
  EUR: 1_000,
  XTR: 1_000,
};

/** How the owner wants to be paid; every payout is a manual transfer made by the platform team. */
export const payoutMethods = ['card', 'bank', 'crypto', 'other'] as const;
export type PayoutMethod = (typeof payoutMethods)[number];

/** Length bounds of the free-text payout details (card number, IBAN, wallet…). */
export const payoutDetailsMin = 6;
export const payoutDetailsMax = 300;

/** Where the money goes: stored in payouts.method and payouts.destination ({ details }). */
export interface PayoutDestination {
  method: PayoutMethod;
  details: string;
}

/** Ledger accounts of payouts: approved and owed (`payouts:pending`), then sent by hand. */
export const payoutsPendingAccount = 'payouts:pending';
/** Asset side of a manual transfer: money leaving the platform (credit = paid out). */
export const manualPayoutAccount = 'provider:manual';

export type DestinationCode = 'invalid_method' | 'details_too_short' | 'details_too_long';

export function isPayoutMethod(value: unknown): value is PayoutMethod {
  return typeof value === 'string' && (payoutMethods as readonly string[]).includes(value);
}

export function isCurrency(value: unknown): value is Currency {
  return typeof value === 'string' && (currencies as readonly string[]).includes(value);
}

/** Trims and checks the payout details (one line or a few, 6–300 characters). */
export function validateDestination(input: {
  method: unknown;
  details: string;
}): Result<PayoutDestination, DestinationCode> {
  if (!isPayoutMethod(input.method)) return fail('invalid_method');
  const details = input.details.trim().replace(/\r\n/g, '\n');
  if (details.length < payoutDetailsMin) return fail('details_too_short');
  if (details.length > payoutDetailsMax) return fail('details_too_long');
  return ok({ method: input.method, details });
}

/**
 * The details as receipts and notices show them: only the last 4 digits stay readable (the last 4
 * characters when there are fewer than 4 digits, e.g. a wallet name).
 */
export function maskDetails(details: string): string {
  const digits = details.replace(/\D+/g, '');
  const tail = digits.length >= 4 ? digits.slice(-4) : details.replace(/\s+/g, '').slice(-4);
  return `•••• ${tail}`;
}

/**
 * Parses an amount typed by the owner into minor units: "1500", "1 500,50", "12.5"; Stars are
 * whole numbers. Undefined when it is not a plain positive number with at most 2 decimals.
 */
export function parseAmount(text: string, currency: Currency): number | undefined {
  const clean = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  const pattern = currency === 'XTR' ? /^\d{1,9}$/ : /^\d{1,9}(\.\d{1,2})?$/;
  if (!pattern.test(clean)) return undefined;
  const [whole = '0', fraction = ''] = clean.split('.');
  const minor =
    currency === 'XTR' ? Number(whole) : Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return minor > 0 ? minor : undefined;
}
