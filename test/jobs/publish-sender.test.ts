import { Api } from 'grammy';
import { describe, expect, it } from 'vitest';
import { createTelegramSender } from '../../jobs/telegram-sender.js';

/** An Api whose network is a fake (answers ok, or 429 `flood` times) on a fake clock. */
function fakeApi(flood = 0, retryAfter = 3) {
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
        parameters: { retry_after: retryAfter },
      } as never;
    }
    sentAt.push({ method, chatId, at: t });
    return { ok: true, result: { message_id: sentAt.length } } as never;
  });
  const clock = {
    now: () => t,
    sleep: (ms: number) => {
      t = Math.max(t, t + ms);
      return Promise.resolve();
    },
  };
  const sender = createTelegramSender(api, clock);
  return { api, sentAt, stats: sender.stats, now: () => t };
}

describe('createTelegramSender', () => {
  it('keeps at most 20 posts a minute in one channel and queues the rest (none dropped)', async () => {
    const { api, sentAt } = fakeApi();
    for (let i = 0; i < 25; i++) await api.sendMessage(-100123, `post ${i}`);
    expect(sentAt).toHaveLength(25);
    expect(sentAt.slice(0, 20).every((s) => s.at < 60_000)).toBe(true);
    expect(sentAt[20]!.at).toBeGreaterThanOrEqual(60_000);
  });

  it('keeps about 30 calls a second overall across chats', async () => {
    const { api, sentAt } = fakeApi();
    for (let i = 0; i < 61; i++) await api.sendMessage(-100_000 - i, 'burst');
    expect(sentAt).toHaveLength(61);
    const times = sentAt.map((s) => s.at).sort((a, b) => a - b);
    expect(times[29]!).toBeLessThan(1000);
    expect(times[30]!).toBeGreaterThanOrEqual(1000);
    expect(times[60]!).toBeGreaterThanOrEqual(2000);
  });

  it('sends at most one message a second to a private chat', async () => {
    const { api, sentAt } = fakeApi();
    for (let i = 0; i < 3; i++) await api.sendMessage(4242, `hi ${i}`);
    expect(sentAt.map((s) => s.at)).toEqual([0, 1000, 2000]);
  });

  it('waits retry_after on 429 and sends once', async () => {
    const { api, sentAt, stats, now } = fakeApi(2, 3);
    const sent = await api.sendMessage(-100777, 'ad');
    expect(sent.message_id).toBe(1);
    expect(sentAt).toHaveLength(1);
    expect(stats.flood429).toBe(2);
    expect(now()).toBeGreaterThanOrEqual(6000);
  });

  it('does not count reads against the per-chat posting limit', async () => {
    const { api, sentAt } = fakeApi();
    for (let i = 0; i < 25; i++) await api.getChat(-100555);
    expect(sentAt.at(-1)!.at).toBeLessThan(60_000);
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
