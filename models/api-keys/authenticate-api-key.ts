import { timingSafeEqual } from 'node:crypto';
import { and, eq, inArray, isNotNull, isNull, lte, or } from 'drizzle-orm';
import { accounts } from '../accounts/table.js';
import type { Clock } from '../clock.js';
import type { Database, Tx } from '../db.js';
import { planAllows, effectivePlan } from '../workspaces/plan-limits.js';
import { workspaces } from '../workspaces/table.js';
import { hashApiKey, parseApiKey } from './key-format.js';
import { apiKeys } from './table.js';

/** Whom a valid key acts for: an owner's workspace or an advertiser's account. */
export type ApiKeyScope =
  | { kind: 'workspace'; workspaceId: string; keyId: string }
  | { kind: 'account'; accountId: string; keyId: string };

/** last_used_at is written at most this often per key. */
export const apiKeyLastUsedResolutionMs = 60_000;

/** Compared against when no row has the prefix, so both paths hash and compare. */
const absentHash = hashApiKey('');

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

async function anyBlocked(tx: Tx, accountIds: string[]): Promise<boolean> {
  const rows = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(inArray(accounts.id, accountIds), isNotNull(accounts.blockedAt)))
    .limit(1);
  return rows.length > 0;
}

async function touchLastUsed(tx: Tx, keyId: string, now: Date): Promise<void> {
  const staleBefore = new Date(now.getTime() - apiKeyLastUsedResolutionMs);
  await tx
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiKeys.id, keyId),
        or(isNull(apiKeys.lastUsedAt), lte(apiKeys.lastUsedAt, staleBefore)),
      ),
    );
}

/**
 * The scope a presented `lsk_live_<prefix>_<secret>` key acts for, or undefined: malformed (no
 * query), unknown, hash mismatch (constant-time), revoked, creator or holder blocked, or a
 * workspace whose plan in force no longer allows keys. Read on every request (no cache), so a
 * revocation takes effect at once; marks the key used at most once a minute.
 */
export async function authenticateApiKey(
  database: Database,
  presented: string,
  clock: Clock,
): Promise<ApiKeyScope | undefined> {
  const parsed = parseApiKey(presented);
  if (!parsed) return undefined;
  const presentedHash = hashApiKey(presented);
  return database.withSystem('api key lookup', async (tx) => {
    const rows = await tx
      .select({
        id: apiKeys.id,
        keyHash: apiKeys.keyHash,
        workspaceId: apiKeys.workspaceId,
        accountId: apiKeys.accountId,
        createdByAccountId: apiKeys.createdByAccountId,
        revokedAt: apiKeys.revokedAt,
        lastUsedAt: apiKeys.lastUsedAt,
        plan: workspaces.plan,
        planExpiresAt: workspaces.planExpiresAt,
        workspaceOwnerId: workspaces.ownerAccountId,
      })
      .from(apiKeys)
      .leftJoin(workspaces, eq(workspaces.id, apiKeys.workspaceId))
      .where(eq(apiKeys.prefix, parsed.prefix))
      .limit(1);
    const row = rows[0];
    const matches = sameHash(row?.keyHash ?? absentHash, presentedHash);
    if (!row || !matches || row.revokedAt !== null) return undefined;

    const now = clock.now();
    const holderId = row.accountId ?? row.workspaceOwnerId;
    if (!holderId) return undefined;
    if (await anyBlocked(tx, [holderId, row.createdByAccountId])) return undefined;

    let scope: ApiKeyScope;
    if (row.workspaceId !== null) {
      const plan = row.plan ? effectivePlan(row.plan, row.planExpiresAt, now) : 'free';
      if (!planAllows(plan, 'api_keys')) return undefined;
      scope = { kind: 'workspace', workspaceId: row.workspaceId, keyId: row.id };
    } else if (row.accountId !== null) {
      scope = { kind: 'account', accountId: row.accountId, keyId: row.id };
    } else {
      return undefined;
    }
    // Most requests find the mark fresh and write nothing (the UPDATE re-checks, for races).
    const fresh =
      row.lastUsedAt !== null &&
      now.getTime() - row.lastUsedAt.getTime() < apiKeyLastUsedResolutionMs;
    if (!fresh) await touchLastUsed(tx, row.id, now);
    return scope;
  });
}
