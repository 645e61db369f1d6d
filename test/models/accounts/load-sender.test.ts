import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAccount } from '../../../models/accounts/ensure-account.js';
import { loadSender } from '../../../models/accounts/load-sender.js';
import type { Clock } from '../../../models/clock.js';
import type { Database } from '../../../models/db.js';
import { writeSession } from '../../../models/sessions/queries.js';
import { createTestDatabase } from '../../helpers/db.js';

let database: Database;
const clock: Clock = { now: () => new Date('2026-01-01T10:00:00Z'), offsetMs: () => 0 };

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

const cy = { telegramId: 2001, username: 'cy', firstName: 'Cy', language: 'ru' };

describe('loadSender', () => {
  it('creates the account on first contact, with no session yet', async () => {
    const first = await loadSender(database, cy, 'user:2001', clock);
    expect(first.session).toBeUndefined();
    expect(first.account).toMatchObject({ telegramId: 2001, username: 'cy', language: 'ru' });
    expect(first.account.blockedAt).toBeNull();
  });

  it('returns the same account and the stored session as ensureAccount and the session read do', async () => {
    await database.withScope({}, (tx) => writeSession(tx, 'user:2001', { language: 'en' }));
    const loaded = await loadSender(database, cy, 'user:2001', clock);
    const ensured = await database.withScope({}, (tx) => ensureAccount(tx, cy, clock));
    expect(loaded.account).toEqual(ensured);
    expect(loaded.session).toEqual({ language: 'en' });
    expect((await loadSender(database, cy, undefined, clock)).session).toBeUndefined();
  });

  it('follows a profile change and keeps the chosen language', async () => {
    const renamed = await loadSender(
      database,
      { ...cy, username: undefined, firstName: 'Cyril', language: 'en' },
      'user:2001',
      clock,
    );
    expect(renamed.account).toMatchObject({ username: null, firstName: 'Cyril', language: 'ru' });
    expect(renamed.session).toEqual({ language: 'en' });
    const again = await loadSender(
      database,
      { ...cy, username: undefined, firstName: 'Cyril' },
      'user:2001',
      clock,
    );
    expect(again.account).toEqual(renamed.account);
  });

  it('creates one account for concurrent first contacts and brings a session stored before', async () => {
    const dee = { telegramId: 2002, username: undefined, firstName: 'Dee', language: 'en' };
    await database.withScope({}, (tx) => writeSession(tx, 'user:2002', { language: 'ru' }));
    const loaded = await Promise.all(
      [1, 2, 3].map(() => loadSender(database, dee, 'user:2002', clock)),
    );
    expect(new Set(loaded.map((l) => l.account.id)).size).toBe(1);
    expect(loaded.map((l) => l.session)).toEqual([1, 2, 3].map(() => ({ language: 'ru' })));
    expect(loaded[0]?.account).toMatchObject({ telegramId: 2002, username: null, language: 'en' });
  });
});
