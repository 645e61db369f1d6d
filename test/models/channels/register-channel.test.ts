import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerChannel } from '../../../models/channels/register-channel.js';
import { removeChannel } from '../../../models/channels/remove-channel.js';
import { checkChannelRights, missingRights } from '../../../models/channels/rights.js';
import { defaultChannelSettings } from '../../../models/channels/settings.js';
import type { Database } from '../../../models/db.js';
import { auditLog, channelChats, channels, workspaces } from '../../../models/schema.js';
import { channelAccess } from '../../../models/workspaces/access.js';
import { effectivePlan } from '../../../models/workspaces/plan-limits.js';
import { createTestDatabase } from '../../helpers/db.js';
import { channelFacts, createAccount } from './fixtures.js';

let database: Database;
const now = new Date('2026-03-02T10:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe('checkChannelRights', () => {
  it('requires a channel, an admin who may post, and a bot that may post', () => {
    expect(checkChannelRights(channelFacts()).ok).toBe(true);
    const refusal = (o: Parameters<typeof channelFacts>[0]) => {
      const r = checkChannelRights(channelFacts(o));
      return r.ok ? 'ok' : r.code;
    };
    expect(refusal({ type: 'supergroup' })).toBe('not_a_channel');
    expect(refusal({ user: { status: 'member' } })).toBe('user_not_admin');
    expect(refusal({ user: { status: 'left' } })).toBe('user_not_admin');
    expect(refusal({ user: { status: 'administrator', can_post_messages: false } })).toBe(
      'user_not_admin',
    );
    expect(refusal({ user: { status: 'administrator', can_post_messages: true } })).toBe('ok');
    expect(refusal({ bot: { status: 'member' } })).toBe('bot_not_admin');
    expect(refusal({ bot: { status: 'left' } })).toBe('bot_not_admin');
    expect(refusal({ bot: { status: 'administrator', can_edit_messages: true } })).toBe(
      'bot_cannot_post',
    );
  });

  it('reports the rights that offered formats need', () => {
    const settings = { ...defaultChannelSettings('en'), prices: { '1/24': 1000 } };
    const rights = {
      status: 'administrator' as const,
      can_post_messages: true,
      can_edit_messages: false,
      can_delete_messages: false,
    };
    expect(missingRights(rights, settings)).toEqual(['can_delete_messages']);
    expect(missingRights(rights, { ...settings, pinned: { hours: 24, price: 500 } })).toEqual([
      'can_edit_messages',
      'can_delete_messages',
    ]);
    expect(missingRights(rights, { ...settings, prices: { '1/0': 100 } })).toEqual([]);
  });
});

describe('registerChannel', () => {
  it('registers an active channel with its facts, defaults, rights, share code and audit row', async () => {
    const olga = await createAccount(database, 'ru');
    const facts = channelFacts();
    const result = await registerChannel(database, {
      accountId: olga.id,
      language: 'ru',
      facts,
      now,
    });
    if (!result.ok) throw new Error(result.code);
    expect(result.value.created).toBe(true);
    const [row] = await database.withSystem('test', (tx) =>
      tx.select().from(channels).where(eq(channels.id, result.value.channelId)),
    );
    expect(row).toMatchObject({
      telegramChatId: facts.telegramChatId,
      title: 'Olga Travels',
      username: 'olga_travels',
      subscribers: 12_400,
      status: 'active',
      statusReason: null,
      workspaceId: result.value.workspaceId,
      category: null,
    });
    expect(row?.settings).toEqual(defaultChannelSettings('ru'));
    expect(row?.botRights).toMatchObject({ status: 'administrator', can_post_messages: true });
    expect(row?.rightsCheckedAt?.toISOString()).toBe(now.toISOString());
    expect(row?.shareCode).toMatch(/^[A-Za-z0-9_-]{11}$/);
    const audits = await database.withSystem('test', (tx) =>
      tx.select().from(auditLog).where(eq(auditLog.objectId, result.value.channelId)),
    );
    expect(audits.map((a) => a.action)).toEqual(['channel.registered']);
  });

  it('refuses missing rights without writing anything', async () => {
    const olga = await createAccount(database);
    const facts = channelFacts({ bot: { status: 'administrator', can_post_messages: false } });
    const result = await registerChannel(database, {
      accountId: olga.id,
      language: 'en',
      facts,
      now,
    });
    expect(result).toMatchObject({ ok: false, code: 'bot_cannot_post' });
    const rows = await database.withSystem('test', (tx) =>
      tx.select().from(channels).where(eq(channels.telegramChatId, facts.telegramChatId)),
    );
    expect(rows).toEqual([]);
  });

  it('refreshes a channel of the same workspace and refuses it for another, never saying whose', async () => {
    const olga = await createAccount(database);
    const facts = channelFacts();
    const first = await registerChannel(database, {
      accountId: olga.id,
      language: 'en',
      facts,
      now,
    });
    if (!first.ok) throw new Error(first.code);
    const again = await registerChannel(database, {
      accountId: olga.id,
      language: 'en',
      facts: { ...facts, title: 'Olga Travels 2', subscribers: 13_000 },
      now,
    });
    expect(again).toMatchObject({
      ok: true,
      value: { created: false, channelId: first.value.channelId },
    });
    const [row] = await database.withSystem('test', (tx) =>
      tx.select().from(channels).where(eq(channels.id, first.value.channelId)),
    );
    expect(row).toMatchObject({ title: 'Olga Travels 2', subscribers: 13_000 });

    const mallory = await createAccount(database);
    const stolen = await registerChannel(database, {
      accountId: mallory.id,
      language: 'en',
      facts: { ...facts, title: 'Mine now' },
      now,
    });
    expect(stolen).toEqual({ ok: false, code: 'already_registered' });
    const [after] = await database.withSystem('test', (tx) =>
      tx.select().from(channels).where(eq(channels.id, first.value.channelId)),
    );
    expect(after).toMatchObject({ title: 'Olga Travels 2', workspaceId: first.value.workspaceId });
  });

  it('claims the chat for one workspace: a claim taken meanwhile refuses, removal frees it', async () => {
    const claimOf = async (telegramChatId: number) =>
      database.withSystem('test', (tx) =>
        tx.select().from(channelChats).where(eq(channelChats.telegramChatId, telegramChatId)),
      );
    const olga = await createAccount(database);
    const facts = channelFacts();
    const first = await registerChannel(database, {
      accountId: olga.id,
      language: 'en',
      facts,
      now,
    });
    if (!first.ok) throw new Error(first.code);
    expect(await claimOf(facts.telegramChatId)).toMatchObject([
      { workspaceId: first.value.workspaceId, channelId: first.value.channelId },
    ]);
    const access = await channelAccess(database, olga.id, first.value.channelId);
    if (!access) throw new Error('no access');
    expect(await removeChannel(database, access, olga.id, now)).toMatchObject({ ok: true });
    expect(await claimOf(facts.telegramChatId)).toEqual([]);
    const ivan = await createAccount(database);
    const again = await registerChannel(database, {
      accountId: ivan.id,
      language: 'en',
      facts,
      now,
    });
    expect(again).toMatchObject({ ok: true, value: { created: true } });

    // Another workspace claimed this chat after the look-up found no channel: the claim refuses.
    const raced = channelFacts();
    await database.withSystem('test', (tx) =>
      tx.insert(channelChats).values({
        telegramChatId: raced.telegramChatId,
        workspaceId: randomUUID(),
        channelId: randomUUID(),
      }),
    );
    const mallory = await createAccount(database);
    expect(
      await registerChannel(database, { accountId: mallory.id, language: 'en', facts: raced, now }),
    ).toEqual({ ok: false, code: 'already_registered' });
    const rows = await database.withSystem('test', (tx) =>
      tx.select().from(channels).where(eq(channels.telegramChatId, raced.telegramChatId)),
    );
    expect(rows).toEqual([]);
  });

  it('enforces the plan limit: Free 1 channel, Pro 10, expired Pro counts as Free', async () => {
    const olga = await createAccount(database);
    const add = () =>
      registerChannel(database, { accountId: olga.id, language: 'en', facts: channelFacts(), now });
    const first = await add();
    if (!first.ok) throw new Error(first.code);
    expect(await add()).toEqual({ ok: false, code: 'plan_limit', detail: { limit: 1 } });

    const setPlan = (planExpiresAt: Date | null) =>
      database.withSystem('test', (tx) =>
        tx
          .update(workspaces)
          .set({ plan: 'pro', planExpiresAt })
          .where(eq(workspaces.id, first.value.workspaceId)),
      );
    await setPlan(new Date('2026-03-01T00:00:00Z'));
    expect(await add()).toMatchObject({ ok: false, code: 'plan_limit' });
    await setPlan(null);
    const results = [];
    for (let i = 0; i < 10; i++) results.push(await add());
    expect(results.filter((r) => r.ok)).toHaveLength(9);
    expect(results[9]).toEqual({ ok: false, code: 'plan_limit', detail: { limit: 10 } });
  });

  it('lets two quick verifications of one workspace pass the Free limit only once', async () => {
    const olga = await createAccount(database);
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        registerChannel(database, {
          accountId: olga.id,
          language: 'en',
          facts: channelFacts(),
          now,
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it('computes the plan in force', () => {
    expect(effectivePlan('pro', null, now)).toBe('pro');
    expect(effectivePlan('pro', new Date('2026-04-01T00:00:00Z'), now)).toBe('pro');
    expect(effectivePlan('pro', now, now)).toBe('free');
    expect(effectivePlan('free', null, now)).toBe('free');
  });
});
