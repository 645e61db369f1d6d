import { sql } from 'drizzle-orm';
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

  it('matches a session key exactly, quotes and backslashes included, and brings a block', async () => {
    const key = `user:2003 ' \\ ''; select 1; --`;
    const eve = { telegramId: 2003, username: 'eve', firstName: 'Eve', language: 'en' };
    await database.withScope({}, (tx) => writeSession(tx, key, { language: 'ru' }));
    expect((await loadSender(database, eve, key, clock)).session).toEqual({ language: 'ru' });
    expect((await loadSender(database, eve, `${key} `, clock)).session).toBeUndefined();
    await database.withSystem('test block', (tx) =>
      tx.execute(sql`update accounts set blocked_at = now() where telegram_id = 2003`),
    );
    expect((await loadSender(database, eve, key, clock)).account.blockedAt).toBeInstanceOf(Date);
  });

  it('reads as app_rw with an empty scope inside its own call, leaving the session as it was', async () => {
    // load_sender (migration 0020) sets its role and scope by its SET clauses: the caller, the
    // login role, reads nothing itself, and after the call the role and settings are back.
    const probe = sql`select current_user as role, current_setting('app.workspace_id', true) as ws`;
    const before = (await database.db.execute<{ role: string; ws: string | null }>(probe)).rows[0];
    expect(before?.role).not.toMatch(/^app_/);
    const direct = await database.db.execute(sql`select id from accounts where telegram_id = 2001`);
    expect(direct.rows).toEqual([]);
    const rows = await database.functionStatement(sql`select * from load_sender(${2001}, ${null})`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ telegram_id: '2001', session: null });
    const after = (await database.db.execute<{ role: string; ws: string | null }>(probe)).rows[0];
    expect(after).toEqual(before);
  });

  it('is not callable by the app roles themselves (EXECUTE only for the login role)', async () => {
    const denied = database.scopedStatement({}, sql`select * from load_sender(${2001}, ${null})`);
    await expect(denied).rejects.toThrow(/permission denied/);
  });
});
