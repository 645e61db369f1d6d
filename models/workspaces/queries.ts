import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db.js';
import { workspaceMembers } from './table.js';

/** The workspace's members who act on its orders (owners and managers), by account id. */
export async function orderManagerAccounts(tx: DbOrTx, workspaceId: string): Promise<string[]> {
  const rows = await tx
    .select({ accountId: workspaceMembers.accountId })
    .from(workspaceMembers)
    .where(
      and(
        eq(workspaceMembers.workspaceId, workspaceId),
        inArray(workspaceMembers.role, ['owner', 'manager']),
      ),
    );
  return rows.map((r) => r.accountId);
}
