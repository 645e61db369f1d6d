import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPost } from '../../../bot/features/channel-watch/index.js';
import { placements } from '../../../models/schema.js';
import { readViolations } from '../../../models/verification/violations.js';
import { startBotHarness, type BotHarness } from '../harness.js';
import { makePublishedPlacement } from '../../factories/sandbox-placements.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('channel watch (channel_post through the running bot)', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness();
  });
  afterAll(async () => {
    await harness.close();
  });

  const violationsOf = async (id: string) => {
    const [row] = await harness.database.withSystem('test read', (tx) =>
      tx.select({ v: placements.violations }).from(placements).where(eq(placements.id, id)),
    );
    return readViolations(row?.v);
  };
  const setTopUntil = (id: string, at: Date) =>
    harness.database.withSystem('test', (tx) =>
      tx.update(placements).set({ topUntil: at }).where(eq(placements.id, id)),
    );

  it('a post inside the top window is a top violation with its message id; a post after it is ignored', async () => {
    const { database, sandbox, deps } = harness;
    const p = await makePublishedPlacement(database, sandbox, deps.clock, { topHours: 1 });
    const olga = sandbox.ids.ownerId;
    const topUntil = new Date(deps.clock.now().getTime() + 2_500);
    await setTopUntil(p.placementId, topUntil);
    const offending = sandbox.emulator.postInChannel(olga, p.chatId, 'Breaking news');
    let deadline = Date.now() + 5_000;
    while ((await violationsOf(p.placementId)).length === 0 && Date.now() < deadline)
      await sleep(100);
    const expected = [
      {
        kind: 'top',
        at: new Date(offending.date * 1000).toISOString(),
        from: new Date(offending.date * 1000).toISOString(),
        until: topUntil.toISOString(),
        messageId: offending.message_id,
      },
    ];
    expect(await violationsOf(p.placementId)).toEqual(expected);

    // After top_until (Telegram dates are whole seconds): the post is fetched and changes nothing.
    await sleep(Math.max(0, topUntil.getTime() + 1_100 - deps.clock.now().getTime()));
    sandbox.emulator.postInChannel(olga, p.chatId, 'Evening news');
    const bot = sandbox.emulator.defaultBot();
    deadline = Date.now() + 5_000;
    while (bot.updates.pending.length > 0 && Date.now() < deadline) await sleep(50);
    await sleep(700);
    expect(await violationsOf(p.placementId)).toEqual(expected);
  });
});

describe('isPost', () => {
  const base = { message_id: 5, date: 0, chat: { id: -100, type: 'channel' as const, title: 'C' } };
  it('counts content, not service messages', () => {
    expect(isPost({ ...base, text: 'hi' })).toBe(true);
    expect(isPost({ ...base, photo: [], caption: 'x' })).toBe(true);
    expect(isPost({ ...base, pinned_message: { ...base, text: 'ad' } } as never)).toBe(false);
    expect(isPost({ ...base, new_chat_title: 'New' })).toBe(false);
  });
});
