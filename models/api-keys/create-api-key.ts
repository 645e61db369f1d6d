import { and, count, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { workspaceAllows } from '../workspaces/plan-limits.js';
import { generateApiKey } from './key-format.js';
import { keyOwnerAccess, type ApiKeyOwner } from './key-owner.js';
import { apiKeys } from './table.js';

/** Live (not revoked) keys one workspace or account may hold. */
export const maxLiveApiKeys = 10;
/** A key's name, trimmed: 1 to this many characters. */
export const maxApiKeyNameLength = 60;

export type CreateApiKeyCode = 'plan' | 'forbidden' | 'name_invalid' | 'too_many';

export interface CreatedApiKey {
  id: string;
  /** The full key: returned here once, never stored nor shown again. */
  key: string;
  prefix: string;
}

/** The trimmed name when it is 1–60 characters with no control character (a line break), else undefined. */
export function normalizeApiKeyName(name: string): string | undefined {
  const trimmed = name.trim();
  const length = [...trimmed].length;
  if (length < 1 || length > maxApiKeyNameLength || /\p{Cc}/u.test(trimmed)) return undefined;
  return trimmed;
}

/**
 * Creates a key for a workspace (a member with 'api_keys.manage', Pro in force) or for the actor's
 * own account; at most 10 live keys per owner. Stores only the key's hash and audits the creation
 * (never the secret) in the same transaction.
 */
export async function createApiKey(
  database: Database,
  input: { owner: ApiKeyOwner; actorAccountId: string; name: string },
  clock: Clock,
): Promise<Result<CreatedApiKey, CreateApiKeyCode>> {
  const name = normalizeApiKeyName(input.name);
  if (name === undefined) return fail('name_invalid');
  const access = await keyOwnerAccess(database, input.owner, input.actorAccountId);
  if (!access.ok) return access;
  const { scope, ownedBy, workspaceId } = access.value;
  const now = clock.now();
  return database.withScope(scope, async (tx) => {
    if (workspaceId !== null && !(await workspaceAllows(tx, workspaceId, 'api_keys', now)))
      return fail('plan');
    // One creation at a time per owner, so two quick taps cannot both pass the limit.
    const lockKey = `api-keys:${workspaceId ?? input.actorAccountId}`;
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${lockKey}))`);
    const [live] = await tx
      .select({ n: count() })
      .from(apiKeys)
      .where(and(ownedBy, isNull(apiKeys.revokedAt)));
    if ((live?.n ?? 0) >= maxLiveApiKeys) return fail('too_many');

    const generated = generateApiKey();
    const [row] = await tx
      .insert(apiKeys)
      .values({
        workspaceId,
        accountId: workspaceId === null ? input.actorAccountId : null,
        createdByAccountId: input.actorAccountId,
        name,
        prefix: generated.prefix,
        keyHash: generated.keyHash,
        createdAt: now,
      })
      .returning({ id: apiKeys.id });
    if (!row) throw new Error('api key insert returned no row');
    await recordAudit(tx, {
      actor: `account:${input.actorAccountId}`,
      action: 'api_key.create',
      objectType: 'api_key',
      objectId: row.id,
      data: {
        name,
        prefix: generated.prefix,
        owner: workspaceId === null ? 'account' : 'workspace',
      },
      at: now,
      workspaceId,
    });
    return ok({ id: row.id, key: generated.key, prefix: generated.prefix });
  });
}
