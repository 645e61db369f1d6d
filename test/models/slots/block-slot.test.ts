import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultChannelSettings } from '../../../models/channels/settings.js';
import type { Database } from '../../../models/db.js';
import { accounts, channels, slots, workspaceMembers } from '../../../models/schema.js';
import { blockSlot } from '../../../models/slots/block-slot.js';
import { regenerateChannelSlots } from '../../../models/slots/regenerate-slots.js';
import { unblockSlot } from '../../../models/slots/unblock-slot.js';
import { createTestDatabase } from '../../helpers/db.js';
import { type Tenant, makeTenant } from '../../factories/channels.js';

const now = new Date('2026-11-24T06:00:00Z');
const at = new Date('2026-11-25T07:00:00Z');
let database: Database;
let a: Tenant;
let b: Tenant;
let managerId: string;

async function statusAt(startsAt: Date) {
  const [row] = await database.withScope({ workspaceId: a.workspaceId }, (tx) =>
    tx
      .select({ status: slots.status })
      .from(slots)
      .where(and(eq(slots.channelId, a.channelId), eq(slots.startsAt, startsAt))),
  );
  return row?.status;
}

beforeAll(async () => {
  database = await createTestDatabase();
  a = await makeTenant(database, { title: 'A channel' });
  b = await makeTenant(database, { title: 'B channel' });
  const settings = {
    ...defaultChannelSettings('ru'),
    schedule: { mode: 'times' as const, days: [1, 2, 3, 4, 5, 6, 7], times: ['10:00', '12:00'] },
  };
  managerId = await database.withSystem('test: members', async (tx) => {
    const [manager] = await tx
      .insert(accounts)
      .values({ telegramId: 77_000_001 })
      .returning({ id: accounts.id });
    await tx
      .insert(workspaceMembers)
      .values({ workspaceId: a.workspaceId, accountId: manager!.id, role: 'manager' });
    await tx.update(channels).set({ settings }).where(eq(channels.id, a.channelId));
    return manager!.id;
  });
  await database.withScope({ workspaceId: a.workspaceId }, (tx) =>
    regenerateChannelSlots(tx, { id: a.channelId, workspaceId: a.workspaceId, settings }, now),
  );
});

afterAll(async () => {
  await database.close();
});

describe('blockSlot / unblockSlot', () => {
  it('the owner blocks a free slot and unblocks it again', async () => {
    const input = { accountId: a.accountId, channelId: a.channelId, startsAt: at, now };
    expect(await blockSlot(database, input)).toMatchObject({ ok: true });
    expect(await statusAt(at)).toBe('blocked');
    expect(await blockSlot(database, input)).toEqual({ ok: false, code: 'not_free' });
    expect(await unblockSlot(database, input)).toMatchObject({ ok: true });
    expect(await statusAt(at)).toBe('free');
    expect(await unblockSlot(database, input)).toEqual({ ok: false, code: 'not_blocked' });
  });

  it('a manager may block too', async () => {
    const input = { accountId: managerId, channelId: a.channelId, startsAt: at, now };
    expect(await blockSlot(database, input)).toMatchObject({ ok: true });
    expect(await unblockSlot(database, input)).toMatchObject({ ok: true });
  });

  it('refuses past slots, unknown times and booked slots', async () => {
    const base = { accountId: a.accountId, channelId: a.channelId };
    const later = new Date(at.getTime() + 3_600_000);
    expect(await blockSlot(database, { ...base, startsAt: at, now: later })).toEqual({
      ok: false,
      code: 'past',
    });
    expect(
      await blockSlot(database, { ...base, startsAt: new Date('2026-11-25T07:30:00Z'), now }),
    ).toEqual({ ok: false, code: 'not_found' });
    await database.withScope({ workspaceId: a.workspaceId }, (tx) =>
      tx
        .update(slots)
        .set({ status: 'booked', format: '1/24' })
        .where(and(eq(slots.channelId, a.channelId), eq(slots.startsAt, at))),
    );
    expect(await blockSlot(database, { ...base, startsAt: at, now })).toEqual({
      ok: false,
      code: 'not_free',
    });
  });

  it('another workspace’s owner gets not_found and changes nothing', async () => {
    const other = new Date('2026-11-26T07:00:00Z');
    const input = { accountId: b.accountId, channelId: a.channelId, startsAt: other, now };
    expect(await blockSlot(database, input)).toEqual({ ok: false, code: 'not_found' });
    expect(await statusAt(other)).toBe('free');
  });
});
