import type { Redis } from 'ioredis';
import type { Middleware } from 'koa';
import {
  createFallbackStore,
  createMemoryCounters,
  type CounterStore,
} from '../../bot/middleware/rate-limit-store.js';
import type { Clock } from '../../models/clock.js';
import type { Logger } from '../../models/logger.js';
import { apiKeyScopeOf } from './auth.js';
import { answerProblem } from './problems.js';

export interface KeyRateLimitDeps {
  /** Requests one key may make per window (API_RATE_LIMIT). */
  limit: number;
  windowMs?: number;
  clock: Clock;
  logger: Logger;
  /** Counters shared by every process; without it (or while it fails) each process counts alone. */
  redis?: Redis;
}

/** Redis key of a key's counter: prefix + key id + window number. */
export const apiRateLimitKeyPrefix = 'lytslot:api-ratelimit:';

/**
 * Fixed windows per API key aligned to the clock (every process agrees where a window ends):
 * `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` (seconds) on every answer to a
 * key, and a 429 problem with `Retry-After` beyond the limit. Runs after requireApiKey.
 */
export function rateLimitPerKey(deps: KeyRateLimitDeps): Middleware {
  const windowMs = deps.windowMs ?? 60_000;
  const memory = createMemoryCounters(windowMs);
  const store: Pick<CounterStore, 'incr'> = deps.redis
    ? createFallbackStore(deps.redis, deps.logger, { windowMs })
    : { incr: async (key) => memory.incr(key) };
  return async (ctx, next) => {
    const { keyId } = apiKeyScopeOf(ctx);
    const now = deps.clock.now().getTime();
    const window = Math.floor(now / windowMs);
    const hits = await store.incr(`${apiRateLimitKeyPrefix}${keyId}:${window}`);
    const resetSeconds = Math.max(1, Math.ceil(((window + 1) * windowMs - now) / 1000));
    ctx.set('RateLimit-Limit', String(deps.limit));
    ctx.set('RateLimit-Remaining', String(Math.max(0, deps.limit - hits)));
    ctx.set('RateLimit-Reset', String(resetSeconds));
    if (hits > deps.limit) {
      ctx.set('Retry-After', String(resetSeconds));
      answerProblem(ctx, 'rate-limited', {
        detail: `This key may make ${deps.limit} requests per ${windowMs / 1000} s; try again in ${resetSeconds} s.`,
      });
      return;
    }
    await next();
  };
}
