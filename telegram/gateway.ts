import { Api } from 'grammy';
import type { Redis } from 'ioredis';
import type { Logger } from '../models/logger.js';
import { botPace, chatWindow, countedCall, telegramLimits, type OutboundLimits } from './limits.js';
import { htmlByDefault } from './parse-mode.js';
import { createLocalSchedule, createRedisSchedule, type SharedSchedule } from './redis-schedule.js';
import { createMemorySchedule, type Reservation } from './schedule.js';
import { botApiOptions } from './http-fetch.js';

export interface OutboundStats {
  /** Calls that went out (a 429 retried counts again). */
  sent: number;
  /** 429 answers seen, each waited out (retry_after) and retried. */
  flood429: number;
  /** Counted calls reserved in memory because Redis was down or failing (Redis mode only). */
  redisFallbacks: number;
  /** Reservations given up because the call could not go at its time (it reserved again). */
  lateReservations: number;
}

/** The one way out to Telegram for everything but the bot's replies in the current chat. */
export interface OutboundGateway {
  /** A grammY Api whose every counted call waits its turn (limits.ts) and outlives 429s. */
  readonly api: Api;
  readonly stats: OutboundStats;
}

export interface OutboundOptions {
  /** The bot's numeric id (the token's prefix): its windows are keyed by it. */
  botId: string;
  logger: Logger;
  /** Shares the limits with every process sending as the bot; without it, this process only. */
  redis?: Redis;
  limits?: Partial<OutboundLimits>;
  /** Monotonic milliseconds (performance.now()'s scale with Redis) and a sleep; tests pass fakes. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Redis key prefix of the bot's windows: `<prefix>all` and `<prefix>chat:<chat id>`. */
export const windowKeyPrefix = (botId: string) => `lytslot:tg:${botId}:`;

/**
 * Installs the limits on `api` as a transformer: each counted call (limits.ts) reserves a time at
 * least `leadMs` ahead under the bot's pace (≈30/s, evenly spaced) and its chat's window (1/s
 * private, 20/min group or channel) — in Redis when given, else in memory — and waits for it; a
 * 429 is waited out (retry_after) and retried up to max429Retries times. Other calls pass straight
 * through, with the same 429 handling.
 */
export function installOutboundLimits(api: Api, options: OutboundOptions): OutboundStats {
  const limits = { ...telegramLimits, ...options.limits };
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? realSleep;
  const stats: OutboundStats = { sent: 0, flood429: 0, redisFallbacks: 0, lateReservations: 0 };
  const memory = createMemorySchedule();
  const schedule: SharedSchedule = options.redis
    ? createRedisSchedule({
        redis: options.redis,
        memory,
        logger: options.logger,
        now,
        onFallback: () => void (stats.redisFallbacks += 1),
      })
    : createLocalSchedule(memory);
  const prefix = windowKeyPrefix(options.botId);
  const botWindow = { key: `${prefix}all`, window: botPace(limits) };
  const reservationOf = (method: string, payload: unknown): Reservation | undefined => {
    const counted = countedCall(method, payload);
    if (!counted) return undefined;
    if (!counted.chat) return { bot: botWindow };
    const { id, kind } = counted.chat;
    return {
      bot: botWindow,
      chat: { key: `${prefix}chat:${id}`, window: chatWindow(limits, kind) },
    };
  };

  // A call that cannot go at its reserved time (Redis answered after it, or the event loop woke
  // it late) by more than half the margin reserves again, so its windows hold at Telegram's end.
  const lateAfterMs = limits.marginMs / 2;
  const waitForTurn = async (reservation: Reservation) => {
    for (;;) {
      const at = await schedule.reserve(reservation, now() + limits.leadMs);
      if (at > now()) await sleep(at - now());
      if (now() - at <= lateAfterMs) return;
      stats.lateReservations += 1;
    }
  };

  api.config.use(async (prev, method, payload, signal) => {
    const reservation = reservationOf(method, payload);
    for (let attempt = 0; ; attempt++) {
      if (reservation) await waitForTurn(reservation);
      stats.sent += 1;
      const result = await prev(method, payload, signal);
      if (result.ok || result.error_code !== 429 || attempt >= limits.max429Retries) return result;
      stats.flood429 += 1;
      await sleep(Math.max(1, result.parameters?.retry_after ?? 1) * 1000);
    }
  });
  return stats;
}

export interface GatewayOptions extends Omit<OutboundOptions, 'botId'> {
  token: string;
  apiRoot?: string;
}

/**
 * The process's outbound gateway, built once by main.ts and passed to the bot and the jobs: an
 * Api of its own (not the bot's, so the bot's replies keep their own auto-retry) with HTML by
 * default and the limits installed, shared across processes when Redis is given.
 */
export function createOutboundGateway(options: GatewayOptions): OutboundGateway {
  const { token, apiRoot, ...rest } = options;
  const botId = /^(\d+):/.exec(token)?.[1];
  if (!botId) throw new Error('the bot token has no numeric bot id before its colon');
  const api = new Api(token, botApiOptions(apiRoot));
  api.config.use(htmlByDefault);
  return { api, stats: installOutboundLimits(api, { ...rest, botId }) };
}
