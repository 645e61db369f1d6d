import type { Database } from '../db.js';
import { payableBundleOrders, type OrderRef } from './queries.js';

/** The advertiser's orders of a bundle that can still be paid (held or awaiting payment). */
export function listPayableOrders(
  database: Database,
  accountId: string,
  bundleId: string,
): Promise<OrderRef[]> {
  return database.withScope({ accountId }, (tx) => payableBundleOrders(tx, accountId, bundleId));
}
