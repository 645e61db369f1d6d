import type { ApiKeyOwner } from '../api-keys/key-owner.js';
import { formatPrices } from '../channels/format-prices.js';
import type { ChannelSettings, PriceCurrency } from '../channels/settings.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { localDaysWindow } from '../slots/local-days.js';
import { slotChannelOf } from '../slots/queries.js';
import { sellableStartTimes, viewOf, type BookingViewCode } from './bookable-slots.js';
import { bookingChannelOf } from './booking-channel.js';

export type AvailabilityCode = Exclude<BookingViewCode, 'account_blocked'>;

export interface ChannelAvailability {
  channelId: string;
  timezone: string;
  currency: PriceCurrency;
  /** Offered formats (only the asked one when given), each with its price and free start times. */
  formats: { format: string; price: number; slots: Date[] }[];
}

interface SellingChannel {
  id: string;
  workspaceId: string;
  status: string;
  settings: ChannelSettings;
}

/**
 * The channel as the viewer may see it, or why not: an owner sees its own channels, an advertiser a
 * channel the catalog lists, under the booking rules (whitelist, not its own).
 */
async function channelFor(
  database: Database,
  viewer: ApiKeyOwner,
  channelId: string,
): Promise<Result<SellingChannel, AvailabilityCode>> {
  if ('workspaceId' in viewer) {
    const own = await database.withScope({ workspaceId: viewer.workspaceId }, (tx) =>
      slotChannelOf(tx, channelId),
    );
    return own ? ok(own) : fail('channel_not_found');
  }
  const channel = await bookingChannelOf(database, channelId, viewer.accountId);
  // Listed as the catalog lists it: a schedule and at least one price.
  const listed = channel?.settings.schedule && formatPrices(channel.settings).length > 0;
  const view = viewOf(listed ? channel : undefined);
  if (!view.ok) return fail(view.code === 'account_blocked' ? 'channel_not_found' : view.code);
  return channel ? ok(channel) : fail('channel_not_found');
}

/**
 * A channel's free, sellable start times on local days `from`..`to` of its time zone, per offered
 * format (the bot's booking rules: lead time, horizon, top windows, max per day). Advertisers see
 * what they may book; owners their own channels, with nothing sellable unless the channel is active.
 */
export async function readChannelAvailability(
  database: Database,
  input: {
    viewer: ApiKeyOwner;
    channelId: string;
    format?: string;
    days: { from: string; to: string };
  },
  clock: Clock,
): Promise<Result<ChannelAvailability, AvailabilityCode>> {
  const found = await channelFor(database, input.viewer, input.channelId);
  if (!found.ok) return found;
  const channel = found.value;
  const offered = formatPrices(channel.settings).filter(
    (f) => input.format === undefined || f.format === input.format,
  );
  if (offered.length === 0 && input.format !== undefined) return fail('format_not_offered');
  const within = localDaysWindow(channel.settings.timezone, input.days);
  const formats = [];
  for (const { format, price } of offered) {
    const slots =
      channel.status === 'active'
        ? await sellableStartTimes(database, channel, format, clock, within)
        : [];
    formats.push({ format, price, slots });
  }
  return ok({
    channelId: channel.id,
    timezone: channel.settings.timezone,
    currency: channel.settings.currency,
    formats,
  });
}
