import { and, eq } from 'drizzle-orm';
import { channels } from '../channels/table.js';
import type { Database, DbOrTx } from '../db.js';
import { workspaceMembers, workspaces, type MemberRole, type WorkspacePlan } from './table.js';

export interface Membership {
  workspaceId: string;
  role: MemberRole;
  plan: WorkspacePlan;
  ownerAccountId: string;
}

/** The workspaces an account belongs to (needs a scope with accountId; the self policy shows only its rows). */
export async function membershipsOf(tx: DbOrTx, accountId: string): Promise<Membership[]> {
  return tx
    .select({
      workspaceId: workspaceMembers.workspaceId,
      role: workspaceMembers.role,
      plan: workspaces.plan,
      ownerAccountId: workspaces.ownerAccountId,
    })
    .from(workspaceMembers)
    .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
    .where(eq(workspaceMembers.accountId, accountId))
    .orderBy(workspaceMembers.createdAt);
}

export interface ChannelAccess extends Membership {
  channelId: string;
}

/**
 * Which of the account's workspaces holds the channel, and the account's role there; undefined when
 * none does. Each look-up runs scoped to one workspace, so RLS decides what exists.
 */
export async function channelAccess(
  database: Database,
  accountId: string,
  channelId: string,
): Promise<ChannelAccess | undefined> {
  const memberships = await database.withScope({ accountId }, (tx) => membershipsOf(tx, accountId));
  for (const membership of memberships) {
    const found = await database.withScope(
      { workspaceId: membership.workspaceId, accountId },
      (tx) =>
        tx
          .select({ id: channels.id })
          .from(channels)
          .where(and(eq(channels.id, channelId), eq(channels.workspaceId, membership.workspaceId)))
          .limit(1),
    );
    if (found.length > 0) return { ...membership, channelId };
  }
  return undefined;
}
