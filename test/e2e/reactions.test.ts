import { eq } from 'drizzle-orm';
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../bot/index.js';
import { updateIntake } from '../../models/intake/table.js';
import { createLogger } from '../../models/logger.js';
import { advanceTestClock } from '../../models/platform/test-clock.js';
import { reactionHistory, reactionsKind } from '../../models/reactions/queries.js';
import { events, placements } from '../../models/schema.js';
import { enqueueUpdate } from '../../sandbox/updates.js';
import { startCheckoutWorld, type CheckoutWorld } from '../bot/checkout/setup.js';
import { makeScheduledPlacement } from '../factories/sandbox-placements.js';
import { startV1World, type V1World } from '../http/v1/world.js';

/**
 * Reactions on a published ad, end to end: the jobs post the ad at its slot, people react in the
 * emulator, the running bot receives message_reaction_count and records each change once (also
 * when the same update is handled again), the partner API shows the latest counts; reactions on
 * another post of the channel record nothing.
 */
let world: CheckoutWorld;
let api: V1World;
beforeAll(async () => {
  world = await startCheckoutWorld({ jobs: true });
  api = await startV1World({ database: world.database, clock: world.clock });
}, 60_000);
afterAll(async () => {
  await api?.close();
  await world?.close();
});

const poll = { timeout: 15_000, interval: 100 };

describe('reactions on a published ad', () => {
  it('records each change once, ignores other posts, and shows the latest counts to the partner', async () => {
    const { database, sandbox, clock } = world;
    const { placement, advertiser, chatId } = await makeScheduledPlacement(
      database,
      sandbox,
      clock,
      '1/24',
    );
    // The owner's own post, before the ad (so not a top-window violation).
    const news = sandbox.emulator.postInChannel(sandbox.ids.ownerId, chatId, 'Channel news');
    const minutes = Math.ceil((placement.dueAt.getTime() - clock.now().getTime()) / 60_000) + 1;
    await advanceTestClock({ database, clock, logger: createLogger({ level: 'silent' }) }, minutes);
    const row = async () =>
      (
        await database.withSystem('test read', (tx) =>
          tx.select().from(placements).where(eq(placements.id, placement.id)),
        )
      )[0]!;
    await expect.poll(async () => (await row()).messageIds.length, poll).toBe(1);
    const [adId] = (await row()).messageIds;
    const recorded = () =>
      database.withSystem('test read', (tx) =>
        tx
          .select({ placementId: events.placementId, value: events.value, data: events.data })
          .from(events)
          .where(eq(events.kind, reactionsKind))
          .orderBy(events.occurredAt, events.value),
      );
    const reactions = async () => (await row()).reactions;

    // Three readers react to the ad: three changes, three snapshots.
    const [ann, bob, cem, dan] = [1, 2, 3, 4].map((i) => sandbox.user({ first_name: `R${i}` }).id);
    sandbox.emulator.react(ann!, chatId, adId!, '👍');
    sandbox.emulator.react(bob!, chatId, adId!, '👍');
    sandbox.emulator.react(cem!, chatId, adId!, '🔥');
    await expect.poll(reactions, poll).toBe(3);

    // The owner's own post gets reactions: nothing is recorded. A later reaction on the ad (same
    // chat, so handled after them) shows they were handled.
    sandbox.emulator.react(ann!, chatId, news.message_id, '❤');
    sandbox.emulator.react(bob!, chatId, news.message_id, '❤');
    sandbox.emulator.react(dan!, chatId, adId!, '🔥');
    await expect.poll(reactions, poll).toBe(4);
    let rows = await recorded();
    expect(rows.map((r) => [r.placementId, r.data.messageId, r.value])).toEqual([
      [placement.id, adId, 1],
      [placement.id, adId, 2],
      [placement.id, adId, 3],
      [placement.id, adId, 4],
    ]);

    // The last update, exactly as the bot received it, handled twice more through the whole
    // middleware stack (a redelivery after a crash between commit and acknowledgement).
    const [stored] = await database
      .withSystem('test read', (tx) =>
        tx
          .select({ payload: updateIntake.payload })
          .from(updateIntake)
          .where(eq(updateIntake.kind, 'message_reaction_count'))
          .orderBy(updateIntake.updateId),
      )
      .then((all) => all.slice(-1));
    const update = JSON.parse(stored!.payload) as Update;
    expect(update.message_reaction_count?.message_id).toBe(adId);
    const again = createBot(world.deps);
    await again.init();
    await again.handleUpdate(update);
    await again.handleUpdate(update);
    expect(await recorded()).toHaveLength(4);
    expect((await row()).reactions).toBe(4);

    // Custom emoji and Stars reactions, as Telegram sends them, are keyed by id and as `paid`.
    const bot = sandbox.emulator.defaultBot();
    enqueueUpdate(bot.updates, 'message_reaction_count', {
      ...update.message_reaction_count,
      date: update.message_reaction_count!.date + 60,
      reactions: [
        { type: { type: 'emoji', emoji: '👍' }, total_count: 2 },
        { type: { type: 'emoji', emoji: '🔥' }, total_count: 2 },
        { type: { type: 'custom_emoji', custom_emoji_id: '5368324170671202286' }, total_count: 1 },
        { type: { type: 'paid' }, total_count: 25 },
      ],
    });
    await expect.poll(reactions, poll).toBe(30);
    rows = await recorded();
    expect(rows).toHaveLength(5);
    const latest = {
      total: 30,
      counts: { '👍': 2, '🔥': 2, 'custom_emoji:5368324170671202286': 1, paid: 25 },
    };
    expect(rows[4]!.data.counts).toEqual(latest.counts);

    // History, oldest first.
    const history = await database.withScope({ workspaceId: placement.workspaceId }, (tx) =>
      reactionHistory(tx, placement.id),
    );
    expect(history.map((p) => p.total)).toEqual([1, 2, 3, 4, 30]);
    expect(history[2]!.counts).toEqual({ '👍': 2, '🔥': 1 });

    // The partner API's placements answer carries the latest counts.
    const answer = await api.call({
      path: '/v1/orders/{id}/placements',
      params: { id: placement.orderId },
      key: (await api.advertiserKey(advertiser)).key,
    });
    expect(answer.status).toBe(200);
    const [listed] = (answer.body as { data: { id: string; reactions: unknown }[] }).data;
    expect(listed?.id).toBe(placement.id);
    expect(listed?.reactions).toEqual(latest);
  }, 60_000);
});
