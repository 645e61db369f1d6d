import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAccount } from '../../../models/accounts/ensure-account.js';
import { updateChannelSettings } from '../../../models/selling/update-settings.js';
import { createTestClock } from '../../../models/clock.js';
import type { Database } from '../../../models/db.js';
import { workspaceInvites } from '../../../models/schema.js';
import { channelAccess } from '../../../models/workspaces/access.js';
import { ensureOwnerWorkspace } from '../../../models/workspaces/ensure-owner-workspace.js';
import {
  acceptInvite,
  createInvite,
  inviteLifetimeMs,
} from '../../../models/workspaces/invites.js';
import { listMembers, revokeMember } from '../../../models/workspaces/members.js';
import { createTestDatabase } from '../../helpers/db.js';
import { makeChannel } from '../../factories/channels.js';

const clock = createTestClock();
let database: Database;
let telegramId = 880_000;
let ownerId: string;
let workspaceId: string;
let channelId: string;

async function account(): Promise<string> {
  // Captured now: the callback below runs later, after other calls may have moved the counter.
  const id = (telegramId += 1);
  const row = await database.withScope({}, (tx) =>
    ensureAccount(
      tx,
      { telegramId: id, username: undefined, firstName: `U${id}`, language: 'en' },
      clock,
    ),
  );
  return row.id;
}

async function invite(): Promise<string> {
  const created = await createInvite(database, { accountId: ownerId }, clock);
  if (!created.ok) throw new Error(created.code);
  return created.value.code;
}

beforeAll(async () => {
  database = await createTestDatabase();
  ownerId = await account();
  workspaceId = (await ensureOwnerWorkspace(database, ownerId)).workspaceId;
  // Registered, not yet reviewed or set up.
  const channel = await makeChannel(database, {
    workspaceId,
    title: 'Olga Travels',
    status: 'pending_review',
    subscribers: 0,
    settings: null,
  });
  channelId = channel.id;
});

afterAll(async () => {
  await database?.close();
});

describe('invites', () => {
  it('creates unguessable one-time codes that expire in 7 days', async () => {
    const a = await createInvite(database, { accountId: ownerId }, clock);
    const b = await createInvite(database, { accountId: ownerId }, clock);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.value.code).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(a.value.code).not.toBe(b.value.code);
    expect(a.value.expiresAt.getTime() - clock.now().getTime()).toBeGreaterThan(
      inviteLifetimeMs - 5000,
    );
  });

  it('makes the first person a manager who can edit; the code cannot be used again', async () => {
    const code = await invite();
    const manager = await account();
    const accepted = await acceptInvite(database, { accountId: manager, code }, clock);
    expect(accepted).toMatchObject({ ok: true, value: { workspaceId } });
    expect(accepted.ok && accepted.value.notify.map((n) => n.telegramId)).toHaveLength(1);
    expect(await channelAccess(database, manager, channelId)).toMatchObject({ role: 'manager' });
    const edit = await updateChannelSettings(
      database,
      { accountId: manager, channelId, change: { field: 'price', format: '1/24', value: 100_00 } },
      clock,
    );
    expect(edit.ok).toBe(true);
    expect(await acceptInvite(database, { accountId: await account(), code }, clock)).toEqual({
      ok: false,
      code: 'used',
    });
    expect(
      await acceptInvite(database, { accountId: manager, code: await invite() }, clock),
    ).toEqual({
      ok: false,
      code: 'already_member',
    });
  });

  it('answers unknown, own-workspace and expired codes', async () => {
    const someone = await account();
    expect(
      await acceptInvite(database, { accountId: someone, code: 'x'.repeat(24) }, clock),
    ).toEqual({
      ok: false,
      code: 'unknown',
    });
    expect(
      await acceptInvite(database, { accountId: someone, code: "'; drop table x" }, clock),
    ).toEqual({
      ok: false,
      code: 'unknown',
    });
    expect(
      await acceptInvite(database, { accountId: ownerId, code: await invite() }, clock),
    ).toEqual({
      ok: false,
      code: 'own_workspace',
    });
    const code = await invite();
    const later = createTestClock(clock.offsetMs() + inviteLifetimeMs + 60_000);
    expect(await acceptInvite(database, { accountId: someone, code }, later)).toEqual({
      ok: false,
      code: 'expired',
    });
  });

  it('lets exactly one of many people redeem the same code at once', async () => {
    const code = await invite();
    const people = await Promise.all([1, 2, 3, 4, 5].map(() => account()));
    const results = await Promise.all(
      people.map((accountId) => acceptInvite(database, { accountId, code }, clock)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual([
      'used',
      'used',
      'used',
      'used',
    ]);
    const [row] = await database.withSystem('test: read invite', (tx) =>
      tx.select().from(workspaceInvites).where(eq(workspaceInvites.code, code)),
    );
    const winner = people[results.findIndex((r) => r.ok)];
    expect(row?.usedByAccountId).toBe(winner);
  });
});

describe('members', () => {
  it('lists members, and a revoked manager loses access at once', async () => {
    const manager = await account();
    await acceptInvite(database, { accountId: manager, code: await invite() }, clock);
    const listed = await listMembers(database, { accountId: ownerId });
    expect(listed.ok && listed.value.members[0]?.role).toBe('owner');
    expect(listed.ok && listed.value.members.some((m) => m.accountId === manager)).toBe(true);

    // A manager's members screen is their own workspace: they cannot touch the owner's.
    const managersOwn = await listMembers(database, { accountId: manager });
    expect(managersOwn.ok && managersOwn.value.workspaceId).not.toBe(workspaceId);
    expect(
      await revokeMember(database, { accountId: manager, memberAccountId: ownerId }, clock),
    ).toMatchObject({
      ok: false,
    });

    expect(
      await revokeMember(database, { accountId: ownerId, memberAccountId: ownerId }, clock),
    ).toEqual({
      ok: false,
      code: 'is_owner',
    });
    const revoked = await revokeMember(
      database,
      { accountId: ownerId, memberAccountId: manager },
      clock,
    );
    expect(revoked.ok).toBe(true);
    expect(await channelAccess(database, manager, channelId)).toBeUndefined();
    expect(
      await updateChannelSettings(
        database,
        { accountId: manager, channelId, change: { field: 'whitelistOnly', value: true } },
        clock,
      ),
    ).toEqual({ ok: false, code: 'not_found' });
  });
});
