import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../../models/audit/record-audit.js';
import type { Database } from '../../../models/db.js';
import { auditLog } from '../../../models/schema.js';
import { createTestDatabase } from '../../helpers/db.js';
import { type Tenant, makeTenant } from '../../factories/channels.js';
import { pgErrorCode } from '../../helpers/pg-error.js';

let database: Database;
let a: Tenant;
let b: Tenant;
const at = new Date('2026-03-01T10:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  a = await makeTenant(database, { title: 'A channel' });
  b = await makeTenant(database, { title: 'B channel' });
});

afterAll(async () => {
  await database?.close();
});

describe('recordAudit', () => {
  it("appends rows that only the row's workspace (and app_system) can read", async () => {
    await database.withScope({ workspaceId: a.workspaceId }, (tx) =>
      recordAudit(tx, {
        actor: `account:${a.accountId}`,
        action: 'channel.paused',
        objectType: 'channel',
        objectId: a.channelId,
        data: { reason: 'holiday' },
        at,
        workspaceId: a.workspaceId,
      }),
    );
    const seenByA = await database.withScope({ workspaceId: a.workspaceId }, (tx) =>
      tx.select().from(auditLog),
    );
    const seenByB = await database.withScope({ workspaceId: b.workspaceId }, (tx) =>
      tx.select().from(auditLog),
    );
    expect(seenByA).toHaveLength(1);
    expect(seenByA[0]).toMatchObject({ action: 'channel.paused', at, data: { reason: 'holiday' } });
    expect(seenByB).toEqual([]);
  });

  it('refuses UPDATE and DELETE for app_rw and app_system', async () => {
    const scoped = { workspaceId: a.workspaceId };
    const attempts = [
      () => database.withScope(scoped, (tx) => tx.update(auditLog).set({ action: 'forged' })),
      () => database.withScope(scoped, (tx) => tx.delete(auditLog)),
      () => database.withSystem('test tamper', (tx) => tx.update(auditLog).set({ action: 'x' })),
      () => database.withSystem('test tamper', (tx) => tx.delete(auditLog)),
    ];
    for (const attempt of attempts) expect(await pgErrorCode(attempt())).toBe('42501');
    const rows = await database.withSystem('test check', (tx) =>
      tx.select().from(auditLog).where(eq(auditLog.action, 'channel.paused')),
    );
    expect(rows).toHaveLength(1);
  });

  it('keeps rows intact even against the owning login role', async () => {
    // The owner is no superuser (PGlite neither): FORCE RLS and the restrictive policy hide every row.
    expect(await database.db.update(auditLog).set({ action: 'forged' }).returning()).toEqual([]);
    expect(await database.db.delete(auditLog).returning()).toEqual([]);
    const rows = await database.withSystem('test check', (tx) =>
      tx.select().from(auditLog).where(eq(auditLog.action, 'channel.paused')),
    );
    expect(rows).toHaveLength(1);
  });
});
