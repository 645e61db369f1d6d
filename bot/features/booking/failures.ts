import { assertNever } from '../../../models/errors.js';
import type { BookingViewCode } from '../../../models/orders/bookable-slots.js';
import type { HoldSlotCode } from '../../../models/orders/hold-slot.js';
import { bundleItemLimit } from '../../../models/orders/queries.js';
import type { BotContext } from '../../context.js';

/** Alerts hold 200 characters: a long admin reason is cut (answers here are plain text). */
function shortReason(reason: string): string {
  return reason.length > 90 ? `${reason.slice(0, 89)}…` : reason;
}

/** The localized answer to a refused booking step. */
export function viewFailure(
  ctx: BotContext,
  code: BookingViewCode | HoldSlotCode,
  detail?: Record<string, unknown>,
): string {
  switch (code) {
    case 'channel_not_found':
      return ctx.t('booking-error-channel');
    case 'format_not_offered':
      return ctx.t('booking-error-format');
    case 'own_channel':
      return ctx.t('booking-error-own');
    case 'account_blocked':
      return typeof detail?.reason === 'string' && detail.reason
        ? ctx.tPlain('admin-ops-booking-blocked', { reason: shortReason(detail.reason) })
        : ctx.t('booking-error-blocked');
    case 'access_requested':
      return ctx.t('booking-access-pending');
    case 'access_declined':
      return ctx.t('booking-access-declined-before');
    case 'whitelist_required':
      return ctx.t('booking-error-channel');
    case 'slot_taken':
      return ctx.t('booking-taken');
    case 'not_available':
      return ctx.t('booking-error-unavailable');
    case 'too_soon':
      return ctx.t('booking-error-too-soon');
    case 'bundle_limit':
      return ctx.t('booking-error-limit', { limit: bundleItemLimit });
    default:
      return assertNever(code);
  }
}
