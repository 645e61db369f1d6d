import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  claimIdempotencyKey,
  completeIdempotentRequest,
  fingerprintRequest,
  idempotencyLockMs,
  idempotencyWindowMs,
  purgeIdempotencyKeys,
  releaseIdempotencyKey,
  type IdempotencyOwner,
} from '../../../models/api-idempotency/idempotency.js';
import type { Database } from '../../../models/db.js';
import { apiIdempotency, apiKeys } from '../../../models/schema.js';
import { makeWorkspace } from '../../factories/workspaces.js';
import { makeAccount } from '../../factories/accounts.js';
import { createTestDatabase } from '../../helpers/db.js';
import { manualClock } from '../../helpers/manual-clock.js';

let database: Database;
const clock = manualClock(new Date('2026-12-07T10:00:00Z'));

/** An API key row of `owner` (the hash is a placeholder: these tests never authenticate). */
async function keyOf(owner: IdempotencyOwner & { createdBy: string }): Promise<string> {
  const [row] = await database.withSystem('test: api key', (tx) =>
    tx
      .insert(apiKeys)
      .values({
        ...('workspaceId' in owner
          ? { workspaceId: owner.workspaceId }
          : { accountId: owner.accountId }),
        createdByAccountId: owner.createdBy,
        name: 'test',
        prefix: randomUUID().slice(0, 10),
        keyHash: randomUUID(),
      })
      .returning({ id: apiKeys.id }),
  );
  return row!.id;
}

const order = (slots: string[]) =>
  fingerprintRequest({ method: 'POST', path: '/v1/orders', body: { channel: 'c1', slots } });

let owner: IdempotencyOwner;
let keyId: string;
let other: IdempotencyOwner;
let otherKeyId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const a = await makeWorkspace(database, { plan: 'pro' });
  owner = { workspaceId: a.workspaceId };
  keyId = await keyOf({ ...owner, createdBy: a.ownerAccountId });
  const advertiser = await makeAccount(database);
  other = { accountId: advertiser.id };
  otherKeyId = await keyOf({ ...other, createdBy: advertiser.id });
});
afterAll(async () => {
  await database?.close();
});

describe('request fingerprints', () => {
  it('ignore the order of object keys, not the method, path or values', () => {
    const a = fingerprintRequest({ method: 'post', path: '/v1/x', body: { a: 1, b: [1, 2] } });
    expect(fingerprintRequest({ method: 'POST', path: '/v1/x', body: { b: [1, 2], a: 1 } })).toBe(
      a,
    );
    expect(
      fingerprintRequest({ method: 'POST', path: '/v1/x', body: { a: 1, b: [2, 1] } }),
    ).not.toBe(a);
    expect(
      fingerprintRequest({ method: 'PUT', path: '/v1/x', body: { a: 1, b: [1, 2] } }),
    ).not.toBe(a);
    expect(
      fingerprintRequest({ method: 'POST', path: '/v1/y', body: { a: 1, b: [1, 2] } }),
    ).not.toBe(a);
  });
});

describe('Idempotency-Key claims', () => {
  it('run once, replay the stored response to a retry, refuse the key for another request', async () => {
    const input = { keyId, idempotencyKey: 'order-1', requestHash: order(['s1']) };
    expect(await claimIdempotencyKey(database, owner, input, clock)).toEqual({ kind: 'run' });
    // A retry while the first is running.
    expect(await claimIdempotencyKey(database, owner, input, clock)).toEqual({
      kind: 'in_progress',
      retryAfterSeconds: idempotencyLockMs / 1000,
    });
    const body = { id: 'o1', status: 'held', items: [{ slot: 's1' }] };
    await completeIdempotentRequest(database, owner, { ...input, statusCode: 201, body });
    expect(await claimIdempotencyKey(database, owner, input, clock)).toEqual({
      kind: 'replay',
      statusCode: 201,
      body,
    });
    expect(
      await claimIdempotencyKey(database, owner, { ...input, requestHash: order(['s2']) }, clock),
    ).toEqual({ kind: 'mismatch' });
  });

  it('let exactly one of concurrent retries run', async () => {
    const input = { keyId, idempotencyKey: 'order-race', requestHash: order(['s3']) };
    const claims = await Promise.all(
      Array.from({ length: 6 }, () => claimIdempotencyKey(database, owner, input, clock)),
    );
    expect(claims.filter((c) => c.kind === 'run')).toHaveLength(1);
    expect(claims.filter((c) => c.kind === 'in_progress')).toHaveLength(5);
  });

  it('are taken over by the same request once a dead request’s lock ran out, never by another', async () => {
    const input = { keyId, idempotencyKey: 'order-dead', requestHash: order(['s4']) };
    expect((await claimIdempotencyKey(database, owner, input, clock)).kind).toBe('run');
    clock.add(idempotencyLockMs);
    expect(
      await claimIdempotencyKey(database, owner, { ...input, requestHash: order(['s5']) }, clock),
    ).toEqual({ kind: 'mismatch' });
    expect(await claimIdempotencyKey(database, owner, input, clock)).toEqual({ kind: 'run' });
  });

  it('are given back after a failure on our side, so the retry runs again', async () => {
    const input = { keyId, idempotencyKey: 'order-500', requestHash: order(['s6']) };
    expect((await claimIdempotencyKey(database, owner, input, clock)).kind).toBe('run');
    await releaseIdempotencyKey(database, owner, input);
    expect(await claimIdempotencyKey(database, owner, input, clock)).toEqual({ kind: 'run' });
  });

  it('last 24 hours: then the key is free for any request, and the hourly purge deletes it', async () => {
    const input = { keyId: otherKeyId, idempotencyKey: 'order-old', requestHash: order(['s7']) };
    expect(await claimIdempotencyKey(database, other, input, clock)).toEqual({ kind: 'run' });
    await completeIdempotentRequest(database, other, { ...input, statusCode: 201, body: {} });
    clock.add(idempotencyWindowMs - 1);
    expect((await claimIdempotencyKey(database, other, input, clock)).kind).toBe('replay');
    clock.add(1);
    const fresh = { ...input, requestHash: order(['s8']) };
    expect(await claimIdempotencyKey(database, other, fresh, clock)).toEqual({ kind: 'run' });
    await completeIdempotentRequest(database, other, { ...fresh, statusCode: 201, body: {} });
    clock.add(idempotencyWindowMs + 1);
    const purged = await purgeIdempotencyKeys(database, clock);
    expect(purged).toBeGreaterThanOrEqual(1);
    const left = await database.withSystem('test read', (tx) => tx.select().from(apiIdempotency));
    expect(left.filter((r) => r.idempotencyKey === 'order-old')).toEqual([]);
  });

  it('are the key owner’s only: another tenant reads none of them', async () => {
    const input = { keyId, idempotencyKey: 'order-private', requestHash: order(['s9']) };
    await claimIdempotencyKey(database, owner, input, clock);
    const seen = await database.withScope(other, (tx) => tx.select().from(apiIdempotency));
    expect(seen.every((r) => r.keyId === otherKeyId)).toBe(true);
    const mine = await database.withScope(owner, (tx) => tx.select().from(apiIdempotency));
    expect(mine.some((r) => r.idempotencyKey === 'order-private')).toBe(true);
  });
});
