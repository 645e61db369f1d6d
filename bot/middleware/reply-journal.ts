import { AsyncLocalStorage } from 'node:async_hooks';
import type { Redis } from 'ioredis';
import type { MiddlewareFn, Transformer } from 'grammy';
import type { ConversationContext } from '../context.js';

/**
 * The reply journal of a sharded worker (docs/bot.md «Sharded runners»): while one update is
 * handled, each Bot API call it makes is numbered and its answer recorded in Redis. When the
 * update is handled again — its worker died after answering the user but before acknowledging
 * the update — the calls already made are not made again: the n-th call gets the n-th recorded
 * answer. A handler run again on the same state makes the same calls, so the user sees each
 * reply once. Outside a journaled update (polling, webhook, jobs) calls pass through unchanged.
 */
interface JournalScope {
  redis: Redis;
  key: string;
  ttlSeconds: number;
  calls: number;
  recorded: Map<number, string> | undefined;
}

const scope = new AsyncLocalStorage<JournalScope>();
/** Journaled calls whose answer is not recorded yet (a kill now could repeat them). */
let unrecorded = 0;

/** Methods that change nothing at Telegram: never journaled. */
const readOnly = /^(get|logOut$|close$)/;

export const replyJournal: Transformer = async (prev, method, payload, signal) => {
  const current = scope.getStore();
  if (!current || readOnly.test(method)) return prev(method, payload, signal);
  const index = current.calls++;
  const recorded = current.recorded?.get(index);
  if (recorded !== undefined) return JSON.parse(recorded) as Awaited<ReturnType<typeof prev>>;
  unrecorded += 1;
  try {
    const result = await prev(method, payload, signal);
    if (result.ok) {
      // Redis down: the call was made, so the handler goes on; only a takeover before Redis is
      // back could repeat it (failing the handler here would repeat it for certain).
      await current.redis
        .multi()
        .hset(current.key, String(index), JSON.stringify(result))
        .expire(current.key, current.ttlSeconds)
        .exec()
        .catch(() => undefined);
    }
    return result;
  } finally {
    unrecorded -= 1;
  }
};

/** Conversations build their own Api per update (bot.api's transformers do not reach it). */
export const conversationReplyJournal: MiddlewareFn<ConversationContext> = async (ctx, next) => {
  ctx.api.config.use(replyJournal);
  await next();
};

export interface ReplyJournal {
  /**
   * Runs one update's handling with its calls journaled; `redelivered` (the update may have been
   * handled before) loads what an earlier run recorded.
   */
  run<T>(updateId: number, redelivered: boolean, fn: () => Promise<T>): Promise<T>;
  /** Forgets an update's journal once it is acknowledged. */
  forget(updateId: number): Promise<void>;
}

/** A journal in Redis under `<prefix>replies:<update id>`, kept a day at most. */
export function createReplyJournal(redis: Redis, prefix: string): ReplyJournal {
  const keyOf = (updateId: number) => `${prefix}replies:${updateId}`;
  return {
    async run(updateId, redelivered, fn) {
      const key = keyOf(updateId);
      let recorded: Map<number, string> | undefined;
      if (redelivered) {
        const stored = await redis.hgetall(key);
        recorded = new Map(Object.entries(stored).map(([k, v]) => [Number(k), v]));
      }
      return scope.run({ redis, key, ttlSeconds: 86_400, calls: 0, recorded }, fn);
    },
    async forget(updateId) {
      await redis.del(keyOf(updateId));
    },
  };
}

/** Journaled calls in flight in this process whose answer is not recorded yet. */
export function unrecordedCalls(): number {
  return unrecorded;
}
