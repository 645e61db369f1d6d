import { and, eq, type SQL } from 'drizzle-orm';
import type { Database, Scope } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { canPerform } from '../workspaces/permissions.js';
import { workspaceMembers } from '../workspaces/table.js';
import { apiKeys } from './table.js';

/** Whose keys: a workspace's (owners) or an account's own (advertisers). */
export type ApiKeyOwner = { workspaceId: string } | { accountId: string };

/** The scope to work on an owner's keys in, and the condition that selects only its keys. */
export interface KeyOwnerAccess {
  scope: Scope;
  ownedBy: SQL;
  workspaceId: string | null;
}

/**
 * Checks the actor may manage the owner's keys: a workspace member with 'api_keys.manage', or the
 * account itself. The returned scope lets RLS hide everyone else's keys.
 */
export async function keyOwnerAccess(
  database: Database,
  owner: ApiKeyOwner,
  actorAccountId: string,
): Promise<Result<KeyOwnerAccess, 'forbidden'>> {
  if ('accountId' in owner) {
    if (owner.accountId !== actorAccountId) return fail('forbidden');
    return ok({
      scope: { accountId: owner.accountId },
      ownedBy: eq(apiKeys.accountId, owner.accountId),
      workspaceId: null,
    });
  }
  const { workspaceId } = owner;
  const scope = { workspaceId, accountId: actorAccountId };
  const [member] = await database.withScope(scope, (tx) =>
    tx
      .select({ role: workspaceMembers.role })
      .from(workspaceMembers)
      .where(
        and(
          eq(workspaceMembers.workspaceId, workspaceId),
          eq(workspaceMembers.accountId, actorAccountId),
        ),
      )
      .limit(1),
  );
  if (!member || !canPerform(member.role, 'api_keys.manage')) return fail('forbidden');
  return ok({ scope, ownedBy: eq(apiKeys.workspaceId, workspaceId), workspaceId });
}
