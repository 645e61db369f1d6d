import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessionStorage } from '../../bot/session-storage.js';
import type { Database } from '../../models/db.js';
import { readSession } from '../../models/sessions/queries.js';
import { createTestDatabase } from '../helpers/db.js';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

describe('createSessionStorage', () => {
  it('reads, writes and deletes JSON values in PostgreSQL', async () => {
    const storage = createSessionStorage<{ language?: string }>(database);
    expect(await storage.read('user:1')).toBeUndefined();
    await storage.write('user:1', { language: 'ru' });
    expect(await storage.read('user:1')).toEqual({ language: 'ru' });
    await storage.write('user:1', { language: 'en' });
    expect(await createSessionStorage(database).read('user:1')).toEqual({ language: 'en' });
    await storage.delete('user:1');
    expect(await storage.read('user:1')).toBeUndefined();
  });

  it('skips writing a value that comes back unchanged, and writes a changed one', async () => {
    const storage = createSessionStorage<{ language?: string }>(database);
    await storage.write('user:2', { language: 'ru' });
    const value = await storage.read('user:2');
    if (!value) throw new Error('expected a stored session');
    // Someone else changes the row; writing back our unchanged copy must not clobber it.
    await createSessionStorage(database).write('user:2', { language: 'en' });
    await storage.write('user:2', value);
    const stored = await database.withScope({}, (tx) => readSession(tx, 'user:2'));
    expect(stored).toEqual({ language: 'en' });
    value.language = 'de';
    await storage.write('user:2', value);
    expect(await storage.read('user:2')).toEqual({ language: 'de' });
  });

  it('serves a primed value to reads while the primed work runs, and reads the row after', async () => {
    const storage = createSessionStorage<{ language?: string }>(database);
    await storage.write('user:3', { language: 'ru' });
    const seen = await storage.primed('user:3', { language: 'en' }, async () =>
      storage.read('user:3'),
    );
    expect(seen).toEqual({ language: 'en' });
    expect(
      await storage.primed('user:3', null, async () => storage.read('user:3')),
    ).toBeUndefined();
    expect(await storage.read('user:3')).toEqual({ language: 'ru' });
    // A primed value is tracked like a read one: written back unchanged, it is not written.
    const value = await storage.primed('user:3', { language: 'ru' }, async () =>
      storage.read('user:3'),
    );
    await createSessionStorage(database).write('user:3', { language: 'de' });
    if (!value) throw new Error('expected the primed session');
    await storage.write('user:3', value);
    expect(await storage.read('user:3')).toEqual({ language: 'de' });
  });
});
