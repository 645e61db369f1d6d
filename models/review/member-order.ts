import { eq } from 'drizzle-orm';
import type { Database } from '../db.js';
import { orders } from '../orders/table.js';
import { membershipsOf, type Membership } from '../workspaces/access.js';

/**
 * The workspace (among the account's memberships) whose order this is, with the account's role;
 * undefined when none of them has it. Each look-up is scoped to one workspace (RLS decides).
 */
export async function memberOrderWorkspace(
  database: Database,
  accountId: string,
  orderId: string,
): Promise<Membership | undefined> {
  const memberships = await database.withScope({ accountId }, (tx) => membershipsOf(tx, accountId));
  for (const membership of memberships) {
    const found = await database.withScope({ workspaceId: membership.workspaceId }, (tx) =>
      tx.select({ id: orders.id }).from(orders).where(eq(orders.id, orderId)).limit(1),
    );
    if (found.length > 0) return membership;
  }
  return undefined;
}
