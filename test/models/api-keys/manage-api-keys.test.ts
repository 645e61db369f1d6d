import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, maxLiveApiKeys } from '../../../models/api-keys/create-api-key.js';
import type { ApiKeyOwner } from '../../../models/api-keys/key-owner.js';
import { listApiKeys } from '../../../models/api-keys/list-api-keys.js';
import { revokeApiKey } from '../../../models/api-keys/revoke-api-key.js';
import { apiKeys } from '../../../models/api-keys/table.js';
import type { Database } from '../../../models/db.js';
import { auditLog, workspaceMembers } from '../../../models/schema.js';
import { makeAccount } from '../../factories/accounts.js';
import { makeWorkspace } from '../../factories/workspaces.js';
import { createTestDatabase } from '../../helpers/db.js';
import { manualClock } from '../../helpers/manual-clock.js';

const start = new Date('2026-12-07T10:00:00Z');
const inAMonth = new Date('2027-01-07T10:00:00Z');

describe('creating, listing and revoking API keys', () => {
  let database: Database;
  const clock = manualClock(start);

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  const proWorkspace = () => makeWorkspace(database, { plan: 'pro', planExpiresAt: inAMonth });

  async function create(owner: ApiKeyOwner, actorAccountId: string, name = 'Key') {
    clock.add(1_000);
    return createApiKey(database, { owner, actorAccountId, name }, clock);
  }

  async function mustCreate(owner: ApiKeyOwner, actorAccountId: string, name = 'Key') {
    const created = await create(owner, actorAccountId, name);
    if (!created.ok) throw new Error(`key not created: ${created.code}`);
    return created.value;
  }

  async function auditOf(keyIds: string[]) {
    return database.withSystem('test: read audit', (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.objectType, 'api_key'), inArray(auditLog.objectId, keyIds)))
        .orderBy(auditLog.at),
    );
  }

  it('lets a Pro owner create a workspace key, audited without the secret', async () => {
    const ws = await proWorkspace();
    const made = await mustCreate(
      { workspaceId: ws.workspaceId },
      ws.ownerAccountId,
      '  CRM sync ',
    );
    const listed = await listApiKeys(
      database,
      { owner: { workspaceId: ws.workspaceId }, actorAccountId: ws.ownerAccountId },
      clock,
    );
    expect(listed).toEqual({
      ok: true,
      value: {
        planAllows: true,
        keys: [
          {
            id: made.id,
            name: 'CRM sync',
            prefix: made.prefix,
            createdAt: clock.now(),
            lastUsedAt: null,
            revokedAt: null,
          },
        ],
      },
    });
    const audit = await auditOf([made.id]);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'api_key.create',
      actor: `account:${ws.ownerAccountId}`,
      workspaceId: ws.workspaceId,
      data: { name: 'CRM sync', prefix: made.prefix, owner: 'workspace' },
    });
    expect(JSON.stringify(audit)).not.toContain(made.key.slice(`lsk_live_${made.prefix}_`.length));
  });

  it('refuses workspace keys on Free, to managers and to strangers', async () => {
    const free = await makeWorkspace(database);
    expect(await create({ workspaceId: free.workspaceId }, free.ownerAccountId)).toEqual({
      ok: false,
      code: 'plan',
    });
    expect(
      await listApiKeys(
        database,
        { owner: { workspaceId: free.workspaceId }, actorAccountId: free.ownerAccountId },
        clock,
      ),
    ).toEqual({ ok: true, value: { keys: [], planAllows: false } });
    const expired = await makeWorkspace(database, { plan: 'pro', planExpiresAt: start });
    expect(await create({ workspaceId: expired.workspaceId }, expired.ownerAccountId)).toEqual({
      ok: false,
      code: 'plan',
    });

    const pro = await proWorkspace();
    const manager = await makeAccount(database);
    await database.withSystem('test: add manager', (tx) =>
      tx
        .insert(workspaceMembers)
        .values({ workspaceId: pro.workspaceId, accountId: manager.id, role: 'manager' }),
    );
    const stranger = await makeAccount(database);
    for (const actor of [manager.id, stranger.id]) {
      expect(await create({ workspaceId: pro.workspaceId }, actor)).toEqual({
        ok: false,
        code: 'forbidden',
      });
      expect(
        await listApiKeys(
          database,
          { owner: { workspaceId: pro.workspaceId }, actorAccountId: actor },
          clock,
        ),
      ).toEqual({ ok: false, code: 'forbidden' });
    }
  });

  it('lets an advertiser create keys for their own account only (any plan)', async () => {
    const advertiser = await makeAccount(database);
    const other = await makeAccount(database);
    const made = await mustCreate({ accountId: advertiser.id }, advertiser.id, 'Script');
    expect(await create({ accountId: advertiser.id }, other.id)).toEqual({
      ok: false,
      code: 'forbidden',
    });
    const [row] = await database.withSystem('test: read key', (tx) =>
      tx.select().from(apiKeys).where(eq(apiKeys.id, made.id)),
    );
    expect(row).toMatchObject({ accountId: advertiser.id, workspaceId: null });
    expect((await auditOf([made.id]))[0]).toMatchObject({
      workspaceId: null,
      data: { owner: 'account' },
    });
  });

  it('accepts names of 1–60 characters after trimming, nothing else', async () => {
    const advertiser = await makeAccount(database);
    const owner = { accountId: advertiser.id };
    for (const name of ['', '   ', 'x'.repeat(61), 'two\nlines', 'tab\there']) {
      expect(await create(owner, advertiser.id, name)).toEqual({ ok: false, code: 'name_invalid' });
    }
    await mustCreate(owner, advertiser.id, 'y'.repeat(60));
    await mustCreate(owner, advertiser.id, ` ${'🔑'.repeat(60)} `);
    const listed = await listApiKeys(database, { owner, actorAccountId: advertiser.id }, clock);
    expect(listed.ok && listed.value.keys.map((k) => k.name).sort()).toEqual(
      ['y'.repeat(60), '🔑'.repeat(60)].sort(),
    );
  });

  it(`keeps at most ${maxLiveApiKeys} live keys per owner; a revoked one frees a place`, async () => {
    const ws = await proWorkspace();
    const owner = { workspaceId: ws.workspaceId };
    const made = await Promise.all(
      Array.from({ length: maxLiveApiKeys + 2 }, (_, i) =>
        create(owner, ws.ownerAccountId, `k${i}`),
      ),
    );
    expect(made.filter((r) => r.ok)).toHaveLength(maxLiveApiKeys);
    expect(made.filter((r) => !r.ok && r.code === 'too_many')).toHaveLength(2);
    const first = made.find((r) => r.ok);
    if (!first?.ok) throw new Error('no key');
    await revokeApiKey(
      database,
      { owner, actorAccountId: ws.ownerAccountId, keyId: first.value.id },
      clock,
    );
    expect((await create(owner, ws.ownerAccountId, 'again')).ok).toBe(true);
    expect(await create(owner, ws.ownerAccountId, 'one more')).toEqual({
      ok: false,
      code: 'too_many',
    });
  });

  it('revokes idempotently with one audit row, and lists live keys first', async () => {
    const ws = await proWorkspace();
    const owner = { workspaceId: ws.workspaceId };
    const older = await mustCreate(owner, ws.ownerAccountId, 'older');
    const revoked = await mustCreate(owner, ws.ownerAccountId, 'revoked');
    const newer = await mustCreate(owner, ws.ownerAccountId, 'newer');
    const input = { owner, actorAccountId: ws.ownerAccountId, keyId: revoked.id };
    const first = await revokeApiKey(database, input, clock);
    const revokedAt = clock.now();
    clock.add(5_000);
    const second = await revokeApiKey(database, input, clock);
    expect(first).toMatchObject({ ok: true, value: { changed: true, revokedAt } });
    expect(second).toMatchObject({ ok: true, value: { changed: false, revokedAt } });
    const audit = await auditOf([revoked.id]);
    expect(audit.map((a) => a.action)).toEqual(['api_key.create', 'api_key.revoke']);
    expect(audit[1]).toMatchObject({
      actor: `account:${ws.ownerAccountId}`,
      workspaceId: ws.workspaceId,
    });

    const listed = await listApiKeys(database, { owner, actorAccountId: ws.ownerAccountId }, clock);
    expect(listed.ok && listed.value.keys.map((k) => [k.name, k.revokedAt])).toEqual([
      ['newer', null],
      ['older', null],
      ['revoked', revokedAt],
    ]);
    expect(newer.id).not.toBe(older.id);
  });

  /** A key holder of each kind: who owns the keys, who acts, and the scope the app reads them in. */
  const holders = {
    workspace: async () => {
      const ws = await proWorkspace();
      return {
        owner: { workspaceId: ws.workspaceId },
        actor: ws.ownerAccountId,
        scope: { workspaceId: ws.workspaceId, accountId: ws.ownerAccountId },
      };
    },
    advertiser: async () => {
      const { id } = await makeAccount(database);
      return { owner: { accountId: id }, actor: id, scope: { accountId: id } };
    },
  };

  it.each(['workspace', 'advertiser'] as const)(
    'hides one %s’s keys from another (RLS): in lists, revocation and raw reads',
    async (kind) => {
      const first = await holders[kind]();
      const second = await holders[kind]();
      const theirs = await mustCreate(first.owner, first.actor, 'theirs');
      const mine = await mustCreate(second.owner, second.actor, 'mine');

      const listed = await listApiKeys(
        database,
        { owner: second.owner, actorAccountId: second.actor },
        clock,
      );
      expect(listed.ok && listed.value.keys.map((k) => k.name)).toEqual(['mine']);
      expect(
        await revokeApiKey(
          database,
          { owner: second.owner, actorAccountId: second.actor, keyId: theirs.id },
          clock,
        ),
      ).toEqual({ ok: false, code: 'not_found' });
      const raw = await database.withScope(second.scope, (tx) =>
        tx.select({ id: apiKeys.id }).from(apiKeys),
      );
      expect(raw.map((r) => r.id)).toEqual([mine.id]);
    },
  );
});
