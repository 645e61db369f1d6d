import type { Database } from '../db.js';
import { pendingRefunds } from './queries.js';

/** Orders whose Stars payment still has to go back (a refund failed or was interrupted); cross-tenant. */
export function listPendingRefunds(
  database: Database,
  limit = 50,
): Promise<{ orderId: string; workspaceId: string }[]> {
  return database.withSystem('payments: refunds still owed', (tx) => pendingRefunds(tx, limit));
}
