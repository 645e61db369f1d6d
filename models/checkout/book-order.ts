import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { Database, Tx } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { checkCreativeContent, type ModerationAdapter } from '../creatives/check-content.js';
import type { Creative } from '../creatives/content.js';
import { orderReadiness } from '../creatives/order-readiness.js';
import { writeCreativeVariant } from '../creatives/save-creative.js';
import { writeOrderMarking } from '../creatives/set-bundle-marking.js';
import type { Marking } from '../marking/marking.js';
import { holdMinutes, holdSlotInTx, SlotTaken, type HoldSlotCode } from '../orders/hold-slot.js';
import { nearestFreeSlots } from '../orders/nearest-free-slots.js';
import { lockChannelForHolds } from '../orders/queries.js';
import type { StarsRates } from '../payments/stars-amount.js';
import type { ExternalProvider } from '../providers/types.js';
import { maxStarsInvoice, paymentMethodsFor, type ConfiguredProviders } from './payment-methods.js';
import { externalPreparation, type PreparedExternalPayment } from './prepare-external-payment.js';
import { starsPreparation, type PreparedInvoice } from './prepare-invoice.js';
import { preparePayableInTx } from './prepare-payable.js';
import { bookableChannels, vetCreative } from './book-order-checks.js';

/** Most slots one order booked in one request may hold. */
export const bookOrderItemLimit = 10;

export type BookOrderCode =
  | Exclude<HoldSlotCode, 'bundle_limit'>
  | 'duplicate_item'
  | 'mixed_orders'
  | 'content_refused'
  | 'too_long'
  | 'marking_required'
  | 'method_unavailable';

export interface BookOrderInput {
  accountId: string;
  items: { channelId: string; startsAt: Date; format: string }[];
  creative: Creative;
  /** Validated; stored only when a channel requires marking. */
  marking: Marking | null;
  method: 'stars' | ExternalProvider;
  rates: StarsRates;
  configured: ConfiguredProviders;
}

export type BookedPayment =
  | { method: 'stars'; invoice: PreparedInvoice }
  | { method: ExternalProvider; external: PreparedExternalPayment };

export interface BookedOrder {
  orderId: string;
  workspaceId: string;
  bundleId: string;
  payment: BookedPayment;
}

export interface BookOrderOptions<T> {
  ai?: ModerationAdapter;
  /** Runs last in the booking's transaction: what it writes commits with the order, or neither. */
  commit: (tx: Tx, booked: BookedOrder) => Promise<T>;
}

/** A refusal found inside the transaction: thrown to roll everything back. */
class Refused extends Error {
  constructor(
    readonly result: { ok: false; code: BookOrderCode; detail?: Record<string, unknown> },
  ) {
    super(result.code);
  }
}

/** Readies the order for its method (held → awaiting_payment) or throws the refusal. */
async function preparePayment(
  tx: Tx,
  input: BookOrderInput,
  at: { workspaceId: string; now: Date },
  orderId: string,
): Promise<BookedPayment> {
  const base = { accountId: input.accountId, orderId, readiness: orderReadiness };
  const refuse = (code: BookOrderCode, detail?: Record<string, unknown>): never => {
    throw new Refused(fail(code, detail));
  };
  if (input.method === 'stars') {
    const prepared = await preparePayableInTx(
      tx,
      base,
      at,
      starsPreparation({ ...base, rates: input.rates }),
    );
    if (!prepared.ok) throw new Error(`booked order not payable: ${prepared.code}`);
    const { currency, stars } = prepared.value;
    const methods = paymentMethodsFor(currency, input.configured, stars);
    if (stars > maxStarsInvoice || !methods.includes('stars'))
      refuse('method_unavailable', { stars });
    return { method: 'stars', invoice: prepared.value };
  }
  const provider = input.method;
  const prepared = await preparePayableInTx(
    tx,
    base,
    at,
    externalPreparation({ ...base, provider }),
  );
  if (!prepared.ok) {
    if (prepared.code === 'method_unavailable') refuse('method_unavailable');
    throw new Error(`booked order not payable: ${prepared.code}`);
  }
  return { method: provider, external: prepared.value };
}

/**
 * Books an order in one request, as the bot's booking does step by step: every slot held (the
 * bot's hold rules), the creative checked and stored (stop words, blocked domains, length with the
 * marking, the content check's flags), the marking stored where a channel requires it, and the
 * payment readied for its method (held → awaiting_payment) — all in ONE transaction with
 * `options.commit`, so a refusal changes nothing and nothing is half-booked. The items must be
 * channels of one workspace priced in one currency (one order). 'slot_taken' and
 * 'not_available' carry `item` and `nearest` (up to 3 free start times, ISO).
 */
export async function bookOrder<T>(
  database: Database,
  input: BookOrderInput,
  clock: Clock,
  options: BookOrderOptions<T>,
): Promise<Result<BookedOrder & { committed: T }, BookOrderCode>> {
  const now = clock.now();
  const found = await bookableChannels(database, input, now);
  if (!found.ok) return found;
  const { channels, prices } = found.value;
  const first = channels[0];
  if (!first) throw new Error('bookOrder needs at least one item');
  const { currency } = first.settings;
  if (!paymentMethodsFor(currency, input.configured).includes(input.method))
    return fail('method_unavailable', { currency });
  const vetted = vetCreative(input, channels);
  if (!vetted.ok) return vetted;
  const { marking } = vetted.value;
  const { flags } = await checkCreativeContent(
    {
      ...input.creative,
      rules: {
        stopWords: channels.flatMap((c) => c.settings.stopWords),
        blockedDomains: channels.flatMap((c) => c.settings.blockedDomains),
      },
    },
    options.ai,
  );
  const bundleId = randomUUID();
  const holdExpiresAt = new Date(now.getTime() + holdMinutes * 60_000);
  const { workspaceId } = first;
  const { accountId } = input;
  let current = 0;
  try {
    return await database.withScope({ workspaceId, accountId }, async (tx) => {
      // Channels locked in one order, so two bookings of the same channels cannot deadlock.
      for (const id of [...new Set(channels.map((c) => c.id))].sort())
        await lockChannelForHolds(tx, id);
      let orderId: string | undefined;
      for (const [item, entry] of input.items.entries()) {
        current = item;
        const held = await holdSlotInTx(tx, {
          channel: channels[item]!,
          accountId,
          bundleId,
          startsAt: entry.startsAt,
          format: entry.format,
          price: prices[item]!,
          now,
          holdExpiresAt,
        });
        if (held === 'bundle_limit') throw new Error('a new bundle cannot be over its limit');
        if (typeof held === 'string') throw new Refused(fail(held, { item }));
        orderId = held.orderId;
      }
      if (!orderId) throw new Error('no item was held');
      const order = { id: orderId, workspaceId };
      await writeCreativeVariant(
        tx,
        order,
        { accountId, variantIndex: 0, creative: input.creative, flags },
        now,
      );
      if (marking) await writeOrderMarking(tx, { orderIds: [orderId], accountId, marking }, now);
      const payment = await preparePayment(tx, input, { workspaceId, now }, orderId);
      const booked = { orderId, workspaceId, bundleId, payment };
      const committed = await options.commit(tx, booked);
      return ok({ ...booked, committed });
    });
  } catch (err) {
    const refused =
      err instanceof SlotTaken ? new Refused(fail('slot_taken', { item: current })) : err;
    if (!(refused instanceof Refused)) throw err;
    const { code, detail } = refused.result;
    if (code !== 'slot_taken' && code !== 'not_available') return refused.result;
    const index = typeof detail?.item === 'number' ? detail.item : 0;
    const entry = input.items[index]!;
    const nearest = await nearestFreeSlots(
      database,
      channels[index]!,
      entry.startsAt,
      entry.format,
      now,
    );
    return fail(code, { item: index, nearest: nearest.map((d) => d.toISOString()) });
  }
}
