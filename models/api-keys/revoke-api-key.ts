import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { isUuid } from '../uuid.js';
import { keyOwnerAccess, type ApiKeyOwner } from './key-owner.js';
import { apiKeys } from './table.js';

export interface RevokedApiKey {
  id: string;
  name: string;
  prefix: string;
  revokedAt: Date;
  /** False when the key was already revoked (nothing changed, no audit row). */
  changed: boolean;
}

/**
 * Revokes one of the owner's keys: the next request with it is refused (authenticateApiKey reads
 * the row every time). Idempotent; the first revocation is audited in the same transaction.
 */
export async function revokeApiKey(
  database: Database,
  input: { owner: ApiKeyOwner; actorAccountId: string; keyId: string },
  clock: Clock,
): Promise<Result<RevokedApiKey, 'forbidden' | 'not_found'>> {
  if (!isUuid(input.keyId)) return fail('not_found');
  const access = await keyOwnerAccess(database, input.owner, input.actorAccountId);
  if (!access.ok) return access;
  const { scope, ownedBy, workspaceId } = access.value;
  const now = clock.now();
  return database.withScope(scope, async (tx) => {
    const [key] = await tx
      .select({
        id: apiKeys.id,
        name: apiKeys.name,
        prefix: apiKeys.prefix,
        revokedAt: apiKeys.revokedAt,
      })
      .from(apiKeys)
      .where(and(eq(apiKeys.id, input.keyId), ownedBy))
      .for('update')
      .limit(1);
    if (!key) return fail('not_found');
    if (key.revokedAt !== null) return ok({ ...key, revokedAt: key.revokedAt, changed: false });
    await tx.update(apiKeys).set({ revokedAt: now }).where(eq(apiKeys.id, key.id));
    await recordAudit(tx, {
      actor: `account:${input.actorAccountId}`,
      action: 'api_key.revoke',
      objectType: 'api_key',
      objectId: key.id,
      data: { name: key.name, prefix: key.prefix },
      at: now,
      workspaceId,
    });
    return ok({ ...key, revokedAt: now, changed: true });
  });
}
