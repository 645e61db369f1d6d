import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  awaitAdminReply,
  takeAdminReply,
  takeLatestAdminReply,
} from '../../../models/admin/admin-replies.js';
import {
  adminCardOf,
  adminCardRenderJob,
  decideAdminCard,
  openAdminCard,
  openAdminCardSystem,
  resolveAdminCard,
} from '../../../models/admin/cards.js';
import {
  isPreModerationOn,
  setPreModeration,
  syncModerationDefault,
} from '../../../models/moderation/moderation-policy.js';
import { recordAdminRefusal } from '../../../models/admin/refusals.js';
import type { Database } from '../../../models/db.js';
import { adminCards, auditLog } from '../../../models/schema.js';
import { adminCardRenderData } from '../../../jobs/admin-cards.js';
import { createTestDatabase } from '../../helpers/db.js';
import { makeTenant } from '../../factories/channels.js';
import { pgErrorCode } from '../../helpers/pg-error.js';

let database: Database;
const at = new Date('2031-05-01T10:00:00Z');
const admin = { telegramId: 4242, name: 'Ada Admin' };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

/** The data of every queued render job that mentions `objectId` (as card id or object id). */
async function renderJobs(match: string): Promise<Record<string, unknown>[]> {
  const { rows } = await database.db.execute<{ data: Record<string, unknown> }>(
    sql`select data from agenda_jobs where name = ${adminCardRenderJob} and data::text like ${'%' + match + '%'}`,
  );
  return rows.map((r) => r.data);
}

describe('admin cards', () => {
  it('open once per (kind, object) with one render job; decided once', async () => {
    const objectId = crypto.randomUUID();
    const first = await openAdminCardSystem(database, { kind: 'channel', objectId, at });
    const again = await openAdminCardSystem(database, {
      kind: 'channel',
      objectId,
      data: { ignored: true },
      at,
    });
    expect(first.created).toBe(true);
    expect(again).toEqual({ cardId: first.cardId, created: false });
    expect(await renderJobs(first.cardId)).toEqual([{ cardId: first.cardId }]);

    const decided = await database.withSystem('test', (tx) =>
      decideAdminCard(tx, {
        kind: 'channel',
        objectId,
        decision: 'approved',
        admin,
        at,
      }),
    );
    expect(decided).toEqual({ ok: true, value: { cardId: first.cardId } });
    const card = await adminCardOf(database, 'channel', objectId);
    expect(card).toMatchObject({
      status: 'decided',
      decision: 'approved',
      decidedByTelegramId: 4242,
      decidedByName: 'Ada Admin',
      decidedAt: at,
    });
    expect(await renderJobs(first.cardId)).toHaveLength(2);
    const twice = await database.withSystem('test', (tx) =>
      decideAdminCard(tx, { kind: 'channel', objectId, decision: 'rejected', admin, at }),
    );
    expect(twice.ok).toBe(false);
    expect((await adminCardOf(database, 'channel', objectId))?.decision).toBe('approved');
  });

  it('are platform-only: a tenant transaction can neither read nor open them directly', async () => {
    const tenant = await makeTenant(database, { title: 'Tenant channel' });
    const code = await pgErrorCode(
      database.withScope({ workspaceId: tenant.workspaceId }, (tx) =>
        openAdminCard(tx, { kind: 'creative', objectId: crypto.randomUUID(), at }),
      ),
    );
    expect(code).toBe('42501');
  });

  it('of a render job queued in the old (kind, object) shape are opened once by the job', async () => {
    const objectId = crypto.randomUUID();
    const job = { kind: 'creative', objectId, data: { reasons: ['flagged'] } };
    expect(adminCardRenderData.parse(job)).toEqual({ ...job, attempt: 0 });
    const ref = { kind: 'creative' as const, objectId, data: { reasons: ['flagged'] }, at };
    const id1 = await resolveAdminCard(database, ref);
    const id2 = await resolveAdminCard(database, ref);
    expect(id2).toBe(id1);
    const rows = await database.withSystem('test', (tx) =>
      tx.select().from(adminCards).where(eq(adminCards.objectId, objectId)),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.data).toEqual({ reasons: ['flagged'] });
  });

  it('remember a reason prompt until one valid reply takes it', async () => {
    const objectId = crypto.randomUUID();
    await openAdminCardSystem(database, { kind: 'payout', objectId, at });
    const asked = await awaitAdminReply(database, {
      kind: 'payout',
      objectId,
      action: 'reject',
      promptMessageId: 777,
      telegramId: 4242,
      at,
    });
    expect(asked).toBe(true);
    expect(await takeAdminReply(database, 778)).toBeUndefined();
    const peek = await takeAdminReply(database, 777, { consume: false });
    expect(peek).toMatchObject({ kind: 'payout', objectId, action: 'reject' });
    expect(await takeAdminReply(database, 777)).toMatchObject({ objectId, action: 'reject' });
    expect(await takeAdminReply(database, 777)).toBeUndefined();
  });
});

describe('unreplied answers', () => {
  it('take the newest open prompt of the admin who asked, once', async () => {
    const older = crypto.randomUUID();
    const newer = crypto.randomUUID();
    for (const [objectId, promptMessageId] of [
      [older, 9001],
      [newer, 9002],
    ] as const) {
      await openAdminCardSystem(database, { kind: 'dispute', objectId, at });
      await awaitAdminReply(database, {
        kind: 'dispute',
        objectId,
        action: 'part',
        promptMessageId,
        telegramId: 5151,
        at,
      });
    }
    expect(await takeLatestAdminReply(database, 6161)).toBeUndefined();
    expect(await takeLatestAdminReply(database, 5151)).toMatchObject({ objectId: newer });
    expect(await takeLatestAdminReply(database, 5151)).toMatchObject({ objectId: older });
    expect(await takeLatestAdminReply(database, 5151)).toBeUndefined();
  });
});

describe('refusals', () => {
  it('append admin.refused with the telegram actor', async () => {
    await recordAdminRefusal(database, {
      telegramId: 9001,
      chatId: -100777,
      attempt: 'adm:channel:ok:x',
      kind: 'callback',
      why: 'not_admin',
      at,
    });
    const rows = await database.withSystem('test', (tx) =>
      tx.select().from(auditLog).where(eq(auditLog.actor, 'telegram:9001')),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'admin.refused',
      objectType: 'admin_chat',
      objectId: '-100777',
      data: { kind: 'callback', attempt: 'adm:channel:ok:x', why: 'not_admin' },
    });
  });
});

describe('pre-moderation switch', () => {
  it('is off until set; defaults on with an admin chat; an admin choice survives restarts', async () => {
    const fresh = await createTestDatabase();
    try {
      const on = () => fresh.withSystem('test', (tx) => isPreModerationOn(tx));
      expect(await on()).toBe(false);
      expect(await syncModerationDefault(fresh, { adminChatConfigured: true })).toBe(true);
      expect(await on()).toBe(true);
      await setPreModeration(fresh, { enabled: false, actor: 'admin:1', at });
      expect(await syncModerationDefault(fresh, { adminChatConfigured: true })).toBe(false);
      expect(await on()).toBe(false);
      await setPreModeration(fresh, { enabled: true, actor: 'admin:1', at });
      expect(await syncModerationDefault(fresh, { adminChatConfigured: false })).toBe(false);
      expect(await syncModerationDefault(fresh, { adminChatConfigured: true })).toBe(true);
      const audit = await fresh.withSystem('test', (tx) =>
        tx.select().from(auditLog).where(eq(auditLog.actor, 'admin:1')),
      );
      expect(audit.map((r) => r.action).sort()).toEqual([
        'moderation.disabled',
        'moderation.enabled',
      ]);
    } finally {
      await fresh.close();
    }
  });
});
