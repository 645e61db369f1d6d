import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deletePlacementPost,
  finishPlacement,
  publishPlacement,
  unpinPlacement,
  type PublishDeps,
} from '../../jobs/publish.js';
import { testOutbound } from '../helpers/outbound.js';
import type { Clock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { createLogger } from '../../models/logger.js';
import { decideLateOffer } from '../../models/placements/late-offer.js';
import { channels, clickLinks, orders, placements } from '../../models/schema.js';
import { createTestDatabase } from '../helpers/db.js';
import { deliverEvents } from '../helpers/outbox.js';
import { startSandbox, type Sandbox } from '../helpers/sandbox.js';
import { allBotRights, makeScheduledPlacement } from '../factories/sandbox-placements.js';
import { refundInFull, testPublishDeps } from '../helpers/publish-deps.js';

let database: Database;
let sandbox: Sandbox;
let nowMs = Date.UTC(2032, 4, 10, 9, 0);
const clock: Clock = { now: () => new Date(nowMs), offsetMs: () => 0 };
const logger = createLogger({ level: 'silent' });

beforeAll(async () => {
  [database, sandbox] = await Promise.all([createTestDatabase(), startSandbox()]);
});
afterAll(async () => {
  await database?.close();
  await sandbox?.close();
});

const scheduledOrder = (format: string) => makeScheduledPlacement(database, sandbox, clock, format);

const readPlacements = (orderId: string) =>
  database.withSystem('test read', (tx) =>
    tx.select().from(placements).where(eq(placements.orderId, orderId)),
  );
const readOrder = async (orderId: string) =>
  (
    await database.withSystem('test read', (tx) =>
      tx.select().from(orders).where(eq(orders.id, orderId)),
    )
  )[0]!;
const queuedJobs = async (placementId: string) =>
  (
    await database.db.execute<{ name: string; next_run_at: Date; data: Record<string, unknown> }>(
      sql`select name, next_run_at, data from agenda_jobs
          where data->>'placementId' = ${placementId} order by next_run_at`,
    )
  ).rows;
/** Notifications queued with `key`, once the pending domain events have been delivered. */
async function queuedNotices(key: string) {
  await deliverEvents(database);
  const { rows } = await database.db.execute<{ data: Record<string, unknown> }>(
    sql`select data from agenda_jobs where name = 'notifications.send' and data->>'key' = ${key}`,
  );
  return rows;
}

function deps(extra: Partial<PublishDeps> = {}) {
  const sender = testOutbound(sandbox);
  const d = testPublishDeps(
    { database, clock, api: sender.api },
    { logger, refund: refundInFull(database, clock), ...extra },
  );
  return { deps: d, stats: sender.stats };
}

describe('placements.publish', () => {
  it('creates the placement with its publish job in the transaction that schedules the order', async () => {
    const { placement, seeded } = await scheduledOrder('1/24');
    expect(placement).toMatchObject({ status: 'scheduled', format: '1/24', variantIndex: 0 });
    const slotStart = placement.dueAt.getTime();
    expect(slotStart).toBeGreaterThan(nowMs);
    const jobs = await queuedJobs(placement.id);
    expect(jobs.map((j) => j.name)).toEqual(['placements.publish']);
    expect(new Date(jobs[0]!.next_run_at).getTime()).toBe(slotStart);
    expect((await readOrder(seeded.orderId)).status).toBe('scheduled');
  });

  it('posts at the slot with buttons and the marking line, records ids, deletes and completes at the end', async () => {
    const { placement, seeded, chatId } = await scheduledOrder('1/24');
    nowMs = placement.dueAt.getTime() + 30_000;
    expect(await publishPlacement(deps().deps, placement.id)).toBe('published');
    const posts = sandbox.emulator.messages(chatId);
    expect(posts).toHaveLength(1);
    const post = posts[0]!;
    expect(post.text).toContain('Fresh coffee every morning');
    expect(post.text).toContain('Реклама. ООО Ромашка, ИНН 7707083893. erid: Kra23f4dE');
    const keyboard = (post.reply_markup as { inline_keyboard: { text: string; url: string }[][] })
      .inline_keyboard;
    expect(keyboard[0]![0]!.text).toBe('Order');
    // Tracked link: the post carries our redirect, the advertiser URL (with erid) stays server-side.
    const url = keyboard[0]![0]!.url;
    expect(url).toMatch(/^https:\/\/lytslot\.test\/r\/[A-Za-z0-9_-]{16}$/);
    const [link] = await database.withSystem('test read', (tx) =>
      tx
        .select()
        .from(clickLinks)
        .where(eq(clickLinks.code, url.split('/r/')[1]!)),
    );
    expect(link).toMatchObject({ placementId: placement.id, linkIndex: 0 });
    expect(link!.targetUrl).toContain('erid=Kra23f4dE');
    const [row] = await readPlacements(seeded.orderId);
    expect(row).toMatchObject({
      status: 'published',
      messageIds: [post.message_id],
      chatId,
      delaySeconds: 30,
      violations: [],
    });
    expect(row!.topUntil!.getTime()).toBe(nowMs + 3_600_000);
    expect(row!.deleteAt!.getTime()).toBe(nowMs + 24 * 3_600_000);
    expect((await readOrder(seeded.orderId)).status).toBe('published');
    const names = (await queuedJobs(placement.id)).map((j) => j.name);
    expect(names).toEqual(expect.arrayContaining(['placements.delete', 'placements.finish']));
    expect(names.filter((n) => n === 'verify.probe').length).toBeGreaterThanOrEqual(3);
    expect(await queuedNotices('notify-published-advertiser')).not.toHaveLength(0);

    // A second run of the same job (e.g. Agenda retaking it) posts nothing.
    expect(await publishPlacement(deps().deps, placement.id)).toBe('skipped');
    expect(sandbox.emulator.messages(chatId)).toHaveLength(1);

    nowMs = row!.deleteAt!.getTime();
    await deletePlacementPost(deps().deps, placement.id);
    expect(sandbox.emulator.messages(chatId)).toHaveLength(0);
    await finishPlacement(deps().deps, placement.id);
    const [done] = await readPlacements(seeded.orderId);
    expect(done).toMatchObject({ status: 'completed' });
    expect(done!.deletedAt?.getTime()).toBe(nowMs);
    expect((await queuedJobs(placement.id)).map((j) => j.name)).toContain('placements.settle');
  });

  it('pins a pin format and unpins it at pin_until; the post stays', async () => {
    const { placement, seeded, chatId } = await scheduledOrder('pin:2');
    nowMs = placement.dueAt.getTime();
    expect(await publishPlacement(deps().deps, placement.id)).toBe('published');
    const [row] = await readPlacements(seeded.orderId);
    expect(row!.pinUntil!.getTime()).toBe(nowMs + 2 * 3_600_000);
    expect(row!.deleteAt).toBeNull();
    expect(sandbox.emulator.chat(chatId).pinned).toEqual(row!.messageIds);
    expect((await queuedJobs(placement.id)).map((j) => j.name)).toContain('placements.unpin');
    nowMs = row!.pinUntil!.getTime();
    await unpinPlacement(deps().deps, placement.id);
    expect(sandbox.emulator.chat(chatId).pinned).toEqual([]);
    expect(sandbox.emulator.messages(chatId)).toHaveLength(1);
  });

  /** A late attempt asks the advertiser; they answer «post it now» and the next attempt posts. */
  const postLateWithConsent = async (placementId: string, advertiser: string) => {
    expect(await publishPlacement(deps().deps, placementId)).toBe('asked');
    const answer = await decideLateOffer(
      database,
      { accountId: advertiser, placementId, choice: 'publish_now' },
      clock,
    );
    expect(answer.ok).toBe(true);
    expect(await publishPlacement(deps().deps, placementId)).toBe('published');
  };

  it('records a post more than 2 minutes late (the advertiser agreed) as delayed', async () => {
    const { placement, seeded, advertiser } = await scheduledOrder('1/24');
    nowMs = placement.dueAt.getTime() + 5 * 60_000;
    await postLateWithConsent(placement.id, advertiser);
    const [row] = await readPlacements(seeded.orderId);
    expect(row!.delaySeconds).toBe(300);
    expect(row!.violations).toEqual([expect.objectContaining({ kind: 'late' })]);
  });

  it('a channel paused because Pro ended still delivers what was sold; one its owner paused does not', async () => {
    const pause = (channelId: string, reason: string) =>
      database.withSystem('test pause', (tx) =>
        tx
          .update(channels)
          .set({ status: 'paused', statusReason: reason })
          .where(eq(channels.id, channelId)),
      );
    const plan = await scheduledOrder('1/24');
    await pause(plan.placement.channelId, 'plan');
    nowMs = plan.placement.dueAt.getTime() + 30_000;
    expect(await publishPlacement(deps().deps, plan.placement.id)).toBe('published');
    expect(sandbox.emulator.messages(plan.chatId)).toHaveLength(1);

    const owner = await scheduledOrder('1/24');
    await pause(owner.placement.channelId, 'owner');
    nowMs = owner.placement.dueAt.getTime() + 30_000;
    expect(await publishPlacement(deps().deps, owner.placement.id)).not.toBe('published');
    expect(sandbox.emulator.messages(owner.chatId)).toHaveLength(0);
    const [row] = await readPlacements(owner.seeded.orderId);
    expect(row!.lastError).toBe('channel_paused');
  });

  it('lost rights: owner told at once, retried, failed and refunded in full after 15 minutes', async () => {
    const { placement, seeded, chatId } = await scheduledOrder('1/24');
    sandbox.emulator.removeBotFromChat(chatId, { byUserId: sandbox.ids.ownerId });
    nowMs = placement.dueAt.getTime();
    const d = deps().deps;
    expect(await publishPlacement(d, placement.id)).toBe('retry');
    let [row] = await readPlacements(seeded.orderId);
    expect(row).toMatchObject({ status: 'scheduled', sendStartedAt: null });
    expect(row!.failingSince?.getTime()).toBe(nowMs);
    const told = await queuedNotices('publish-lost-rights');
    expect(told.some((n) => n.data.accountId === seeded.ownerAccountId)).toBe(true);
    const retries = (await queuedJobs(placement.id)).filter((j) => j.name === 'placements.publish');
    expect(retries.map((j) => new Date(j.next_run_at).getTime())).toContain(nowMs + 5 * 60_000);

    nowMs += 5 * 60_000;
    expect(await publishPlacement(d, placement.id)).toBe('retry');
    expect(await queuedNotices('publish-lost-rights')).toHaveLength(told.length);

    nowMs = placement.dueAt.getTime() + 15 * 60_000;
    expect(await publishPlacement(d, placement.id)).toBe('failed');
    [row] = await readPlacements(seeded.orderId);
    expect(row!.status).toBe('failed');
    const order = await readOrder(seeded.orderId);
    expect(order.status).toBe('refunded');
    expect(order.refundedAmount).toBe(order.total);
    expect(sandbox.emulator.messages(chatId)).toHaveLength(0);
  });

  it('lost rights after part of the order went out: only that placement fails, the order stays', async () => {
    const seededTwo = await makeScheduledPlacement(database, sandbox, clock, '1/24', 2);
    const [first, second] = seededTwo.placements;
    nowMs = first!.dueAt.getTime();
    const d = deps().deps;
    expect(await publishPlacement(d, first!.id)).toBe('published');
    sandbox.emulator.removeBotFromChat(seededTwo.chatId, { byUserId: sandbox.ids.ownerId });
    nowMs = second!.dueAt.getTime() + 15 * 60_000;
    expect(await publishPlacement(d, second!.id)).toBe('failed');
    const rows = await readPlacements(seededTwo.seeded.orderId);
    expect(rows.find((r) => r.id === first!.id)?.status).toBe('published');
    expect(rows.find((r) => r.id === second!.id)?.status).toBe('failed');
    const order = await readOrder(seededTwo.seeded.orderId);
    expect(order.status).toBe('published');
    expect(order.refundedAmount).toBe(0);
    const settle = (await queuedJobs(second!.id)).filter((j) => j.name === 'placements.settle');
    expect(settle).toHaveLength(1);
  });

  it('rights restored within the grace period: published on the next attempt once the advertiser agrees', async () => {
    const { placement, seeded, chatId, advertiser } = await scheduledOrder('1/24');
    sandbox.emulator.setBotRights(chatId, { can_post_messages: false });
    nowMs = placement.dueAt.getTime();
    expect(await publishPlacement(deps().deps, placement.id)).toBe('retry');
    sandbox.emulator.setBotRights(chatId, allBotRights);
    nowMs += 5 * 60_000;
    await postLateWithConsent(placement.id, advertiser);
    const [row] = await readPlacements(seeded.orderId);
    expect(row).toMatchObject({ status: 'published', failingSince: null, delaySeconds: 300 });
  });

  it('a crash between sending and recording never posts twice: the placement waits for review', async () => {
    const { placement, seeded, chatId } = await scheduledOrder('1/24');
    nowMs = placement.dueAt.getTime();
    const crashing = deps({
      afterSend: () => Promise.reject(new Error('SIGKILL')),
    }).deps;
    await expect(publishPlacement(crashing, placement.id)).rejects.toThrow('SIGKILL');
    let [row] = await readPlacements(seeded.orderId);
    expect(row!.status).toBe('publishing');
    expect(row!.sendStartedAt).not.toBeNull();
    expect(sandbox.emulator.messages(chatId)).toHaveLength(1);
    // Agenda takes the job again once the dead process's lock expires.
    expect(await publishPlacement(deps().deps, placement.id)).toBe('needs_review');
    [row] = await readPlacements(seeded.orderId);
    expect(row!.status).toBe('needs_review');
    expect(sandbox.emulator.messages(chatId)).toHaveLength(1);
  });

  it('a crash before sending retries normally and posts once', async () => {
    const { placement, seeded, chatId } = await scheduledOrder('1/24');
    nowMs = placement.dueAt.getTime();
    // The claim committed ('publishing', send_started_at null), then the process died.
    await database.withSystem('test: claimed then crashed', (tx) =>
      tx.update(placements).set({ status: 'publishing' }).where(eq(placements.id, placement.id)),
    );
    expect(await publishPlacement(deps().deps, placement.id)).toBe('published');
    expect(sandbox.emulator.messages(chatId)).toHaveLength(1);
    expect((await readPlacements(seeded.orderId))[0]!.status).toBe('published');
  });

  it('429 with retry_after from Telegram: waits it out and still publishes once', async () => {
    const { placement, chatId } = await scheduledOrder('1/24');
    nowMs = placement.dueAt.getTime();
    sandbox.emulator.failNext('sendMessage', 1, 1);
    const { deps: d, stats } = deps();
    expect(await publishPlacement(d, placement.id)).toBe('published');
    expect(stats.flood429).toBe(1);
    expect(sandbox.emulator.messages(chatId)).toHaveLength(1);
  });
});
