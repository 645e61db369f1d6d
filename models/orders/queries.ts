import { and, asc, eq, inArray, min, sql } from 'drizzle-orm';
import { accounts } from '../accounts/table.js';
import { readChannelSettings } from '../channels/settings.js';
import { channels } from '../channels/table.js';
import type { DbOrTx, Tx } from '../db.js';
import { slots } from '../slots/table.js';
import { priceOrder } from './pricing.js';
import { orderItems, orders, type Currency } from './table.js';

/** Most items one checkout (bundle) may hold at once. */
export const bundleItemLimit = 20;

/** The order row locked FOR UPDATE: settlements of one order are serialized. */
export async function lockOrder(tx: DbOrTx, orderId: string) {
  const [row] = await tx
    .select({
      id: orders.id,
      status: orders.status,
      total: orders.total,
      workspaceId: orders.workspaceId,
      advertiserAccountId: orders.advertiserAccountId,
    })
    .from(orders)
    .where(eq(orders.id, orderId))
    .for('update')
    .limit(1);
  return row;
}

/** Serializes holds on one channel for the rest of the transaction (top window and max per day). */
export async function lockChannelForHolds(tx: Tx, channelId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${channelId}, 7130))`);
}

/** The advertiser's held order of a workspace in a bundle, in a currency, if there is one. */
export async function heldOrderOf(
  tx: Tx,
  input: { bundleId: string; workspaceId: string; accountId: string; currency: Currency },
): Promise<{ id: string } | undefined> {
  const [row] = await tx
    .select({ id: orders.id })
    .from(orders)
    .where(
      and(
        eq(orders.bundleId, input.bundleId),
        eq(orders.workspaceId, input.workspaceId),
        eq(orders.advertiserAccountId, input.accountId),
        eq(orders.currency, input.currency),
        eq(orders.status, 'held'),
      ),
    )
    .limit(1);
  return row;
}

/** How many items the advertiser's live orders of a bundle hold (any workspace it can see). */
export async function countBundleItems(tx: Tx, bundleId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .where(
      and(eq(orders.bundleId, bundleId), inArray(orders.status, ['held', 'awaiting_payment'])),
    );
  return row?.n ?? 0;
}

/**
 * Recomputes an order's subtotal, discount and total from its items and each channel's bundle
 * discount, and its hold expiry as the earliest of its held slots'. Needs the workspace scope.
 */
export async function recomputeOrder(tx: Tx, orderId: string, at: Date): Promise<void> {
  const items = await tx
    .select({
      channelId: orderItems.channelId,
      price: orderItems.price,
      settings: channels.settings,
      language: channels.language,
    })
    .from(orderItems)
    .innerJoin(channels, eq(channels.id, orderItems.channelId))
    .where(eq(orderItems.orderId, orderId))
    .orderBy(asc(orderItems.id));
  const rules = new Map(
    items.map((i) => [
      i.channelId,
      readChannelSettings(i.settings, i.language ?? 'en').bundleDiscount,
    ]),
  );
  const price = priceOrder(items, (id) => rules.get(id));
  const [hold] = await tx
    .select({ at: min(slots.holdExpiresAt) })
    .from(slots)
    .where(and(eq(slots.orderId, orderId), eq(slots.status, 'held')));
  await tx
    .update(orders)
    .set({
      subtotal: price.subtotal,
      discount: price.discount,
      total: price.total,
      holdExpiresAt: hold?.at ?? null,
      updatedAt: at,
    })
    .where(eq(orders.id, orderId));
}

/** Telegram ids and languages of accounts (accounts have no tenant; any handle may read them). */
export async function accountContacts(
  tx: DbOrTx,
  accountIds: string[],
): Promise<{ id: string; telegramId: number; language: string }[]> {
  if (accountIds.length === 0) return [];
  return tx
    .select({ id: accounts.id, telegramId: accounts.telegramId, language: accounts.language })
    .from(accounts)
    .where(inArray(accounts.id, accountIds));
}
