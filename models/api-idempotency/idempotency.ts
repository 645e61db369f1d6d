import { createHash } from 'node:crypto';
import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { Database, Tx } from '../db.js';
import { apiIdempotency } from './table.js';

/** How long a response is replayed to a retry with the same Idempotency-Key. */
export const idempotencyWindowMs = 24 * 3_600_000;

/** How long a running request holds its key before a retry may take it over (its process died). */
export const idempotencyLockMs = 60_000;

/** Idempotency-Key: 1–255 printable ASCII characters (a UUID, say). */
export const idempotencyKeyPattern = /^[\x21-\x7e]{1,255}$/;

/** Whose key: the scope its requests run under (row-level security isolates them). */
export type IdempotencyOwner = { workspaceId: string } | { accountId: string };

/** What a request is, for telling a retry from a different request under the same key. */
export interface RequestFingerprint {
  method: string;
  /** The path with its query string. */
  path: string;
  /** The parsed JSON body (undefined for none); object keys are compared in any order. */
  body: unknown;
}

/** What to do with a write that carries an Idempotency-Key. */
export type IdempotencyClaim =
  /** Run it: the key is now held by this request until `completeIdempotentRequest`. */
  | { kind: 'run' }
  /** Answer with what the first request got. */
  | { kind: 'replay'; statusCode: number; body: unknown }
  /** The key was used with another request within 24 hours: 422. */
  | { kind: 'mismatch' }
  /** The first request with this key is still running: 409, try again shortly. */
  | { kind: 'in_progress'; retryAfterSeconds: number };

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` fingerprint alike. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** sha256 of the method, the path and the canonical body. */
export function fingerprintRequest(request: RequestFingerprint): string {
  return createHash('sha256')
    .update(`${request.method.toUpperCase()} ${request.path}\n${canonical(request.body)}`)
    .digest('hex');
}

const scopeOf = (owner: IdempotencyOwner) =>
  'workspaceId' in owner ? { workspaceId: owner.workspaceId } : { accountId: owner.accountId };

const keyIs = (keyId: string, idempotencyKey: string) =>
  and(eq(apiIdempotency.keyId, keyId), eq(apiIdempotency.idempotencyKey, idempotencyKey));

/**
 * Claims an Idempotency-Key for a write: the first request (or one after 24 hours, or one taking
 * over from a request whose process died) runs; a retry with the same request gets the stored
 * response; the same key with another request is a mismatch. Concurrent retries race on the
 * primary key: exactly one runs.
 */
export async function claimIdempotencyKey(
  database: Database,
  owner: IdempotencyOwner,
  input: { keyId: string; idempotencyKey: string; requestHash: string },
  clock: Clock,
): Promise<IdempotencyClaim> {
  const now = clock.now();
  const lockedUntil = new Date(now.getTime() + idempotencyLockMs);
  return database.withScope(scopeOf(owner), async (tx) => {
    const inserted = await tx
      .insert(apiIdempotency)
      .values({
        keyId: input.keyId,
        idempotencyKey: input.idempotencyKey,
        ...scopeOf(owner),
        requestHash: input.requestHash,
        lockedUntil,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ keyId: apiIdempotency.keyId });
    if (inserted.length > 0) return { kind: 'run' };

    const [row] = await tx
      .select()
      .from(apiIdempotency)
      .where(keyIs(input.keyId, input.idempotencyKey))
      .for('update');
    // Gone between the insert and the read (purged or released): the caller may simply retry.
    if (!row) return { kind: 'in_progress', retryAfterSeconds: 1 };
    const expired = row.createdAt.getTime() + idempotencyWindowMs <= now.getTime();
    const abandoned = row.statusCode === null && (row.lockedUntil?.getTime() ?? 0) <= now.getTime();
    if (expired || (abandoned && row.requestHash === input.requestHash)) {
      await takeOver(tx, input, lockedUntil, now);
      return { kind: 'run' };
    }
    if (row.requestHash !== input.requestHash) return { kind: 'mismatch' };
    if (row.statusCode === null) {
      const left = (row.lockedUntil?.getTime() ?? now.getTime()) - now.getTime();
      return { kind: 'in_progress', retryAfterSeconds: Math.max(1, Math.ceil(left / 1000)) };
    }
    return { kind: 'replay', statusCode: row.statusCode, body: row.responseBody };
  });
}

/** A fresh start for a key whose window ended or whose first request died mid-way. */
async function takeOver(
  tx: Tx,
  input: { keyId: string; idempotencyKey: string; requestHash: string },
  lockedUntil: Date,
  now: Date,
): Promise<void> {
  await tx
    .update(apiIdempotency)
    .set({
      requestHash: input.requestHash,
      statusCode: null,
      responseBody: null,
      lockedUntil,
      createdAt: now,
    })
    .where(keyIs(input.keyId, input.idempotencyKey));
}

/** Stores the response a claimed request got, for retries to replay. */
export async function completeIdempotentRequest(
  database: Database,
  owner: IdempotencyOwner,
  input: IdempotentResponse,
): Promise<void> {
  await database.withScope(scopeOf(owner), (tx) =>
    tx
      .update(apiIdempotency)
      .set({ statusCode: input.statusCode, responseBody: input.body ?? null, lockedUntil: null })
      .where(keyIs(input.keyId, input.idempotencyKey)),
  );
}

export interface IdempotentResponse {
  keyId: string;
  idempotencyKey: string;
  statusCode: number;
  body: unknown;
}

/**
 * Stores the response in the caller's transaction (which must see the key's owner), only while the
 * key is still running: a write that commits its rows and its response together never runs twice
 * for one key. False when another request completed the key first (a takeover after the lock
 * lapsed): the caller must roll back.
 */
export async function completeIdempotentRequestInTx(
  tx: Tx,
  input: IdempotentResponse,
): Promise<boolean> {
  const stored = await tx
    .update(apiIdempotency)
    .set({ statusCode: input.statusCode, responseBody: input.body ?? null, lockedUntil: null })
    .where(and(keyIs(input.keyId, input.idempotencyKey), isNull(apiIdempotency.statusCode)))
    .returning({ keyId: apiIdempotency.keyId });
  return stored.length > 0;
}

/**
 * Gives a claimed key back when its request failed on our side (a 5xx): nothing is stored, so a
 * retry runs again instead of replaying the failure.
 */
export async function releaseIdempotencyKey(
  database: Database,
  owner: IdempotencyOwner,
  input: { keyId: string; idempotencyKey: string },
): Promise<void> {
  await database.withScope(scopeOf(owner), (tx) =>
    tx
      .delete(apiIdempotency)
      .where(and(keyIs(input.keyId, input.idempotencyKey), isNull(apiIdempotency.statusCode))),
  );
}

/** Deletes the keys whose 24 hours are over (the housekeeping job); returns how many. */
export async function purgeIdempotencyKeys(database: Database, clock: Clock): Promise<number> {
  const before = new Date(clock.now().getTime() - idempotencyWindowMs);
  const deleted = await database.withSystem('purge expired idempotency keys', (tx) =>
    tx
      .delete(apiIdempotency)
      .where(lt(apiIdempotency.createdAt, before))
      .returning({ keyId: apiIdempotency.keyId }),
  );
  return deleted.length;
}
