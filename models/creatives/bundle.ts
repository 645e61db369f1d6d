import { and, eq, inArray } from 'drizzle-orm';
import { readChannelSettings } from '../channels/settings.js';
import { channels } from '../channels/table.js';
import type { Database, Tx } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { readMarking, type Marking } from '../marking/marking.js';
import { creatives, orderItems, orders, type OrderStatus } from '../orders/table.js';
import type { ContentRules } from './content-rules.js';

/** Order states in which the creative and the marking may still change (before the invoice). */
export const editableStatuses: OrderStatus[] = ['draft', 'held'];

export const variantLimit = 4;

export interface BundleChannel extends ContentRules {
  id: string;
  title: string;
  requiresMarking: boolean;
}

/** A bundle as the creative step sees it: its editable orders and their channels' rules. */
export interface CreativeBundle {
  bundleId: string;
  orders: { id: string; workspaceId: string; channelIds: string[] }[];
  channels: BundleChannel[];
  marking: Marking | null;
  requiresMarking: boolean;
  /** Variants stored so far (the most of any order). */
  variants: number;
}

/** The channel facts the creative step needs, for channels of an order the caller can see. */
export async function readBundleChannels(tx: Tx, channelIds: string[]): Promise<BundleChannel[]> {
  if (channelIds.length === 0) return [];
  const rows = await tx
    .select({
      id: channels.id,
      title: channels.title,
      language: channels.language,
      settings: channels.settings,
    })
    .from(channels)
    .where(inArray(channels.id, channelIds));
  return rows.map((row) => {
    const settings = readChannelSettings(row.settings, row.language ?? 'en');
    return {
      id: row.id,
      title: row.title,
      requiresMarking: settings.requiresMarking,
      stopWords: settings.stopWords,
      blockedDomains: settings.blockedDomains,
    };
  });
}

/**
 * The advertiser's bundle (orders read in the advertiser's scope, so a foreign bundle id is
 * 'not_found'); 'not_editable' when none of its orders is draft/held any more. Channel rules are
 * read through the audited system path (channels belong to other workspaces).
 */
export async function loadCreativeBundle(
  database: Database,
  input: { accountId: string; bundleId: string },
): Promise<Result<CreativeBundle, 'not_found' | 'not_editable'>> {
  const { accountId, bundleId } = input;
  const found = await database.withScope({ accountId }, async (tx) => {
    const rows = await tx
      .select({
        id: orders.id,
        workspaceId: orders.workspaceId,
        status: orders.status,
        marking: orders.marking,
      })
      .from(orders)
      .where(and(eq(orders.bundleId, bundleId), eq(orders.advertiserAccountId, accountId)));
    const ids = rows.map((row) => row.id);
    const items = ids.length
      ? await tx
          .select({ orderId: orderItems.orderId, channelId: orderItems.channelId })
          .from(orderItems)
          .where(inArray(orderItems.orderId, ids))
      : [];
    const variants = ids.length
      ? await tx
          .select({ orderId: creatives.orderId, variantIndex: creatives.variantIndex })
          .from(creatives)
          .where(inArray(creatives.orderId, ids))
      : [];
    return { rows, items, variants };
  });
  if (found.rows.length === 0) return fail('not_found');
  const editable = found.rows.filter((row) => editableStatuses.includes(row.status));
  if (editable.length === 0) return fail('not_editable');
  const bundleOrders = editable.map((row) => ({
    id: row.id,
    workspaceId: row.workspaceId,
    channelIds: [
      ...new Set(found.items.filter((i) => i.orderId === row.id).map((i) => i.channelId)),
    ],
  }));
  const channelIds = [...new Set(bundleOrders.flatMap((order) => order.channelIds))];
  const bundleChannels = await database.withSystem('creative: rules of the bundle channels', (tx) =>
    readBundleChannels(tx, channelIds),
  );
  const editableIds = new Set(editable.map((row) => row.id));
  const counts = editable.map(
    (row) =>
      found.variants.filter((v) => v.orderId === row.id && editableIds.has(v.orderId)).length,
  );
  return ok({
    bundleId,
    orders: bundleOrders,
    channels: bundleChannels,
    marking: editable.map((row) => readMarking(row.marking)).find(Boolean) ?? null,
    requiresMarking: bundleChannels.some((channel) => channel.requiresMarking),
    variants: Math.max(0, ...counts),
  });
}
