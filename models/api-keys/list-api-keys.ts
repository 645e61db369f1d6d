import { asc, desc, sql } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { ok, type Result } from '../errors.js';
import { workspaceAllows } from '../workspaces/plan-limits.js';
import { keyOwnerAccess, type ApiKeyOwner } from './key-owner.js';
import { apiKeys } from './table.js';

/** A key as its owner sees it: never the secret nor its hash. */
export interface ApiKeyListItem {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface ApiKeyList {
  /** Live keys first, newest first within each group. */
  keys: ApiKeyListItem[];
  /** False for a workspace whose plan in force does not include API keys (its keys are refused). */
  planAllows: boolean;
}

/** The owner's keys, read under the owner's scope (RLS hides everyone else's), and whether the plan allows them. */
export async function listApiKeys(
  database: Database,
  input: { owner: ApiKeyOwner; actorAccountId: string },
  clock: Clock,
): Promise<Result<ApiKeyList, 'forbidden'>> {
  const access = await keyOwnerAccess(database, input.owner, input.actorAccountId);
  if (!access.ok) return access;
  const { scope, ownedBy, workspaceId } = access.value;
  return database.withScope(scope, async (tx) => {
    const keys = await tx
      .select({
        id: apiKeys.id,
        name: apiKeys.name,
        prefix: apiKeys.prefix,
        createdAt: apiKeys.createdAt,
        lastUsedAt: apiKeys.lastUsedAt,
        revokedAt: apiKeys.revokedAt,
      })
      .from(apiKeys)
      .where(ownedBy)
      .orderBy(asc(sql`${apiKeys.revokedAt} is not null`), desc(apiKeys.createdAt));
    const planAllows =
      workspaceId === null || (await workspaceAllows(tx, workspaceId, 'api_keys', clock.now()));
    return ok({ keys, planAllows });
  });
}
