import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { accounts } from '../accounts/table.js';
import { channels } from '../channels/table.js';
import type { Database } from '../db.js';
import { disputes } from '../disputes/table.js';
import { orders } from '../orders/table.js';
import { workspaces } from '../workspaces/table.js';
import { soldStatuses, sumsByCurrency, type MoneyByCurrency, type Person } from './lookup.js';

export interface UserLookup extends Person {
  language: string;
  createdAt: Date;
  blockedAt: Date | null;
  blockedReason: string | null;
  workspaces: number;
  channels: number;
  orders: { total: number; sold: number };
  spent: MoneyByCurrency[];
  disputes: number;
}

/** The admin's look-up of one account: profile, block, workspaces, orders and spending. */
export async function lookUpUser(database: Database, accountId: string) {
  return database.withSystem(
    'admin: look up an account',
    async (tx): Promise<UserLookup | undefined> => {
      const [account] = await tx.select().from(accounts).where(eq(accounts.id, accountId)).limit(1);
      if (!account) return undefined;
      const owned = tx
        .select({ id: workspaces.id })
        .from(workspaces)
        .where(eq(workspaces.ownerAccountId, accountId));
      const [ws] = await tx
        .select({ n: count() })
        .from(workspaces)
        .where(eq(workspaces.ownerAccountId, accountId));
      const [ch] = await tx
        .select({ n: count() })
        .from(channels)
        .where(inArray(channels.workspaceId, owned));
      const [orderCounts] = await tx
        .select({
          total: sql<number>`count(*)::int`,
          sold: sql<number>`count(*) filter (where ${inArray(orders.status, soldStatuses)})::int`,
        })
        .from(orders)
        .where(eq(orders.advertiserAccountId, accountId));
      const spent = await tx
        .select({
          currency: orders.currency,
          amount: sql<string>`sum(${orders.total} - ${orders.refundedAmount})::text`,
        })
        .from(orders)
        .where(and(eq(orders.advertiserAccountId, accountId), inArray(orders.status, soldStatuses)))
        .groupBy(orders.currency);
      const [disputed] = await tx
        .select({ n: count() })
        .from(disputes)
        .where(eq(disputes.openedByAccountId, accountId));
      return {
        accountId: account.id,
        telegramId: account.telegramId,
        name: account.firstName,
        username: account.username,
        language: account.language,
        createdAt: account.createdAt,
        blockedAt: account.blockedAt,
        blockedReason: account.blockedReason,
        workspaces: ws?.n ?? 0,
        channels: ch?.n ?? 0,
        orders: orderCounts ?? { total: 0, sold: 0 },
        spent: sumsByCurrency(spent),
        disputes: disputed?.n ?? 0,
      };
    },
  );
}
