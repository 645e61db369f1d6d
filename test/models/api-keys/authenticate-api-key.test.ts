import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { authenticateApiKey } from '../../../models/api-keys/authenticate-api-key.js';
import { createApiKey } from '../../../models/api-keys/create-api-key.js';
import { revokeApiKey } from '../../../models/api-keys/revoke-api-key.js';
import { apiKeys } from '../../../models/api-keys/table.js';
import type { Database } from '../../../models/db.js';
import { accounts, workspaces } from '../../../models/schema.js';
import { makeAccount } from '../../factories/accounts.js';
import { makeWorkspace } from '../../factories/workspaces.js';
import { createTestDatabase } from '../../helpers/db.js';
import { manualClock } from '../../helpers/manual-clock.js';

const keyFormat = /^lsk_live_([a-z0-9]{10})_([A-Za-z0-9_-]{43})$/;
const start = new Date('2026-12-07T10:00:00Z');
const inAMonth = new Date('2027-01-07T10:00:00Z');

describe('authenticateApiKey', () => {
  let database: Database;
  const clock = manualClock(start);

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  async function proWorkspaceKey(planExpiresAt: Date | null = inAMonth) {
    const ws = await makeWorkspace(database, { plan: 'pro', planExpiresAt });
    const created = await createApiKey(
      database,
      { owner: { workspaceId: ws.workspaceId }, actorAccountId: ws.ownerAccountId, name: 'CRM' },
      clock,
    );
    if (!created.ok) throw new Error(`key not created: ${created.code}`);
    return { ...ws, ...created.value };
  }

  async function advertiserKey() {
    const account = await makeAccount(database);
    const created = await createApiKey(
      database,
      { owner: { accountId: account.id }, actorAccountId: account.id, name: 'Ads script' },
      clock,
    );
    if (!created.ok) throw new Error(`key not created: ${created.code}`);
    return { accountId: account.id, ...created.value };
  }

  async function keyRow(id: string) {
    const [row] = await database.withSystem('test: read api key', (tx) =>
      tx.select().from(apiKeys).where(eq(apiKeys.id, id)),
    );
    if (!row) throw new Error('no key row');
    return row;
  }

  it('issues lsk_live_<prefix>_<secret> and stores only its sha256', async () => {
    const made = await proWorkspaceKey();
    const match = keyFormat.exec(made.key);
    expect(match?.[1]).toBe(made.prefix);
    const secret = match?.[2] ?? '';
    const row = await keyRow(made.id);
    expect(row.keyHash).toBe(createHash('sha256').update(made.key).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(await authenticateApiKey(database, made.key, clock)).toEqual({
      kind: 'workspace',
      workspaceId: made.workspaceId,
      keyId: made.id,
    });
  });

  it('authenticates an advertiser key as its account', async () => {
    const made = await advertiserKey();
    expect(await authenticateApiKey(database, made.key, clock)).toEqual({
      kind: 'account',
      accountId: made.accountId,
      keyId: made.id,
    });
  });

  it('refuses malformed keys without asking the database', async () => {
    const made = await advertiserKey();
    const lookups = vi.spyOn(database, 'withSystem');
    for (const presented of [
      '',
      made.key.slice(0, -1),
      `${made.key}x`,
      made.key.replace('lsk_live_', 'lsk_test_'),
      made.key.toUpperCase(),
      ` ${made.key}`,
      `Bearer ${made.key}`,
    ]) {
      expect(await authenticateApiKey(database, presented, clock)).toBeUndefined();
    }
    expect(lookups).not.toHaveBeenCalled();
    lookups.mockRestore();
  });

  it('refuses a wrong secret behind a real prefix, and an unknown prefix', async () => {
    // Both paths hash the presented key and compare with timingSafeEqual (models/api-keys/
    // authenticate-api-key.ts); test files share their process (no module mocks), so this checks
    // the outcome, not the call.
    const made = await advertiserKey();
    const last = made.key.at(-1) === 'A' ? 'B' : 'A';
    const forged = `${made.key.slice(0, -1)}${last}`;
    expect(await authenticateApiKey(database, forged, clock)).toBeUndefined();
    const unknownPrefix = made.key.replace(made.prefix, 'zzzzzzzzzz');
    expect(await authenticateApiKey(database, unknownPrefix, clock)).toBeUndefined();
    expect(await authenticateApiKey(database, made.key, clock)).toBeDefined();
  });

  it('refuses a revoked key on the very next request', async () => {
    const made = await proWorkspaceKey();
    expect(await authenticateApiKey(database, made.key, clock)).toBeDefined();
    const revoked = await revokeApiKey(
      database,
      {
        owner: { workspaceId: made.workspaceId },
        actorAccountId: made.ownerAccountId,
        keyId: made.id,
      },
      clock,
    );
    expect(revoked.ok).toBe(true);
    expect(await authenticateApiKey(database, made.key, clock)).toBeUndefined();
  });

  it('refuses keys of a blocked advertiser and of a blocked workspace owner', async () => {
    const advertiser = await advertiserKey();
    const owner = await proWorkspaceKey();
    await database.withSystem('test: block accounts', (tx) =>
      tx
        .update(accounts)
        .set({ blockedAt: start, blockedReason: 'spam' })
        .where(eq(accounts.id, advertiser.accountId)),
    );
    await database.withSystem('test: block accounts', (tx) =>
      tx
        .update(accounts)
        .set({ blockedAt: start, blockedReason: 'spam' })
        .where(eq(accounts.id, owner.ownerAccountId)),
    );
    expect(await authenticateApiKey(database, advertiser.key, clock)).toBeUndefined();
    expect(await authenticateApiKey(database, owner.key, clock)).toBeUndefined();
  });

  it('refuses a workspace key once Pro has expired, and again accepts it after a renewal', async () => {
    const expiresAt = new Date(clock.now().getTime() + 60 * 60_000);
    const made = await proWorkspaceKey(expiresAt);
    expect(await authenticateApiKey(database, made.key, clock)).toBeDefined();
    const later = manualClock(new Date(expiresAt.getTime() + 1));
    expect(await authenticateApiKey(database, made.key, later)).toBeUndefined();
    await database.withSystem('test: renew pro', (tx) =>
      tx
        .update(workspaces)
        .set({ planExpiresAt: inAMonth })
        .where(eq(workspaces.id, made.workspaceId)),
    );
    expect(await authenticateApiKey(database, made.key, later)).toBeDefined();
  });

  it('writes last_used_at at most once a minute', async () => {
    const made = await advertiserKey();
    const own = manualClock(start);
    expect((await keyRow(made.id)).lastUsedAt).toBeNull();
    await authenticateApiKey(database, made.key, own);
    expect((await keyRow(made.id)).lastUsedAt).toEqual(start);
    own.add(59_000);
    await authenticateApiKey(database, made.key, own);
    expect((await keyRow(made.id)).lastUsedAt).toEqual(start);
    own.add(1_000);
    await authenticateApiKey(database, made.key, own);
    expect((await keyRow(made.id)).lastUsedAt).toEqual(new Date(start.getTime() + 60_000));
  });
});
