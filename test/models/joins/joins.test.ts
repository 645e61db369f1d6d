import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../models/db.js';
import { inviteInPlaceOf, storePlacementInvite } from '../../../models/joins/invite-link.js';
import { promotedUsername } from '../../../models/joins/invite-target.js';
import { readJoinStats } from '../../../models/joins/queries.js';
import {
  recordChatMember,
  type ChatMemberChange,
} from '../../../models/joins/record-chat-member.js';
import { events, inviteJoins, placements } from '../../../models/schema.js';
import { makeOrder } from '../../factories/orders.js';
import { makePlacement } from '../../factories/placements.js';
import { createTestDatabase } from '../../helpers/db.js';

describe('promotedUsername', () => {
  it.each([
    ['https://t.me/roastery_news', 'roastery_news'],
    ['http://telegram.me/Roastery_News/?erid=Kra1', 'Roastery_News'],
    ['https://t.me/roastery_news?start=ad', 'roastery_news'],
  ])('%s opens the chat %s', (url, username) => {
    expect(promotedUsername(url)).toBe(username);
  });

  it.each([
    'https://example.com/roastery_news',
    'https://t.me/roastery_news/12',
    'https://t.me/+AbCdEf123',
    'https://t.me/joinchat/AbCdEf',
    'https://t.me/coffee_shop_bot',
    'https://t.me/abc',
    'https://t.me/share',
    'tg://resolve?domain=roastery_news',
    'not a url',
  ])('%s opens no chat to promote', (url) => {
    expect(promotedUsername(url)).toBeUndefined();
  });

  it('an invite in place of a link keeps its query (the erid)', () => {
    const invite = { chatId: -100, link: 'https://t.me/+AbC' };
    expect(inviteInPlaceOf(invite, 'https://t.me/roastery?erid=Kra1')).toBe(
      'https://t.me/+AbC?erid=Kra1',
    );
    expect(inviteInPlaceOf(invite, 'https://t.me/roastery')).toBe('https://t.me/+AbC');
  });
});

describe('recordChatMember', () => {
  let database: Database;
  const chat = -1_009_000_000_001;
  const link = 'https://t.me/+JoinMe';
  let placementId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    const order = await makeOrder(database, { at: new Date('2031-05-01T10:00:00Z') });
    const placement = await makePlacement(database, order, order.slotIds[0]!, {
      dueAt: new Date('2031-05-10T10:00:00Z'),
    });
    placementId = placement.id;
    const kept = await storePlacementInvite(database, {
      placementId,
      invite: { chatId: chat, link },
      retargets: [],
    });
    expect(kept.link).toBe(link);
    // A second attempt that made its own link keeps the first one.
    const again = await storePlacementInvite(database, {
      placementId,
      invite: { chatId: chat, link: 'https://t.me/+Other' },
      retargets: [],
    });
    expect(again.link).toBe(link);
  });
  afterAll(async () => {
    await database?.close();
  });

  const at = (hours: number) => new Date(Date.UTC(2031, 4, 10, 10 + hours));
  const change = (over: Partial<ChatMemberChange>): ChatMemberChange => ({
    telegramChatId: chat,
    userId: 1,
    date: at(0),
    oldStatus: 'left',
    newStatus: 'member',
    inviteLink: link,
    ...over,
  });
  const counters = async () => {
    const [row] = await database.withSystem('test read', (tx) =>
      tx
        .select({ joins: placements.joins, leaves: placements.leaves })
        .from(placements)
        .where(eq(placements.id, placementId)),
    );
    return row;
  };

  it('counts each person once, ignores joins without our link and changes of rights', async () => {
    expect(await recordChatMember(database, change({ inviteLink: undefined }))).toEqual({
      kind: 'ignored',
    });
    expect(
      await recordChatMember(database, change({ inviteLink: 'https://t.me/+Unknown' })),
    ).toEqual({ kind: 'ignored' });
    // Two deliveries of one join at once, then again: one join.
    const both = await Promise.all([
      recordChatMember(database, change({ userId: 10 })),
      recordChatMember(database, change({ userId: 10 })),
    ]);
    expect(both.map((r) => r.kind).sort()).toEqual(['duplicate', 'joined']);
    expect((await recordChatMember(database, change({ userId: 10 }))).kind).toBe('duplicate');
    expect((await recordChatMember(database, change({ userId: 11 }))).kind).toBe('joined');
    // Promoted to admin, or restricted while still a member: no join, no leave.
    expect(
      await recordChatMember(
        database,
        change({ userId: 11, oldStatus: 'member', newStatus: 'administrator' }),
      ),
    ).toEqual({ kind: 'ignored' });
    expect(
      await recordChatMember(
        database,
        change({ userId: 11, oldStatus: 'member', newStatus: 'restricted', newIsMember: true }),
      ),
    ).toEqual({ kind: 'ignored' });
    expect(await counters()).toEqual({ joins: 2, leaves: 0 });
  });

  it('a leave closes the join once; a leave without a join through us records nothing', async () => {
    expect(
      await recordChatMember(
        database,
        change({ userId: 99, oldStatus: 'member', newStatus: 'left', date: at(1) }),
      ),
    ).toEqual({ kind: 'ignored' });
    const left = change({ userId: 10, oldStatus: 'member', newStatus: 'left', date: at(3) });
    expect(await recordChatMember(database, left)).toEqual({
      kind: 'left',
      placementIds: [placementId],
    });
    expect(await recordChatMember(database, left)).toEqual({ kind: 'ignored' });
    // Restricted out of the chat is a leave too.
    expect(
      (
        await recordChatMember(
          database,
          change({
            userId: 11,
            oldStatus: 'restricted',
            oldIsMember: true,
            newStatus: 'restricted',
            newIsMember: false,
            date: at(30),
          }),
        )
      ).kind,
    ).toBe('left');
    expect(await counters()).toEqual({ joins: 2, leaves: 2 });
    const stats = await database.withSystem('test read', (tx) =>
      readJoinStats(tx, [placementId], at(48)),
    );
    expect(stats.get(placementId)).toEqual({
      joins: 2,
      leftWithinDay: 1,
      leftWithinWeek: 2,
      joinsDayOld: 2,
      joinsWeekOld: 0,
    });
    const written = await database.withSystem('test read', (tx) =>
      tx
        .select({ kind: events.kind, value: events.value })
        .from(events)
        .where(eq(events.placementId, placementId))
        .orderBy(events.occurredAt),
    );
    expect(written).toEqual([
      { kind: 'join', value: 1 },
      { kind: 'join', value: 1 },
      { kind: 'leave', value: 3 * 3600 },
      { kind: 'leave', value: 30 * 3600 },
    ]);
  });

  it('is read by the placement’s workspace and its advertiser, by no one else', async () => {
    const [order] = await database.withSystem('test read', (tx) =>
      tx
        .select({ workspaceId: placements.workspaceId, advertiser: placements.advertiserAccountId })
        .from(placements)
        .where(eq(placements.id, placementId)),
    );
    const count = (scope: { workspaceId?: string; accountId?: string }) =>
      database.withScope(scope, async (tx) => (await tx.select().from(inviteJoins)).length);
    expect(await count({ workspaceId: order!.workspaceId })).toBe(2);
    expect(await count({ accountId: order!.advertiser })).toBe(2);
    const stranger = await makeOrder(database, { at: at(0) });
    expect(await count({ workspaceId: stranger.workspaceId })).toBe(0);
    expect(await count({ accountId: stranger.advertiserAccountId })).toBe(0);
  });
});
