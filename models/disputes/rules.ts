import { fail, ok, type Result } from '../errors.js';
import type { Currency, OrderStatus } from '../orders/table.js';

/** A completed order can be disputed for this long after its completion. */
export const disputeWindowDays = 7;
export const disputeReasonMax = 1000;

/** Statuses in which a dispute may be opened (completed only within the window). */
export const disputableStatuses: readonly OrderStatus[] = ['scheduled', 'published', 'completed'];

/** Statuses a dispute moves to `disputed` (settlement waits for the admin); others keep theirs. */
export const disputingStatuses: readonly OrderStatus[] = ['published', 'completed'];

export type DisputeWindowCode = 'not_disputable' | 'window_closed';

/** Whether an order in `status` (completed at `completedAt`) may be disputed at `now`. */
export function checkDisputeWindow(
  order: { status: OrderStatus; completedAt: Date | null },
  now: Date,
): Result<void, DisputeWindowCode> {
  if (!disputableStatuses.includes(order.status)) return fail('not_disputable');
  if (order.status !== 'completed') return ok(undefined);
  const since = order.completedAt?.getTime() ?? now.getTime();
  const limit = disputeWindowDays * 24 * 60 * 60_000;
  return now.getTime() - since <= limit ? ok(undefined) : fail('window_closed');
}

/** Minor units per major unit (Stars have none: whole stars). */
export function minorUnitsOf(currency: Currency): number {
  return currency === 'XTR' ? 1 : 100;
}

/**
 * An admin's typed amount in major units («150», «150.5», «150,50») as exact minor units, without
 * floats: at most 2 decimals (none for Stars), more than zero. Anything else is 'invalid_amount'.
 */
export function parseMajorAmount(
  text: string,
  currency: Currency,
): Result<number, 'invalid_amount'> {
  const decimals = currency === 'XTR' ? 0 : 2;
  const pattern = decimals === 0 ? /^(\d{1,12})$/ : /^(\d{1,12})(?:[.,](\d{1,2}))?$/;
  const match = pattern.exec(text.trim().replace(/[\s\u00a0]/g, ''));
  if (!match) return fail('invalid_amount');
  const whole = Number(match[1]);
  const fraction = match[2] ? Number(match[2].padEnd(2, '0')) : 0;
  const minor = whole * minorUnitsOf(currency) + fraction;
  if (!Number.isSafeInteger(minor) || minor <= 0) return fail('invalid_amount');
  return ok(minor);
}
