import type { StorageAdapter } from 'grammy';
import type { Database } from '../models/db.js';
import { deleteSession, readSession, writeSession } from '../models/sessions/queries.js';

/**
 * grammY StorageAdapter over bot_sessions. Each call is one short transaction as app_rw
 * (no tenant). A value written back unchanged (same JSON as read) is not written again.
 */
export function createSessionStorage<T>(database: Database): StorageAdapter<T> {
  const readAs = new WeakMap<object, string>();
  return {
    async read(key) {
      const value = await database.withScope({}, (tx) => readSession(tx, key));
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
      await database.withScope({}, (tx) => writeSession(tx, key, value));
    },
    async delete(key) {
      await database.withScope({}, (tx) => deleteSession(tx, key));
    },
  };
}
