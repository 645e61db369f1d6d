import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSystemClock } from '../../../models/clock.js';
import type { Database } from '../../../models/db.js';
import { ensureAccount } from '../../../models/accounts/ensure-account.js';
import { canPerform } from '../../../models/workspaces/permissions.js';
import { ensureOwnerWorkspace } from '../../../models/workspaces/ensure-owner-workspace.js';
import { membershipsOf } from '../../../models/workspaces/access.js';
import { createTestDatabase } from '../../helpers/db.js';

describe('ensureOwnerWorkspace', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('creates one owner workspace per account, even when asked concurrently', async () => {
    const account = await database.withScope({}, (tx) =>
      ensureAccount(
        tx,
        { telegramId: 4242, username: undefined, firstName: 'Olga', language: 'ru' },
        createSystemClock(),
      ),
    );
    const results = await Promise.all(
      [1, 2, 3].map(() => ensureOwnerWorkspace(database, account.id)),
    );
    expect(new Set(results.map((r) => r.workspaceId)).size).toBe(1);
    expect(results[0]).toMatchObject({ role: 'owner', plan: 'free', ownerAccountId: account.id });
    const memberships = await database.withScope({ accountId: account.id }, (tx) =>
      membershipsOf(tx, account.id),
    );
    expect(memberships).toHaveLength(1);
  });

  it('lets managers do everything but remove channels, manage members and payouts', () => {
    expect(canPerform('manager', 'channels.edit')).toBe(true);
    expect(canPerform('manager', 'slots.edit')).toBe(true);
    expect(canPerform('manager', 'channels.remove')).toBe(false);
    expect(canPerform('manager', 'members.manage')).toBe(false);
    expect(canPerform('manager', 'payouts.manage')).toBe(false);
    expect(canPerform('owner', 'channels.remove')).toBe(true);
  });
});
