import { and, eq, gte, like, lt, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db.js';
import type { Currency } from '../orders/table.js';
import { ownerAccount } from './accounts.js';
import { ledgerEntries } from './table.js';

export interface OrderEarnings {
  orderId: string;
  currency: Currency;
  /** Net credit to the owner: the settlement's share less anything taken back after it. */
  amount: number;
}

const orderOfMemo = sql<string>`substring(${ledgerEntries.memo} from '^order ([0-9a-f-]{36}):')`;

/**
 * A workspace's earnings per order and currency, from the journal lines of its owner account whose
 * memo names an order (settlements, refunds after settlement): one order's, or those posted in
 * [from, to). Needs the workspace in scope.
 */
export async function ownerEarningsByOrder(
  tx: DbOrTx,
  workspaceId: string,
  filter: { orderId: string } | { from: Date; to: Date },
): Promise<OrderEarnings[]> {
  const which: SQL | undefined =
    'orderId' in filter
      ? like(ledgerEntries.memo, `order ${filter.orderId}:%`)
      : and(
          gte(ledgerEntries.createdAt, filter.from),
          lt(ledgerEntries.createdAt, filter.to),
          sql`${orderOfMemo} is not null`,
        );
  const rows = await tx
    .select({
      orderId: orderOfMemo,
      currency: ledgerEntries.currency,
      amount: sql<string>`(-sum(${ledgerEntries.amount}))::text`,
    })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.account, ownerAccount(workspaceId)), which))
    .groupBy(orderOfMemo, ledgerEntries.currency);
  return rows.map((r) => ({ ...r, amount: Number(r.amount) }));
}
