import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../db.js';
import { membershipsOf, type Membership } from './access.js';
import { workspaceMembers, workspaces } from './table.js';

/**
 * The workspace the account owns, created (with its owner membership) on first need. One per
 * account: a person who manages others' channels still gets their own workspace for their own.
 */
export async function ensureOwnerWorkspace(
  database: Database,
  accountId: string,
): Promise<Membership> {
  const existing = await database.withScope({ accountId }, (tx) => membershipsOf(tx, accountId));
  const own = existing.find((m) => m.role === 'owner' && m.ownerAccountId === accountId);
  if (own) return own;
  const workspaceId = randomUUID();
  await database.withScope({ workspaceId, accountId }, async (tx) => {
    // Serialize concurrent first calls of one account (two quick taps) on its own lock.
    await tx.execute(sqlLock(accountId));
    const again = await membershipsOf(tx, accountId);
    if (again.some((m) => m.role === 'owner' && m.ownerAccountId === accountId)) return;
    await tx.insert(workspaces).values({ id: workspaceId, ownerAccountId: accountId });
    await tx.insert(workspaceMembers).values({ workspaceId, accountId, role: 'owner' });
  });
  const after = await database.withScope({ accountId }, (tx) => membershipsOf(tx, accountId));
  const created = after.find((m) => m.role === 'owner' && m.ownerAccountId === accountId);
  if (!created) throw new Error('owner workspace was not created');
  return created;
}

function sqlLock(accountId: string) {
  return sql`select pg_advisory_xact_lock(hashtext(${'workspace-owner:' + accountId}))`;
}
