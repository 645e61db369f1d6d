import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { checkContentRules } from '../creatives/content-rules.js';
import { checkCreativeLength } from '../creatives/render.js';
import type { Marking } from '../marking/marking.js';
import { bookingChannelOf, type BookingChannel } from '../orders/booking-channel.js';
import { checkHoldable } from '../orders/hold-slot.js';
import type { BookOrderCode, BookOrderInput } from './book-order.js';

/** Every item's channel as the advertiser may book it, or the first refusal (with the item). */
export async function bookableChannels(
  database: Database,
  input: BookOrderInput,
  now: Date,
): Promise<Result<{ channels: BookingChannel[]; prices: number[] }, BookOrderCode>> {
  const byId = new Map<string, BookingChannel | undefined>();
  for (const id of new Set(input.items.map((i) => i.channelId)))
    byId.set(id, await bookingChannelOf(database, id, input.accountId));
  const channels: BookingChannel[] = [];
  const prices: number[] = [];
  const seen = new Set<string>();
  for (const [item, entry] of input.items.entries()) {
    const channel = byId.get(entry.channelId);
    if (!channel) return fail('channel_not_found', { item });
    const key = `${entry.channelId}@${entry.startsAt.toISOString()}`;
    if (seen.has(key)) return fail('duplicate_item', { item });
    seen.add(key);
    const holdable = checkHoldable(channel, entry, now);
    if (!holdable.ok) return fail(holdable.code as BookOrderCode, { item });
    const first = channels[0];
    if (
      first &&
      (first.workspaceId !== channel.workspaceId ||
        first.settings.currency !== channel.settings.currency)
    )
      return fail('mixed_orders', { item });
    channels.push(channel);
    prices.push(holdable.value.price);
  }
  return ok({ channels, prices });
}

/** The creative against every channel's rules and the length with the marking line. */
export function vetCreative(
  input: BookOrderInput,
  channels: BookingChannel[],
): Result<{ marking: Marking | null }, BookOrderCode> {
  const unique = [...new Map(channels.map((c) => [c.id, c])).values()];
  for (const channel of unique) {
    const verdict = checkContentRules(input.creative, channel.settings);
    if (!verdict.ok)
      return fail('content_refused', {
        ...verdict.detail,
        code: verdict.code,
        channel: channel.title,
      });
  }
  const requiresMarking = unique.some((c) => c.settings.requiresMarking);
  if (requiresMarking && !input.marking) return fail('marking_required');
  const marking = requiresMarking ? input.marking : null;
  const length = checkCreativeLength(input.creative, marking);
  if (!length.ok) return fail('too_long', length.detail);
  return ok({ marking });
}
