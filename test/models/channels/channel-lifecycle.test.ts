import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMyChannels, loadChannelCard } from '../../../models/channels/channel-card.js';
import { pauseChannel } from '../../../models/channels/pause-channel.js';
import { recordRightsChange } from '../../../models/channels/record-rights-change.js';
import { registerChannel } from '../../../models/channels/register-channel.js';
import { removeChannel } from '../../../models/channels/remove-channel.js';
import { resumeChannel } from '../../../models/channels/resume-channel.js';
import { defaultChannelSettings } from '../../../models/channels/settings.js';
import type { Database } from '../../../models/db.js';
import { channels, slots, workspaceMembers } from '../../../models/schema.js';
import { channelAccess, type ChannelAccess } from '../../../models/workspaces/access.js';
import { createTestDatabase } from '../../helpers/db.js';
import { channelFacts, createAccount } from './fixtures.js';

let database: Database;
const now = new Date('2026-03-02T10:00:00Z');
const admin = {
  status: 'administrator',
  can_post_messages: true,
  can_edit_messages: true,
  can_delete_messages: true,
};

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function ownerWithChannel() {
  const owner = await createAccount(database, 'en');
  const facts = channelFacts();
  const result = await registerChannel(database, {
    accountId: owner.id,
    language: 'en',
    facts,
    now,
  });
  if (!result.ok) throw new Error(result.code);
  const access = await channelAccess(database, owner.id, result.value.channelId);
  if (!access) throw new Error('no access');
  return { owner, facts, access };
}

const statusOf = async (channelId: string) => {
  const [row] = await database.withSystem('test', (tx) =>
    tx
      .select({ status: channels.status, reason: channels.statusReason })
      .from(channels)
      .where(eq(channels.id, channelId)),
  );
  return row;
};

async function addManager(access: ChannelAccess) {
  const manager = await createAccount(database, 'ru');
  await database.withScope({ workspaceId: access.workspaceId }, (tx) =>
    tx
      .insert(workspaceMembers)
      .values({ workspaceId: access.workspaceId, accountId: manager.id, role: 'manager' }),
  );
  const managerAccess = await channelAccess(database, manager.id, access.channelId);
  if (!managerAccess) throw new Error('manager has no access');
  return { manager, managerAccess };
}

async function insertSlot(access: ChannelAccess, startsAt: Date, status: 'booked' | 'free') {
  await database.withScope({ workspaceId: access.workspaceId }, (tx) =>
    tx.insert(slots).values({
      channelId: access.channelId,
      workspaceId: access.workspaceId,
      startsAt,
      status,
    }),
  );
}

describe('rights changes (my_chat_member)', () => {
  it('pauses on lost post rights or removal, resumes when they come back, tells every member', async () => {
    const { facts, access } = await ownerWithChannel();
    const { manager } = await addManager(access);
    const change = (bot: object) =>
      recordRightsChange(database, {
        telegramChatId: facts.telegramChatId,
        bot: bot as { status: string },
        byTelegramId: 1,
        now,
      });

    const lost = await change({ status: 'administrator', can_edit_messages: true });
    expect(lost).toMatchObject({
      registered: true,
      transition: 'paused',
      missing: ['can_post_messages'],
    });
    if (!lost.registered) throw new Error('unregistered');
    expect(lost.recipients.map((r) => r.telegramId)).toContain(manager.telegramId);
    expect(lost.recipients).toHaveLength(2);
    expect(await statusOf(access.channelId)).toEqual({ status: 'paused', reason: 'bot_rights' });

    expect(await resumeChannel(database, access, access.ownerAccountId, now)).toEqual({
      ok: false,
      code: 'rights_missing',
    });

    expect(await change(admin)).toMatchObject({ transition: 'resumed' });
    expect(await statusOf(access.channelId)).toEqual({ status: 'active', reason: null });

    expect(await change({ status: 'left' })).toMatchObject({ transition: 'paused' });
    expect(await change({ status: 'administrator', can_post_messages: true })).toMatchObject({
      transition: 'resumed',
    });
    expect(await change({ ...admin })).toMatchObject({ transition: 'none' });
  });

  it('never resumes a channel its owner paused', async () => {
    const { facts, access, owner } = await ownerWithChannel();
    expect(await pauseChannel(database, access, owner.id, now)).toEqual({
      ok: true,
      value: { changed: true },
    });
    const change = (bot: object) =>
      recordRightsChange(database, {
        telegramChatId: facts.telegramChatId,
        bot: bot as { status: string },
        byTelegramId: null,
        now,
      });
    await change({ status: 'left' });
    expect(await change(admin)).toMatchObject({ transition: 'none' });
    expect(await statusOf(access.channelId)).toEqual({ status: 'paused', reason: 'owner' });
    expect(await resumeChannel(database, access, owner.id, now)).toMatchObject({ ok: true });
    expect(await statusOf(access.channelId)).toEqual({ status: 'active', reason: null });
  });

  it('warns without pausing when a right an offered format needs is lost', async () => {
    const { facts, access } = await ownerWithChannel();
    await database.withScope({ workspaceId: access.workspaceId }, (tx) =>
      tx
        .update(channels)
        .set({ settings: { ...defaultChannelSettings('en'), prices: { '1/24': 1000 } } })
        .where(eq(channels.id, access.channelId)),
    );
    const result = await recordRightsChange(database, {
      telegramChatId: facts.telegramChatId,
      bot: { status: 'administrator', can_post_messages: true, can_edit_messages: true },
      byTelegramId: null,
      now,
    });
    expect(result).toMatchObject({ transition: 'degraded', missing: ['can_delete_messages'] });
    expect(await statusOf(access.channelId)).toEqual({ status: 'active', reason: null });
  });

  it('answers unregistered for a channel nobody registered', async () => {
    expect(
      await recordRightsChange(database, {
        telegramChatId: -1_999_999_999_999,
        bot: admin,
        byTelegramId: 1,
        now,
      }),
    ).toEqual({ registered: false });
  });
});

describe('remove', () => {
  it('is refused while a future booked slot exists, for managers, and works otherwise', async () => {
    const { access, owner } = await ownerWithChannel();
    const { manager, managerAccess } = await addManager(access);
    await insertSlot(access, new Date('2026-03-05T12:00:00Z'), 'booked');
    await insertSlot(access, new Date('2026-03-06T12:00:00Z'), 'free');

    expect(await removeChannel(database, managerAccess, manager.id, now)).toEqual({
      ok: false,
      code: 'forbidden',
    });
    expect(await removeChannel(database, access, owner.id, now)).toEqual({
      ok: false,
      code: 'has_bookings',
    });
    const card = await loadChannelCard(database, access, owner.id, 'en', now);
    expect(card?.nextBookings.map((b) => b.startsAt.toISOString())).toEqual([
      '2026-03-05T12:00:00.000Z',
    ]);

    await database.withScope({ workspaceId: access.workspaceId }, (tx) =>
      tx
        .update(slots)
        .set({ status: 'free' })
        .where(and(eq(slots.channelId, access.channelId), eq(slots.status, 'booked'))),
    );
    expect(await removeChannel(database, access, owner.id, now)).toMatchObject({ ok: true });
    expect(await statusOf(access.channelId)).toBeUndefined();
    expect(await channelAccess(database, owner.id, access.channelId)).toBeUndefined();
  });
});

describe('remove with history', () => {
  it('is refused (pause instead) once the channel has past placements', async () => {
    const { access, owner } = await ownerWithChannel();
    await database.withScope({ workspaceId: access.workspaceId }, (tx) =>
      tx.insert(slots).values({
        channelId: access.channelId,
        workspaceId: access.workspaceId,
        startsAt: new Date('2026-02-01T12:00:00Z'),
        status: 'done',
      }),
    );
    expect(await removeChannel(database, access, owner.id, now)).toEqual({
      ok: false,
      code: 'has_history',
    });
    expect(await statusOf(access.channelId)).toEqual({ status: 'active', reason: null });
  });
});

describe('isolation', () => {
  it('another workspace never sees, pauses or removes the channel', async () => {
    const { access } = await ownerWithChannel();
    const other = await ownerWithChannel();
    expect(await channelAccess(database, other.owner.id, access.channelId)).toBeUndefined();
    const mine = await listMyChannels(database, other.owner.id);
    expect(mine.flatMap((g) => g.channels.map((c) => c.id))).toEqual([other.access.channelId]);

    // Even a forged access (the other's workspace with this channel id) finds nothing: RLS.
    const forged = { ...other.access, channelId: access.channelId };
    expect(await removeChannel(database, forged, other.owner.id, now)).toEqual({
      ok: false,
      code: 'not_found',
    });
    expect(await pauseChannel(database, forged, other.owner.id, now)).toEqual({
      ok: false,
      code: 'not_found',
    });
    expect(await loadChannelCard(database, forged, other.owner.id, 'en', now)).toBeUndefined();
    expect(await statusOf(access.channelId)).toEqual({ status: 'active', reason: null });
  });
});
