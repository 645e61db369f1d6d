import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from 'grammy';
import { createVerifyTelegram } from '../../../jobs/verify.js';
import { createTestClock, type TestClock } from '../../../models/clock.js';
import type { Database } from '../../../models/db.js';
import { placements } from '../../../models/schema.js';
import { checkPin } from '../../../models/verification/check-pin.js';
import { probePlacement, type CheckDeps } from '../../../models/verification/probe-placement.js';
import { recordChannelPost } from '../../../models/verification/record-channel-post.js';
import type { VerifyTelegram } from '../../../models/verification/telegram-port.js';
import { readViolations } from '../../../models/verification/violations.js';
import { proRata } from '../../../models/ledger/shares.js';
import { brokenMs } from '../../../models/settlement/pro-rata.js';
import { createTestDatabase } from '../../helpers/db.js';
import { deliverEvents } from '../../helpers/outbox.js';
import { startSandbox, type Sandbox } from '../../helpers/sandbox.js';
import { makePublishedPlacement } from '../../factories/sandbox-placements.js';

const minute = 60_000;

describe('delivery verification', () => {
  let database: Database;
  let sandbox: Sandbox;
  let clock: TestClock;
  let deps: CheckDeps;
  beforeAll(async () => {
    clock = createTestClock();
    [database, sandbox] = await Promise.all([createTestDatabase(), startSandbox({ clock })]);
    const api = new Api(sandbox.token, { apiRoot: sandbox.apiRoot });
    deps = {
      database,
      clock,
      telegram: createVerifyTelegram(api),
      verifyChatId: sandbox.ids.verifyChatId,
    };
  });
  afterAll(async () => {
    await database.close();
    await sandbox.close();
  });

  const advance = (ms: number) => clock.setOffsetMs(clock.offsetMs() + ms);
  const read = async (id: string) => {
    const [row] = await database.withSystem('test read', (tx) =>
      tx.select().from(placements).where(eq(placements.id, id)),
    );
    if (!row) throw new Error('no placement');
    return row;
  };
  /** Notifications queued for the account, once the pending domain events are delivered. */
  const notifications = async (accountId: string) => {
    await deliverEvents(database);
    const { rows } = await database.db.execute<{ key: string }>(
      sql`select data->>'key' as key from agenda_jobs
          where name = 'notifications.send' and data->>'accountId' = ${accountId} order by key`,
    );
    return rows.map((r) => r.key);
  };
  /** verify.probe jobs queued for a placement, and whether each is already due. */
  const queuedProbes = async (placementId: string) => {
    const { rows } = await database.db.execute<{ next_run_at: string | Date }>(
      sql`select next_run_at from agenda_jobs
          where name = 'verify.probe' and data->>'placementId' = ${placementId}`,
    );
    return rows.map((r) => ({ due: new Date(r.next_run_at) <= clock.now() }));
  };
  const post = (chatId: number, text: string) => {
    const message = sandbox.emulator.postInChannel(sandbox.ids.ownerId, chatId, text);
    return {
      telegramChatId: chatId,
      messageId: message.message_id,
      date: new Date(message.date * 1000),
    };
  };

  it('a probe copies the post into the verification chat and deletes the copy', async () => {
    const p = await makePublishedPlacement(database, sandbox, clock);
    const before = sandbox.emulator.messages(sandbox.ids.verifyChatId).length;
    advance(3 * 60 * minute);
    expect(await probePlacement(deps, p.placementId)).toEqual({
      checked: true,
      outcome: 'present',
    });
    expect(sandbox.emulator.messages(sandbox.ids.verifyChatId)).toHaveLength(before);
    const row = await read(p.placementId);
    expect(row.probeResults).toMatchObject([{ kind: 'exists', outcome: 'present' }]);
    expect(row.violations).toEqual([]);
  });

  it('the owner deletes the post mid-lifetime ⇒ a probe asks for confirmation at once, which records early deletion from the last sighting and tells both sides', async () => {
    const p = await makePublishedPlacement(database, sandbox, clock);
    const deleteAt = (await read(p.placementId)).deleteAt;
    advance(3 * 60 * minute);
    expect(await probePlacement(deps, p.placementId)).toMatchObject({ outcome: 'present' });
    const seenAt = (await read(p.placementId)).probeResults[0] as { at: string };
    advance(2 * 60 * minute);
    sandbox.emulator.deleteChannelPost(p.chatId, p.messageId);
    advance(2 * 60 * minute);
    expect(await probePlacement(deps, p.placementId)).toEqual({
      checked: true,
      outcome: 'missing',
    });
    // Not yet a violation: a confirmation probe is queued, due now.
    expect(readViolations((await read(p.placementId)).violations)).toEqual([]);
    expect(await queuedProbes(p.placementId)).toEqual([{ due: true }]);
    advance(minute);
    expect(await probePlacement(deps, p.placementId)).toMatchObject({
      checked: true,
      outcome: 'missing',
    });
    const row = await read(p.placementId);
    const confirmedAt = row.probeResults[2] as { at: string };
    expect(readViolations(row.violations)).toEqual([
      {
        kind: 'early_deletion',
        at: confirmedAt.at,
        // Broken from the last probe that saw the post, not from detection.
        from: seenAt.at,
        until: deleteAt?.toISOString(),
      },
    ]);
    expect(row.probeResults).toMatchObject([
      { kind: 'exists', outcome: 'present' },
      { kind: 'exists', outcome: 'missing' },
      { kind: 'exists', outcome: 'missing' },
    ]);
    expect(row.deletedAt?.toISOString()).toBe(confirmedAt.at);
    expect(row.status).toBe('published');
    expect(await notifications(p.ownerAccountId)).toEqual(['verify-deleted-owner']);
    expect(await notifications(p.advertiserAccountId)).toEqual(['verify-deleted-advertiser']);
    // Later probes do nothing more: the post is known to be gone.
    advance(60 * minute);
    expect(await probePlacement(deps, p.placementId)).toEqual({
      checked: false,
      reason: 'already_gone',
    });
    expect(readViolations((await read(p.placementId)).violations)).toHaveLength(1);
  });

  it('a post deleted 10 minutes into a 1/24 is paid only for the 7 proven minutes', async () => {
    const p = await makePublishedPlacement(database, sandbox, clock);
    const row = await read(p.placementId);
    advance(7 * minute);
    expect(await probePlacement(deps, p.placementId)).toMatchObject({ outcome: 'present' });
    advance(3 * minute);
    sandbox.emulator.deleteChannelPost(p.chatId, p.messageId);
    advance(20 * minute);
    await probePlacement(deps, p.placementId);
    await probePlacement(deps, p.placementId);
    const after = await read(p.placementId);
    const violations = readViolations(after.violations);
    const seenAt = Date.parse((after.probeResults[0] as { at: string }).at);
    expect(violations).toMatchObject([
      { kind: 'early_deletion', from: new Date(seenAt).toISOString() },
    ]);
    const life = 24 * 60 * minute;
    const times = { ...row, format: '1/24' };
    const broken = brokenMs(times, violations);
    expect(broken).toBe(row.deleteAt!.getTime() - seenAt);
    expect(life - broken).toBeLessThanOrEqual(10 * minute);
    // A 1 000-star share: 995 credited back, 5 settled (7/1440 of it, rounded half up).
    expect(1_000 - proRata(1_000, broken, life)).toBe(5);
  });

  it('a single "not found" answered "present" by its confirmation is no violation', async () => {
    const p = await makePublishedPlacement(database, sandbox, clock);
    const flaky: VerifyTelegram = {
      ...deps.telegram,
      copyMessage: () =>
        Promise.resolve({
          ok: false,
          errorCode: 400,
          description: 'Bad Request: message to copy not found',
        }),
    };
    advance(30 * minute);
    expect(await probePlacement({ ...deps, telegram: flaky }, p.placementId)).toMatchObject({
      outcome: 'missing',
    });
    expect(await queuedProbes(p.placementId)).toHaveLength(1);
    expect(await probePlacement(deps, p.placementId)).toEqual({
      checked: true,
      outcome: 'present',
    });
    const row = await read(p.placementId);
    expect(row.violations).toEqual([]);
    expect(row.deletedAt).toBeNull();
    expect(await queuedProbes(p.placementId)).toHaveLength(1);
  });

  it('protected content or an unreachable verification chat ⇒ unknown, never deletion', async () => {
    const p = await makePublishedPlacement(database, sandbox, clock);
    const protectedContent: VerifyTelegram = {
      ...deps.telegram,
      copyMessage: () =>
        Promise.resolve({
          ok: false,
          errorCode: 400,
          description: "Bad Request: message has protected content and can't be copied",
        }),
    };
    advance(60 * minute);
    expect(await probePlacement({ ...deps, telegram: protectedContent }, p.placementId)).toEqual({
      checked: true,
      outcome: 'unknown',
    });
    // A verification chat the bot is not in: the emulator's real refusal.
    const lonely = sandbox.emulator.createChannel({
      title: 'Not ours',
      ownerId: sandbox.ids.ownerId,
    });
    expect(await probePlacement({ ...deps, verifyChatId: lonely.id }, p.placementId)).toEqual({
      checked: true,
      outcome: 'unknown',
    });
    const row = await read(p.placementId);
    expect(row.probeResults).toMatchObject([
      { outcome: 'unknown', detail: expect.stringContaining('protected content') },
      { outcome: 'unknown' },
    ]);
    expect(row.violations).toEqual([]);
    expect(row.deletedAt).toBeNull();
    expect(await notifications(p.advertiserAccountId)).toEqual([]);
  });

  it('no probe after the lifetime or once the placement is no longer published', async () => {
    const p = await makePublishedPlacement(database, sandbox, clock);
    advance(25 * 60 * minute);
    expect(await probePlacement(deps, p.placementId)).toEqual({ checked: false, reason: 'over' });
    const q = await makePublishedPlacement(database, sandbox, clock);
    await database.withSystem('test', (tx) =>
      tx.update(placements).set({ status: 'completed' }).where(eq(placements.id, q.placementId)),
    );
    expect(await probePlacement(deps, q.placementId)).toEqual({
      checked: false,
      reason: 'not_published',
    });
  });

  it('another post inside the top window ⇒ a top violation until top_until; a post after it ⇒ nothing', async () => {
    const p = await makePublishedPlacement(database, sandbox, clock, { topHours: 2 });
    const topUntil = (await read(p.placementId)).topUntil;
    advance(30 * minute);
    const inside = post(p.chatId, 'Our own news');
    const notices = await recordChannelPost(database, inside);
    expect(notices).toHaveLength(1);
    // The same update delivered twice records one violation.
    expect(await recordChannelPost(database, inside)).toEqual([]);
    advance(2 * 60 * minute);
    expect(await recordChannelPost(database, post(p.chatId, 'Evening news'))).toEqual([]);
    const violations = readViolations((await read(p.placementId)).violations);
    expect(violations).toEqual([
      {
        kind: 'top',
        at: inside.date.toISOString(),
        from: inside.date.toISOString(),
        until: topUntil?.toISOString(),
        messageId: inside.messageId,
      },
    ]);
    expect(await notifications(p.ownerAccountId)).toEqual(['verify-top-owner']);
    expect(await notifications(p.advertiserAccountId)).toEqual(['verify-top-advertiser']);
  });

  it('posts in unregistered channels are ignored', async () => {
    const other = sandbox.emulator.createChannel({
      title: 'Elsewhere',
      ownerId: sandbox.ids.ownerId,
    });
    expect(await recordChannelPost(database, post(other.id, 'Hello'))).toEqual([]);
  });

  it('the owner unpins a pinned ad ⇒ pin_removed until pin_until, once', async () => {
    const p = await makePublishedPlacement(database, sandbox, clock, { pinHours: 6, topHours: 0 });
    const pinUntil = (await read(p.placementId)).pinUntil;
    advance(60 * minute);
    expect(await checkPin(deps, p.placementId)).toEqual({ checked: true, outcome: 'present' });
    const pinnedSeenAt = (await read(p.placementId)).probeResults[0] as { at: string };
    // The owner unpins it in the Telegram app (the emulator has no user action for it).
    sandbox.emulator.chat(p.chatId).pinned = [];
    advance(60 * minute);
    expect(await checkPin(deps, p.placementId)).toMatchObject({
      checked: true,
      outcome: 'missing',
      notice: {
        violation: {
          kind: 'pin_removed',
          from: pinnedSeenAt.at,
          until: pinUntil?.toISOString(),
        },
      },
    });
    // An unpinned ad may be a deleted one: a probe is queued at once.
    expect(await queuedProbes(p.placementId)).toEqual([{ due: true }]);
    expect(await probePlacement(deps, p.placementId)).toMatchObject({ outcome: 'present' });
    advance(60 * minute);
    expect(await checkPin(deps, p.placementId)).toEqual({ checked: true, outcome: 'missing' });
    expect(await queuedProbes(p.placementId)).toHaveLength(1);
    const row = await read(p.placementId);
    expect(readViolations(row.violations).map((v) => v.kind)).toEqual(['pin_removed']);
    expect(await notifications(p.advertiserAccountId)).toEqual(['verify-unpinned-advertiser']);
    advance(4 * 60 * minute);
    expect(await checkPin(deps, p.placementId)).toEqual({ checked: false, reason: 'over' });
  });

  it('a failed getChat during a pin check is unknown, not a violation', async () => {
    const p = await makePublishedPlacement(database, sandbox, clock, { pinHours: 3, topHours: 0 });
    const failing: VerifyTelegram = {
      ...deps.telegram,
      pinnedMessageId: () =>
        Promise.resolve({ ok: false, errorCode: 400, description: 'Bad Request: chat not found' }),
    };
    advance(30 * minute);
    expect(await checkPin({ ...deps, telegram: failing }, p.placementId)).toEqual({
      checked: true,
      outcome: 'unknown',
    });
    expect((await read(p.placementId)).violations).toEqual([]);
  });
});
