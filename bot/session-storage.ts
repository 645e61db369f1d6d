import type { StorageAdapter } from 'grammy';
import type { Database } from '../models/db.js';
import { deleteSession, readSession, writeSessionStatement } from '../models/sessions/queries.js';

/** The session storage, which can also take a value loaded elsewhere for the next read. */
export interface SessionStorage<T> extends StorageAdapter<T> {
  /**
   * Serves `value` (as stored; null or undefined ⇒ none) to reads of `key` while `fn` runs, instead
   * of reading it again: the account middleware loads it with the account in one round trip.
   */
  primed<R>(key: string, value: unknown, fn: () => Promise<R>): Promise<R>;
}

/**
 * grammY StorageAdapter over bot_sessions, as app_rw (no tenant): a read is one short transaction
 * (or the value primed with the account), a write one statement in one round trip. A value written
 * back unchanged (same JSON as read) is not written again.
 */
export function createSessionStorage<T>(database: Database): SessionStorage<T> {
  const readAs = new WeakMap<object, string>();
  const loaded = new Map<string, unknown>();
  return {
    async read(key) {
      const value = loaded.has(key)
        ? loaded.get(key)
        : await database.withScope({}, (tx) => readSession(tx, key));
      loaded.delete(key);
      if (value === undefined || value === null) return undefined;
      if (typeof value === 'object') readAs.set(value, JSON.stringify(value));
      return value as T;
    },
    async write(key, value) {
      if (typeof value === 'object' && value !== null) {
        const before = readAs.get(value);
        const after = JSON.stringify(value);
        if (before === after) return;
        readAs.set(value, after);
      }
      await database.scopedStatement({}, writeSessionStatement(key, value));
    },
    async delete(key) {
      await database.withScope({}, (tx) => deleteSession(tx, key));
    },
    async primed(key, value, fn) {
      loaded.set(key, value);
      try {
        return await fn();
      } finally {
        loaded.delete(key);
      }
    },
  };
}
