import { tooManyRequests } from './errors.js';
import type { BotState } from './world.js';

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/** A token bucket: `capacity` sends at once, refilled at `perSecond`. */
export interface FloodLimit {
  capacity: number;
  perSecond: number;
}

/** The buckets per bot (global), per group or channel, and per private chat. */
export interface FloodLimits {
  global: FloodLimit;
  group: FloodLimit;
  private: FloodLimit;
}

/** Telegram's documented limits, with the short bursts it tolerates. */
export const telegramFloodLimits: FloodLimits = {
  global: { capacity: 30, perSecond: 30 },
  group: { capacity: 20, perSecond: 20 / 60 },
  private: { capacity: 3, perSecond: 1 },
};

/** Methods that put a new message into a chat (what the limits count). */
export const countedMethods = new Set([
  'sendMessage',
  'sendPhoto',
  'sendVideo',
  'sendAnimation',
  'sendDocument',
  'sendSticker',
  'sendAudio',
  'sendVoice',
  'sendMediaGroup',
  'sendInvoice',
  'copyMessage',
  'copyMessages',
  'forwardMessage',
]);

export interface FloodControl {
  /** Throws 429 when a send by `bot` into `chatId` would exceed the limits. */
  check(bot: BotState, method: string, chatId: unknown): void;
}

/**
 * Token buckets per bot and per (bot, chat); `now` is a monotonic clock in ms. `overrides` replace
 * some of Telegram's limits (tests scale the group's minute down to seconds).
 */
export function createFloodControl(
  now: () => number = () => performance.now(),
  overrides: Partial<FloodLimits> = {},
): FloodControl {
  const limits = { ...telegramFloodLimits, ...overrides };
  const buckets = new Map<string, Bucket>();
  const take = (key: string, limit: FloodLimit, t: number): number => {
    const bucket = buckets.get(key) ?? { tokens: limit.capacity, updatedMs: t };
    bucket.tokens = Math.min(
      limit.capacity,
      bucket.tokens + ((t - bucket.updatedMs) / 1000) * limit.perSecond,
    );
    bucket.updatedMs = t;
    buckets.set(key, bucket);
    if (bucket.tokens >= 1) return 0;
    return Math.max(1, Math.ceil((1 - bucket.tokens) / limit.perSecond));
  };
  return {
    check(bot, method, chatId) {
      if (!countedMethods.has(method)) return;
      const t = now();
      const chatLimit = typeof chatId === 'number' && chatId > 0 ? limits.private : limits.group;
      const chatKey = `${bot.user.id}:${String(chatId)}`;
      const wait = Math.max(take(`${bot.user.id}`, limits.global, t), take(chatKey, chatLimit, t));
      if (wait > 0) throw tooManyRequests(wait);
      for (const key of [`${bot.user.id}`, chatKey]) {
        const bucket = buckets.get(key);
        if (bucket) bucket.tokens -= 1;
      }
    },
  };
}
