import { Api } from 'grammy';

/** Telegram's bot limits (about): overall, per group/channel and per private chat. */
export interface SenderLimits {
  perSecond: number;
  perChatPerMinute: number;
  perPrivatePerSecond: number;
  /** 429 answers retried (after retry_after) before the error is given up to the caller. */
  max429Retries: number;
  /** Monotonic milliseconds and a sleep (tests pass fakes; real time by default). */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export const defaultSenderLimits: SenderLimits = {
  perSecond: 30,
  perChatPerMinute: 20,
  perPrivatePerSecond: 1,
  max429Retries: 10,
};

export interface SenderStats {
  /** Calls that went out through the limiter. */
  sent: number;
  /** 429 answers seen (each retried after its retry_after). */
  flood429: number;
}

export interface TelegramSender {
  /** The same Api, with every call going through the limiter (install once per Api). */
  api: Api;
  stats: SenderStats;
}

/** Methods that put a message into a chat: these count against the per-chat limits. */
const postingMethod = /^(send|copyMessage|forwardMessage)/;

/**
 * A sliding-window limiter: `reserve()` returns when the next call may go, keeping at most `count`
 * calls in any `windowMs`. Reservations are handed out in order, so bursts queue, never drop.
 */
function windowLimiter(count: number, windowMs: number, now: () => number) {
  const times: number[] = [];
  return {
    reserve(): number {
      const t0 = now();
      while (times.length && times[0]! <= t0 - windowMs) times.shift();
      let at = t0;
      if (times.length >= count) at = Math.max(at, times[times.length - count]! + windowMs);
      if (times.length) at = Math.max(at, times[times.length - 1]!);
      times.push(at);
      return at;
    },
  };
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The one outbound path to Telegram (bot-independent): installs a transformer on `api` so every
 * call waits its turn — about 30/s overall, 20/min per group or channel (negative chat ids) and
 * 1/s per private chat for posting methods — and a 429 answer is retried after its retry_after
 * (up to max429Retries times). Publishing, verification and settlement all send through it.
 */
export function createTelegramSender(api: Api, limits: Partial<SenderLimits> = {}): TelegramSender {
  const l = { ...defaultSenderLimits, ...limits };
  const now = l.now ?? (() => performance.now());
  const sleep = l.sleep ?? realSleep;
  const overall = windowLimiter(l.perSecond, 1000, now);
  const chats = new Map<string, ReturnType<typeof windowLimiter>>();
  const stats: SenderStats = { sent: 0, flood429: 0 };
  const chatLimiter = (chatId: string) => {
    let limiter = chats.get(chatId);
    if (!limiter) {
      const isPrivate = !chatId.startsWith('-') && !chatId.startsWith('@');
      limiter = isPrivate
        ? windowLimiter(l.perPrivatePerSecond, 1000, now)
        : windowLimiter(l.perChatPerMinute, 60_000, now);
      chats.set(chatId, limiter);
    }
    return limiter;
  };
  const waitUntil = async (at: number) => {
    const ms = at - now();
    if (ms > 0) await sleep(ms);
  };
  api.config.use(async (prev, method, payload, signal) => {
    const chatId =
      payload && typeof payload === 'object' && 'chat_id' in payload
        ? String((payload as { chat_id: unknown }).chat_id)
        : undefined;
    for (let attempt = 0; ; attempt++) {
      // Telegram's limits count messages; reads (getChat, getChatMember…) pass straight through.
      if (postingMethod.test(method)) {
        if (chatId !== undefined) await waitUntil(chatLimiter(chatId).reserve());
        await waitUntil(overall.reserve());
      }
      stats.sent++;
      const result = await prev(method, payload, signal);
      if (result.ok || result.error_code !== 429 || attempt >= l.max429Retries) return result;
      stats.flood429++;
      await sleep(Math.max(1, result.parameters?.retry_after ?? 1) * 1000);
    }
  });
  return { api, stats };
}

const shared = new Map<string, TelegramSender>();

/**
 * The process's one limited sender per bot (token + API root): every job module should take its
 * Api from here, so the limits hold for the whole process rather than per module.
 */
export function sharedTelegramSender(token: string, apiRoot?: string): TelegramSender {
  const key = `${apiRoot ?? ''}\n${token}`;
  let sender = shared.get(key);
  if (!sender) {
    sender = createTelegramSender(new Api(token, apiRoot ? { apiRoot } : {}));
    shared.set(key, sender);
  }
  return sender;
}
