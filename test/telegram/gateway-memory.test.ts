import { Api } from 'grammy';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../models/logger.js';
import { installOutboundLimits } from '../../telegram/gateway.js';
import { telegramLimits, type OutboundLimits } from '../../telegram/limits.js';

/**
 * An Api whose network is a fake (answers ok, or 429 `flood` times) on a fake clock, limited as
 * the gateway limits it in memory (no Redis). marginMs 0 unless given: Telegram's exact rules.
 */
function fakeApi(
  options: { flood?: number; retryAfter?: number; limits?: Partial<OutboundLimits> } = {},
) {
  let flood = options.flood ?? 0;
  let t = 0;
  const sentAt: { method: string; chatId: unknown; at: number }[] = [];
  const api = new Api('1:fake');
  api.config.use(async (_prev, method, payload) => {
    const chatId = (payload as { chat_id?: unknown } | undefined)?.chat_id;
    if (flood > 0) {
      flood--;
      return {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests',
        parameters: { retry_after: options.retryAfter ?? 3 },
      } as never;
    }
    sentAt.push({ method, chatId, at: t });
    return { ok: true, result: { message_id: sentAt.length } } as never;
  });
  const stats = installOutboundLimits(api, {
    botId: '1',
    logger: createLogger({ level: 'silent' }),
    limits: { marginMs: 0, leadMs: 0, ...options.limits },
    now: () => t,
    sleep: (ms: number) => {
      t += ms;
      return Promise.resolve();
    },
  });
  const timesTo = (chatId: unknown) => sentAt.filter((s) => s.chatId === chatId).map((s) => s.at);
  return { api, sentAt, stats, timesTo, now: () => t };
}

describe('the outbound gateway in memory (no Redis), on a fake clock', () => {
  it('keeps at most 20 posts a minute in one channel and queues the rest (none dropped)', async () => {
    const { api, sentAt } = fakeApi();
    for (let i = 0; i < 45; i++) await api.sendMessage(-100123, `post ${i}`);
    expect(sentAt).toHaveLength(45);
    const times = sentAt.map((s) => s.at);
    expect(times.slice(0, 20).every((at) => at < 60_000)).toBe(true);
    expect(times[20]).toBe(60_000);
    expect(times[40]).toBe(120_000);
    for (let i = 20; i < times.length; i++)
      expect(times[i]! - times[i - 20]!).toBeGreaterThanOrEqual(60_000);
  });

  it('counts a channel by @username as a channel, and sends its posts in order', async () => {
    const { api, sentAt } = fakeApi();
    for (let i = 0; i < 21; i++) await api.sendMessage('@lytslot_demo', `post ${i}`);
    expect(sentAt[19]!.at).toBeLessThan(1000);
    expect(sentAt[20]!.at).toBe(60_000);
  });

  it('keeps about 30 calls a second overall across chats, evenly spaced', async () => {
    const { api, sentAt } = fakeApi();
    for (let i = 0; i < 61; i++) await api.sendMessage(-100_000 - i, 'burst');
    const times = sentAt.map((s) => s.at).sort((a, b) => a - b);
    expect(times).toHaveLength(61);
    expect(times[29]!).toBeLessThan(1000);
    expect(times[30]!).toBeGreaterThanOrEqual(1000);
    expect(times[60]!).toBeGreaterThanOrEqual(2000);
    // One call every ⌈1000 / 30⌉ ms: a burst never reaches Telegram as a burst.
    expect(times.slice(1).map((t, i) => t - times[i]!)).toEqual(Array(60).fill(34));
  });

  it('sends at most one message a second to a private chat', async () => {
    const { api, timesTo } = fakeApi();
    for (let i = 0; i < 3; i++) await api.sendMessage(4242, `hi ${i}`);
    expect(timesTo(4242)).toEqual([0, 1000, 2000]);
  });

  it('widens every window by the margin (default 100 ms) against arrival jitter', async () => {
    const { api, timesTo, sentAt } = fakeApi({ limits: { marginMs: telegramLimits.marginMs } });
    for (let i = 0; i < 3; i++) await api.sendMessage(4242, `hi ${i}`);
    expect(timesTo(4242)).toEqual([0, 1100, 2200]);
    await api.sendMessage(1, 'a');
    await api.sendMessage(2, 'b');
    expect(sentAt.slice(3).map((s) => s.at)).toEqual([2237, 2274]);
  });

  it('counts edits with messages, but not chat actions, reads, pins or deletes', async () => {
    const { api, timesTo } = fakeApi();
    await api.sendMessage(4242, 'card');
    await api.editMessageText(4242, 1, 'card, edited');
    expect(timesTo(4242)).toEqual([0, 1000]);
    await api.sendChatAction(4242, 'typing');
    await api.getChat(4242);
    await api.pinChatMessage(4242, 1);
    await api.deleteMessage(4242, 1);
    expect(timesTo(4242).slice(2)).toEqual([1000, 1000, 1000, 1000]);
  });

  it('waits retry_after on 429 and sends once', async () => {
    const { api, sentAt, stats, now } = fakeApi({ flood: 2, retryAfter: 3 });
    const sent = await api.sendMessage(-100777, 'ad');
    expect(sent.message_id).toBe(1);
    expect(sentAt).toHaveLength(1);
    expect(stats.flood429).toBe(2);
    expect(stats.sent).toBe(3);
    expect(now()).toBeGreaterThanOrEqual(6000);
  });

  it('gives the 429 to the caller after max429Retries', async () => {
    const { api, stats } = fakeApi({ flood: 5, retryAfter: 1, limits: { max429Retries: 2 } });
    await expect(api.sendMessage(-100777, 'ad')).rejects.toMatchObject({ error_code: 429 });
    expect(stats.flood429).toBe(2);
  });

  it('does not spend the 30 messages/s budget on reads', async () => {
    const { api, sentAt } = fakeApi();
    for (let i = 0; i < 30; i++) {
      await api.getChatMember(-100_000 - i, 1);
      await api.sendMessage(-100_000 - i, 'post');
    }
    // 30 posts and 30 rights checks fit in the first second: only messages are limited.
    expect(sentAt).toHaveLength(60);
    expect(sentAt.every((s) => s.at < 1000)).toBe(true);
  });
});
