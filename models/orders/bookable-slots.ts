import type { ChannelSettings, PriceCurrency } from '../channels/settings.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { availableSlots } from '../slots/queries.js';
import { formatPrices } from '../channels/format-prices.js';
import { bookingChannelOf, formatPrice, type BookingChannel } from './booking-channel.js';

export type BookingViewCode =
  | 'channel_not_found'
  | 'whitelist_required'
  | 'access_requested'
  | 'access_declined'
  | 'own_channel'
  | 'account_blocked'
  | 'format_not_offered';

export interface BookingChannelView {
  channelId: string;
  title: string;
  timezone: string;
  advertiserTimezone: string;
  currency: PriceCurrency;
  formats: { format: string; price: number }[];
  bundleDiscount: { minSlots: number; percent: number } | null;
}

/** What an advertiser may book on a channel (formats with prices), or why not ('whitelist_required' carries detail.title). */
export async function readBookingChannel(
  database: Database,
  input: { accountId: string; channelId: string },
): Promise<Result<BookingChannelView, Exclude<BookingViewCode, 'format_not_offered'>>> {
  return viewOf(await bookingChannelOf(database, input.channelId, input.accountId));
}

/** The booking rules applied to a looked-up channel: its view, or why the advertiser may not book it. */
export function viewOf(
  channel: BookingChannel | undefined,
): Result<BookingChannelView, Exclude<BookingViewCode, 'format_not_offered'>> {
  if (!channel || channel.status !== 'active') return fail('channel_not_found');
  if (channel.advertiserBlocked) return fail('account_blocked');
  if (channel.ownChannel) return fail('own_channel');
  if (channel.settings.whitelistOnly && channel.access !== 'allowed') {
    if (channel.access === 'requested') return fail('access_requested');
    if (channel.access === 'declined') return fail('access_declined');
    return fail('whitelist_required', { title: channel.title });
  }
  return ok({
    channelId: channel.id,
    title: channel.title,
    timezone: channel.settings.timezone,
    advertiserTimezone: channel.advertiserTimezone,
    currency: channel.settings.currency,
    formats: formatPrices(channel.settings),
    bundleDiscount: channel.settings.bundleDiscount,
  });
}

/** The channel's free, sellable start times for a format (lead time to horizon), in time order. */
export async function readBookableSlots(
  database: Database,
  input: { accountId: string; channelId: string; format: string },
  clock: Clock,
): Promise<Result<BookingChannelView & { price: number; slots: Date[] }, BookingViewCode>> {
  const channel = await bookingChannelOf(database, input.channelId, input.accountId);
  const view = viewOf(channel);
  if (!view.ok || !channel) return view.ok ? fail('channel_not_found') : view;
  const price = formatPrice(channel.settings, input.format);
  if (price === undefined) return fail('format_not_offered');
  const slots = await sellableStartTimes(database, channel, input.format, clock);
  return ok({ ...view.value, price, slots });
}

/**
 * A channel's free start times sellable now for a format (from the lead time to the horizon,
 * narrowed to `within` when given), in time order; read in the channel's workspace scope.
 */
export async function sellableStartTimes(
  database: Database,
  channel: { id: string; workspaceId: string; settings: ChannelSettings },
  format: string,
  clock: Clock,
  within?: { from: Date; to: Date },
): Promise<Date[]> {
  const now = clock.now().getTime();
  const from = Math.max(
    now + channel.settings.leadTimeMinutes * 60_000,
    within?.from.getTime() ?? 0,
  );
  const to = Math.min(
    now + channel.settings.horizonDays * 86_400_000,
    within?.to.getTime() ?? Infinity,
  );
  if (from >= to) return [];
  const free = await database.withScope({ workspaceId: channel.workspaceId }, (tx) =>
    availableSlots(tx, channel.id, new Date(from), new Date(to), { format }),
  );
  return free.map((s) => s.startsAt);
}
