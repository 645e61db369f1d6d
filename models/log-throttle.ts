import { createSystemClock, type Clock } from './clock.js';
import { isDatabaseOutage } from './db-outage.js';
import type { Logger } from './logger.js';

/** Lines a noisy source may write: one per key per window, the rest counted. */
export interface KeyedLogThrottle {
  warn(key: string, fields: Record<string, unknown>, message: string): void;
  error(key: string, fields: Record<string, unknown>, message: string): void;
}

/**
 * At most one line per key every `everyMs` (default a minute); lines held back are counted and the
 * next line written for that key carries the count as `suppressed`. Keys are a small fixed set
 * (job names, sources), so the table of last writes stays small.
 */
export function createKeyedLogThrottle(
  logger: Logger,
  options: { everyMs?: number; clock?: Clock } = {},
): KeyedLogThrottle {
  const everyMs = options.everyMs ?? 60_000;
  const clock = options.clock ?? createSystemClock();
  const seen = new Map<string, { writtenAt: number; suppressed: number }>();
  const write =
    (level: 'warn' | 'error') =>
    (key: string, fields: Record<string, unknown>, message: string) => {
      const now = clock.now().getTime();
      const last = seen.get(key);
      if (last && now - last.writtenAt < everyMs) {
        last.suppressed += 1;
        return;
      }
      seen.set(key, { writtenAt: now, suppressed: 0 });
      logger[level](
        { ...fields, ...(last?.suppressed ? { suppressed: last.suppressed } : {}) },
        message,
      );
    };
  return { warn: write('warn'), error: write('error') };
}

/** Error lines of a source that fails on every poll while the database is away. */
export interface OutageLog {
  warn(key: string, err: unknown, fields: Record<string, unknown>, message: string): void;
  error(key: string, err: unknown, fields: Record<string, unknown>, message: string): void;
}

/**
 * Logs an error as usual, unless it is a database outage (isDatabaseOutage): those go through a
 * keyed throttle, at most one line per key a minute, so an outage of any length stays a few lines.
 */
export function createOutageLog(
  logger: Logger,
  options: { everyMs?: number; clock?: Clock } = {},
): OutageLog {
  const throttle = createKeyedLogThrottle(logger, options);
  const write =
    (level: 'warn' | 'error') =>
    (key: string, err: unknown, fields: Record<string, unknown>, message: string) => {
      if (isDatabaseOutage(err)) throttle[level](key, { err, ...fields }, message);
      else logger[level]({ err, ...fields }, message);
    };
  return { warn: write('warn'), error: write('error') };
}
