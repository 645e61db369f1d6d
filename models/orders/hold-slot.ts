import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { accountBlockReason } from '../accounts/queries.js';
import type { Clock } from '../clock.js';
import type { Database, Tx } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { appendEvent } from '../outbox/events.js';
import { availableSlots } from '../slots/queries.js';
import { slots } from '../slots/table.js';
import { transitionSlot } from '../slots/transition-slot.js';
import { bookingChannelOf, formatPrice, type BookingChannel } from './booking-channel.js';
import { nearestFreeSlots } from './nearest-free-slots.js';
import {
  bundleItemLimit,
  countBundleItems,
  heldOrderOf,
  lockChannelForHolds,
  recomputeOrder,
} from './queries.js';
import { orderItems, orders } from './table.js';
import { transitionOrder } from './transition-order.js';

/** How long a picked slot stays reserved for the advertiser. */
export const holdMinutes = 15;

export type HoldSlotCode =
  | 'channel_not_found'
  | 'format_not_offered'
  | 'slot_taken'
  | 'not_available'
  | 'too_soon'
  | 'whitelist_required'
  | 'account_blocked'
  | 'own_channel'
  | 'bundle_limit';

export interface HoldSlotInput {
  accountId: string;
  channelId: string;
  startsAt: Date;
  format: string;
  bundleId?: string;
}

export interface HeldSlot {
  orderId: string;
  bundleId: string;
  holdExpiresAt: Date;
}

/**
 * On 'slot_taken', detail.nearest lists up to 3 free start times (ISO) to offer instead; on
 * 'account_blocked', detail.reason is the admin's reason.
 */
export type HoldSlotResult = Result<HeldSlot, HoldSlotCode>;

/** The slot moved meanwhile (another hold won the race): thrown to roll the transaction back. */
export class SlotTaken extends Error {}

/**
 * The checks a hold needs before any write (pure): the channel sells, the advertiser may buy from
 * it, the format is offered and the start is inside the lead time and horizon. The format's price.
 */
export function checkHoldable(
  channel: BookingChannel,
  input: { startsAt: Date; format: string },
  now: Date,
): Result<{ price: number }, HoldSlotCode> {
  if (channel.status !== 'active') return fail('channel_not_found');
  if (channel.advertiserBlocked) return fail('account_blocked');
  if (channel.ownChannel) return fail('own_channel');
  const { settings } = channel;
  if (settings.whitelistOnly && channel.access !== 'allowed') return fail('whitelist_required');
  const price = formatPrice(settings, input.format);
  if (price === undefined) return fail('format_not_offered');
  const startMs = input.startsAt.getTime();
  if (startMs < now.getTime() + settings.leadTimeMinutes * 60_000) return fail('too_soon');
  if (startMs > now.getTime() + settings.horizonDays * 86_400_000) return fail('not_available');
  return ok({ price });
}

export interface HoldInTxInput {
  channel: BookingChannel;
  accountId: string;
  bundleId: string;
  startsAt: Date;
  format: string;
  price: number;
  now: Date;
  holdExpiresAt: Date;
}

/**
 * Holds one free slot in the caller's transaction (scoped to the channel's workspace and the
 * advertiser), adding it to the advertiser's held order of the bundle (created on the first hold).
 * 'slot_taken' / 'not_available' / 'bundle_limit' before anything is written; throws SlotTaken
 * when the slot moved after it was found free (roll back).
 */
export async function holdSlotInTx(
  tx: Tx,
  input: HoldInTxInput,
): Promise<{ orderId: string } | 'slot_taken' | 'not_available' | 'bundle_limit'> {
  const { channel, accountId, bundleId, startsAt, format, now, holdExpiresAt } = input;
  const { workspaceId, settings } = channel;
  await lockChannelForHolds(tx, channel.id);
  const free = await availableSlots(tx, channel.id, startsAt, new Date(startsAt.getTime() + 1), {
    format,
  });
  const target = free[0];
  if (!target) {
    const [slot] = await tx
      .select({ status: slots.status })
      .from(slots)
      .where(and(eq(slots.channelId, channel.id), eq(slots.startsAt, startsAt)))
      .limit(1);
    return slot && slot.status !== 'blocked' && slot.status !== 'cancelled'
      ? 'slot_taken'
      : 'not_available';
  }
  if ((await countBundleItems(tx, bundleId)) >= bundleItemLimit) return 'bundle_limit';
  let order = await heldOrderOf(tx, {
    bundleId,
    workspaceId,
    accountId,
    currency: settings.currency,
  });
  if (!order) {
    const [created] = await tx
      .insert(orders)
      .values({
        workspaceId,
        advertiserAccountId: accountId,
        bundleId,
        currency: settings.currency,
        status: 'draft',
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: orders.id });
    if (!created) throw new Error('order insert returned nothing');
    const moved = await transitionOrder(tx, {
      orderId: created.id,
      from: ['draft'],
      to: 'held',
      actor: `account:${accountId}`,
      at: now,
      set: { holdExpiresAt },
    });
    if (!moved.ok) throw new Error(`new order could not be held: ${moved.code}`);
    await appendEvent(
      tx,
      {
        type: 'order.created',
        workspaceId,
        orderId: created.id,
        advertiserAccountId: accountId,
        currency: settings.currency,
        holdExpiresAt: holdExpiresAt.toISOString(),
      },
      now,
    );
    order = created;
  }
  const taken = await transitionSlot(tx, {
    slotId: target.id,
    from: ['free'],
    to: 'held',
    at: now,
    set: { holdExpiresAt, orderId: order.id, format },
  });
  if (!taken.ok) throw new SlotTaken();
  await tx.insert(orderItems).values({
    orderId: order.id,
    workspaceId,
    advertiserAccountId: accountId,
    slotId: target.id,
    channelId: channel.id,
    format,
    price: input.price,
  });
  await recomputeOrder(tx, order.id, now);
  return { orderId: order.id };
}

/**
 * Holds one free slot for an advertiser for 15 minutes, atomically (holds on a channel are
 * serialized and the slot moves only `where status = 'free'`, so exactly one racer wins), adding
 * it to the advertiser's held order of that workspace in the bundle (created on the first hold).
 */
export async function holdSlot(
  database: Database,
  input: HoldSlotInput,
  clock: Clock,
): Promise<HoldSlotResult> {
  const channel = await bookingChannelOf(database, input.channelId, input.accountId);
  if (!channel) return fail('channel_not_found');
  const now = clock.now();
  const holdable = checkHoldable(channel, input, now);
  if (!holdable.ok) {
    if (holdable.code !== 'account_blocked') return holdable;
    const reason = await database.withScope({}, (tx) => accountBlockReason(tx, input.accountId));
    return fail('account_blocked', { reason: reason ?? '' });
  }
  const bundleId = input.bundleId ?? randomUUID();
  const holdExpiresAt = new Date(now.getTime() + holdMinutes * 60_000);
  const scope = { workspaceId: channel.workspaceId, accountId: input.accountId };

  try {
    const outcome = await database.withScope(scope, (tx) =>
      holdSlotInTx(tx, {
        channel,
        accountId: input.accountId,
        bundleId,
        startsAt: input.startsAt,
        format: input.format,
        price: holdable.value.price,
        now,
        holdExpiresAt,
      }),
    );
    if (typeof outcome !== 'string')
      return ok({ orderId: outcome.orderId, bundleId, holdExpiresAt });
    if (outcome !== 'slot_taken') return fail(outcome);
  } catch (err) {
    if (!(err instanceof SlotTaken)) throw err;
  }
  const nearest = await nearestFreeSlots(database, channel, input.startsAt, input.format, now);
  return fail('slot_taken', { nearest: nearest.map((d) => d.toISOString()) });
}
