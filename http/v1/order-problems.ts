import type { BookOrderCode } from '../../models/checkout/book-order.js';
import { assertNever } from '../../models/errors.js';
import { ProblemError } from './problems.js';

/** A booking refusal as a problem: stable types, details in plain English. */
export function refusalProblem(
  code: BookOrderCode,
  detail: Record<string, unknown> = {},
): ProblemError {
  const item = typeof detail.item === 'number' ? detail.item : 0;
  const at = (member: string) => [{ code, path: ['body', 'items', item, member], message: code }];
  switch (code) {
    case 'channel_not_found':
      return new ProblemError('not-found', `items[${item}]: no such channel is listed.`);
    case 'slot_taken':
    case 'not_available':
    case 'too_soon': {
      const nearest = Array.isArray(detail.nearest) ? (detail.nearest as string[]) : [];
      const why = {
        slot_taken: 'is taken',
        not_available: 'is not on sale',
        too_soon: 'starts too soon',
      }[code];
      return new ProblemError(
        'slot-unavailable',
        `items[${item}]: the slot ${why}.`,
        at('starts_at'),
        {
          nearest_starts_at: nearest,
        },
      );
    }
    case 'duplicate_item':
      return new ProblemError(
        'validation-failed',
        `items[${item}] repeats a slot.`,
        at('starts_at'),
      );
    case 'mixed_orders':
      return new ProblemError(
        'validation-failed',
        'All items must be channels of one owner priced in one currency; book the others in another order.',
        at('channel_id'),
      );
    case 'format_not_offered':
      return new ProblemError(
        'format-not-offered',
        `items[${item}]: the channel does not sell this format.`,
        at('format'),
      );
    case 'whitelist_required':
    case 'own_channel':
    case 'account_blocked':
      return new ProblemError('channel-not-bookable', `items[${item}]: ${code.replace('_', ' ')}.`);
    case 'content_refused': {
      const what = detail.word
        ? `the word "${String(detail.word)}"`
        : `the domain ${String(detail.domain)}`;
      return new ProblemError(
        'content-refused',
        `The channel ${String(detail.channel)} does not accept ${what}.`,
        [{ code: String(detail.code), path: ['body', 'creative', 'text'], message: what }],
      );
    }
    case 'too_long':
      return new ProblemError(
        'content-refused',
        `The post is ${String(detail.over)} characters too long (with the marking line).`,
        [{ code, path: ['body', 'creative', 'text'], message: `at most ${String(detail.max)}` }],
      );
    case 'marking_required':
      return new ProblemError('validation-failed', 'A channel of the order requires ad marking.', [
        { code, path: ['body', 'marking'], message: 'required' },
      ]);
    case 'method_unavailable':
      return new ProblemError(
        'method-unavailable',
        'This payment method is not available for this order’s currency and amount.',
      );
    default:
      return assertNever(code);
  }
}
