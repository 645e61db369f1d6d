import { eq } from 'drizzle-orm';
import { accounts } from '../accounts/table.js';
import { readOrderView, type OrderView } from '../orders/order-view.js';
import type { Database } from '../db.js';
import { workspaceMembers } from '../workspaces/table.js';

export interface ReviewAudience {
  order: OrderView;
  /** Owner and managers of the order's workspace (who review it and hear about it). */
  members: { telegramId: number; language: string; timezone: string }[];
}

/** An order seen by its workspace, with the workspace's members to notify. */
export async function readReviewAudience(
  database: Database,
  workspaceId: string,
  orderId: string,
): Promise<ReviewAudience | undefined> {
  return database.withScope({ workspaceId }, async (tx) => {
    const order = await readOrderView(tx, orderId);
    if (!order) return undefined;
    const members = await tx
      .select({
        telegramId: accounts.telegramId,
        language: accounts.language,
        timezone: accounts.timezone,
      })
      .from(workspaceMembers)
      .innerJoin(accounts, eq(accounts.id, workspaceMembers.accountId))
      .where(eq(workspaceMembers.workspaceId, workspaceId));
    return { order, members };
  });
}
