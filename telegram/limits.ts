/** At most `count` calls in any `windowMs` (a sliding window). */
export interface RateWindow {
  count: number;
  windowMs: number;
}

/** Telegram's limits for one bot, as the outbound gateway holds them. */
export interface OutboundLimits {
  /** Every counted call of the bot, whatever the chat (Telegram: about 30 messages a second). */
  perBot: RateWindow;
  /** One private chat (a positive chat id): 1 message a second. */
  perPrivateChat: RateWindow;
  /** One group, supergroup or channel (a negative id or an @username): 20 messages a minute. */
  perGroup: RateWindow;
  /**
   * Added to every window, so arrival jitter (network, a busy event loop) never squeezes two calls
   * into one window at Telegram's end: 1/s becomes one per 1.1 s. A call that could not go within
   * half of it after its reserved time reserves again (gateway.ts).
   */
  marginMs: number;
  /**
   * How far ahead a call is booked: time to reserve and prepare it (a Redis round trip, the
   * bookkeeping of a burst of calls made at once) before it must go.
   */
  leadMs: number;
  /** 429 answers retried (after their retry_after) before the error reaches the caller. */
  max429Retries: number;
}

export const telegramLimits: OutboundLimits = {
  perBot: { count: 30, windowMs: 1000 },
  perPrivateChat: { count: 1, windowMs: 1000 },
  perGroup: { count: 20, windowMs: 60_000 },
  marginMs: 100,
  leadMs: 100,
  max429Retries: 10,
};

/**
 * What the limits count: calls that put a message into a chat (`send*` but sendChatAction,
 * copyMessage(s), forwardMessage(s)) and edits of one (`editMessage*`: Telegram throttles a chat's
 * edits with its messages). An album or a copyMessages call counts once. Reads, pins, deletes,
 * answers to callback queries, refunds and the like pass straight through.
 */
const countedMethod = /^(send(?!ChatAction$)|copyMessages?$|forwardMessages?$|editMessage)/;

/** A counted call: the chat it goes to (none for an inline message's edit) and that chat's kind. */
export interface CountedCall {
  chat?: { id: string; kind: 'private' | 'group' };
}

/** Whether `method` counts against the limits, and against which chat's window. */
export function countedCall(method: string, payload: unknown): CountedCall | undefined {
  if (!countedMethod.test(method)) return undefined;
  const chatId =
    payload && typeof payload === 'object' && 'chat_id' in payload
      ? String((payload as { chat_id: unknown }).chat_id)
      : undefined;
  if (chatId === undefined) return {};
  return { chat: { id: chatId, kind: /^\d+$/.test(chatId) ? 'private' : 'group' } };
}

/** The window of a counted call's chat under `limits` (margin included). */
export function chatWindow(limits: OutboundLimits, kind: 'private' | 'group'): RateWindow {
  return withMargin(kind === 'private' ? limits.perPrivateChat : limits.perGroup, limits);
}

/** `window` widened by the limits' safety margin. */
export function withMargin(window: RateWindow, limits: OutboundLimits): RateWindow {
  return { count: window.count, windowMs: window.windowMs + limits.marginMs };
}

/**
 * The bot's window as it is held: its calls evenly spaced, one every (window + margin) / count ms
 * (30/s ⇒ one per 37 ms), which keeps any window to `count`. A burst of 30 at once would leave
 * Telegram's per-bot bucket (refilled at that same rate) no room for arrival jitter; spaced calls
 * leave it nearly full.
 */
export function botPace(limits: OutboundLimits): RateWindow {
  const { count, windowMs } = withMargin(limits.perBot, limits);
  return { count: 1, windowMs: Math.ceil(windowMs / count) };
}
