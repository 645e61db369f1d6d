import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockAccount } from '../../../models/admin/block.js';
import { lookUpChannel, lookUpOrder } from '../../../models/admin/lookup.js';
import { lookUpUser } from '../../../models/admin/lookup-user.js';
import {
  resolveChannelRef,
  resolveOrderRef,
  resolveUserRef,
} from '../../../models/admin/lookup-refs.js';
import { recordAudit } from '../../../models/audit/record-audit.js';
import { auditTrail } from '../../../models/audit/queries.js';
import { createTestClock } from '../../../models/clock.js';
import type { Database } from '../../../models/db.js';
import { accounts, auditLog, channels } from '../../../models/schema.js';
import { createTestDatabase } from '../../helpers/db.js';
import { makeAccount } from '../../factories/accounts.js';
import { makeChannel } from '../../factories/channels.js';
import { makeOrder } from '../../factories/orders.js';
import { pgErrorCode } from '../../helpers/pg-error.js';

let database: Database;
const clock = createTestClock(0);
const admin = { telegramId: 515151, name: 'Ada' };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function world() {
  const at = clock.now();
  const tenant = await makeChannel(database, { slots: [new Date(at.getTime() + 86_400_000)] });
  const username = `ops_channel_${tenant.id.slice(0, 6)}`;
  const advertiserTelegramId = 880_000_000 + Math.floor(Math.random() * 1_000_000);
  const advertiser = (await makeAccount(database, { telegramId: advertiserTelegramId })).id;
  await database.withSystem('test seed', async (tx) => {
    await tx.update(channels).set({ username }).where(eq(channels.id, tenant.id));
    await tx
      .update(accounts)
      .set({ username: `adv_${advertiserTelegramId}`, firstName: 'Alex <b>' })
      .where(eq(accounts.id, advertiser));
  });
  const order = await makeOrder(database, {
    channel: tenant,
    slotIds: [tenant.slotIds[0]!],
    advertiser,
    status: 'scheduled',
    at,
    payment: { amount: 770 },
    marking: null,
    creative: null,
  });
  return { tenant, username, advertiser, advertiserTelegramId, order };
}

describe('admin look-ups', () => {
  it('resolve references in every accepted form and refuse the rest', async () => {
    const w = await world();
    expect(await resolveOrderRef(database, w.order.orderId)).toEqual({
      ok: true,
      value: w.order.orderId,
    });
    expect(await resolveOrderRef(database, w.order.orderId.slice(0, 8).toUpperCase())).toEqual({
      ok: true,
      value: w.order.orderId,
    });
    expect(await resolveOrderRef(database, 'not-an-id')).toMatchObject({
      ok: false,
      code: 'bad_ref',
    });
    expect(await resolveOrderRef(database, 'ffffffff-ffff-4fff-bfff-ffffffffffff')).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    for (const ref of [
      `@${w.username}`,
      w.username.toUpperCase(),
      `https://t.me/${w.username}`,
      w.tenant.id,
    ])
      expect(await resolveChannelRef(database, ref)).toEqual({
        ok: true,
        value: w.tenant.id,
      });
    const [chat] = await database.withSystem('test read', (tx) =>
      tx.select({ id: channels.telegramChatId }).from(channels).where(eq(channels.id, w.tenant.id)),
    );
    expect(await resolveChannelRef(database, String(chat!.id))).toEqual({
      ok: true,
      value: w.tenant.id,
    });
    expect(await resolveChannelRef(database, '@x')).toMatchObject({ ok: false, code: 'bad_ref' });
    expect(await resolveUserRef(database, String(w.advertiserTelegramId))).toEqual({
      ok: true,
      value: w.advertiser,
    });
    expect(await resolveUserRef(database, `@adv_${w.advertiserTelegramId}`)).toEqual({
      ok: true,
      value: w.advertiser,
    });
    expect(await resolveUserRef(database, '@nobody_here_at_all')).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });

  it('answer the key facts of an order, a channel and a user', async () => {
    const w = await world();
    const order = await lookUpOrder(database, w.order.orderId);
    expect(order).toMatchObject({
      status: 'scheduled',
      currency: 'RUB',
      total: 100_000,
      items: 1,
      advertiser: { telegramId: w.advertiserTelegramId, name: 'Alex <b>' },
      payments: [{ provider: 'stars', status: 'succeeded', amount: 770, currency: 'XTR' }],
      disputes: 0,
    });
    expect(order?.owner?.accountId).toBe(w.tenant.ownerAccountId);
    const channel = await lookUpChannel(database, w.tenant.id);
    expect(channel).toMatchObject({
      status: 'active',
      username: w.username,
      orders: { sold: 1, upcoming: 1, refunded: 0 },
      sales: [{ currency: 'RUB', amount: 100_000 }],
    });
    await blockAccount(
      database,
      { accountId: w.advertiser, admin, reason: 'Testing blocks' },
      clock,
    );
    const user = await lookUpUser(database, w.advertiser);
    expect(user).toMatchObject({
      telegramId: w.advertiserTelegramId,
      blockedReason: 'Testing blocks',
      orders: { total: 1, sold: 1 },
      spent: [{ currency: 'RUB', amount: 100_000 }],
      workspaces: 0,
    });
    expect(user?.blockedAt).toBeInstanceOf(Date);
    expect(await lookUpOrder(database, 'ffffffff-ffff-4fff-bfff-ffffffffffff')).toBeUndefined();
  });
});

describe('audit trail view', () => {
  it('pages an object’s rows newest first, orders including their payments’ rows', async () => {
    const w = await world();
    const base = clock.now().getTime();
    await database.withSystem('test seed', async (tx) => {
      for (let i = 0; i < 10; i++)
        await recordAudit(tx, {
          actor: `admin:${admin.telegramId}`,
          action: `order.note${i}`,
          objectType: 'order',
          objectId: w.order.orderId,
          data: { reason: `note ${i}` },
          at: new Date(base + i * 1000),
          workspaceId: w.tenant.workspaceId,
        });
      await recordAudit(tx, {
        actor: 'system:test',
        action: 'payment.refunded',
        objectType: 'payment',
        objectId: w.order.payment!.paymentId,
        data: { orderId: w.order.orderId, amount: 770 },
        at: new Date(base + 20_000),
        workspaceId: w.tenant.workspaceId,
      });
    });
    const first = await auditTrail(database, {
      kind: 'order',
      objectId: w.order.orderId,
      page: 0,
      pageSize: 4,
    });
    expect(first.total).toBe(11);
    expect(first.pages).toBe(3);
    expect(first.rows.map((r) => r.action)).toEqual([
      'payment.refunded',
      'order.note9',
      'order.note8',
      'order.note7',
    ]);
    const last = await auditTrail(database, {
      kind: 'order',
      objectId: w.order.orderId,
      page: 99,
      pageSize: 4,
    });
    expect(last.page).toBe(2);
    expect(last.rows.map((r) => r.action)).toEqual(['order.note2', 'order.note1', 'order.note0']);
    const none = await auditTrail(database, {
      kind: 'dispute',
      objectId: w.order.orderId,
      page: 0,
    });
    expect(none).toMatchObject({ total: 0, rows: [], pages: 1 });
  });

  it('app roles can neither UPDATE, DELETE nor TRUNCATE audit rows', async () => {
    const w = await world();
    await database.withSystem('test seed', (tx) =>
      recordAudit(tx, {
        actor: 'admin:1',
        action: 'channel.blocked',
        objectType: 'channel',
        objectId: w.tenant.id,
        data: { reason: 'kept forever' },
        at: clock.now(),
        workspaceId: w.tenant.workspaceId,
      }),
    );
    const scoped = { workspaceId: w.tenant.workspaceId };
    const attempts = [
      () =>
        database.withScope(scoped, (tx) =>
          tx.update(auditLog).set({ action: 'forged' }).where(eq(auditLog.objectId, w.tenant.id)),
        ),
      () =>
        database.withScope(scoped, (tx) =>
          tx.delete(auditLog).where(eq(auditLog.objectId, w.tenant.id)),
        ),
      () => database.withScope(scoped, (tx) => tx.execute(sql`truncate audit_log`)),
      () =>
        database.withSystem('tamper', (tx) =>
          tx.update(auditLog).set({ data: {} }).where(eq(auditLog.objectId, w.tenant.id)),
        ),
      () =>
        database.withSystem('tamper', (tx) =>
          tx.delete(auditLog).where(eq(auditLog.objectId, w.tenant.id)),
        ),
      () => database.withSystem('tamper', (tx) => tx.execute(sql`truncate audit_log`)),
    ];
    for (const attempt of attempts) expect(await pgErrorCode(attempt())).toBe('42501');
    const page = await auditTrail(database, {
      kind: 'channel',
      objectId: w.tenant.id,
      page: 0,
    });
    expect(page.rows.find((r) => r.action === 'channel.blocked')?.data).toEqual({
      reason: 'kept forever',
    });
  });
});
