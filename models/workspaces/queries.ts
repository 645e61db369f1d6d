import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db.js';
import { workspaceMembers, workspaces } from './table.js';

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

/** Everyone of a workspace: its owner and every member (a notice about the workspace itself). */
export async function workspaceAudience(tx: DbOrTx, workspaceId: string): Promise<string[]> {
  const members = await tx
    .select({ accountId: workspaceMembers.accountId })
    .from(workspaceMembers)
    .where(eq(workspaceMembers.workspaceId, workspaceId));
  const [workspace] = await tx
    .select({ ownerAccountId: workspaces.ownerAccountId })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  const recipients = new Set(members.map((m) => m.accountId));
  if (workspace) recipients.add(workspace.ownerAccountId);
  return [...recipients];
}
