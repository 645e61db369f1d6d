import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAccount } from '../../../models/accounts/ensure-account.js';
import { setAccountLanguage } from '../../../models/accounts/set-account-language.js';
import { accounts } from '../../../models/accounts/table.js';
import type { Clock } from '../../../models/clock.js';
import type { Database } from '../../../models/db.js';
import { createTestDatabase } from '../../helpers/db.js';

let database: Database;
const clock: Clock = { now: () => new Date('2026-01-01T10:00:00Z'), offsetMs: () => 0 };

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

const ann = { telegramId: 1001, username: 'ann', firstName: 'Ann', language: 'en' };

describe('ensureAccount', () => {
  it('creates the account on first contact with the given language, then returns it', async () => {
    const created = await database.withScope({}, (tx) => ensureAccount(tx, ann, clock));
    expect(created).toMatchObject({
      telegramId: 1001,
      language: 'en',
      username: 'ann',
      blockedAt: null,
    });
    const again = await database.withScope({}, (tx) => ensureAccount(tx, ann, clock));
    expect(again.id).toBe(created.id);
  });

  it('never overwrites the chosen language, but follows profile changes', async () => {
    const result = await database.withScope({}, (tx) => setAccountLanguage(tx, 1001, 'ru', clock));
    expect(result).toEqual({ ok: true, value: { language: 'ru' } });
    const renamed = { ...ann, username: 'ann_k', language: 'en' };
    const account = await database.withScope({}, (tx) => ensureAccount(tx, renamed, clock));
    expect(account).toMatchObject({ language: 'ru', username: 'ann_k' });
    const reread = await database.withScope({}, (tx) => ensureAccount(tx, renamed, clock));
    expect(reread.username).toBe('ann_k');
  });

  it('handles concurrent first contacts of one user', async () => {
    const bob = { telegramId: 1002, username: undefined, firstName: 'Bob', language: 'ru' };
    const rows = await Promise.all(
      [1, 2, 3].map(() => database.withScope({}, (tx) => ensureAccount(tx, bob, clock))),
    );
    expect(new Set(rows.map((r) => r.id)).size).toBe(1);
  });
});

describe('setAccountLanguage', () => {
  it('refuses an unknown account', async () => {
    const result = await database.withScope({}, (tx) => setAccountLanguage(tx, 999, 'en', clock));
    expect(result).toEqual({ ok: false, code: 'account_not_found' });
  });
});

describe('a new account time zone', () => {
  it('follows the language: Moscow for Russian speakers, UTC otherwise', async () => {
    const ru = await database.withScope({}, (tx) =>
      ensureAccount(
        tx,
        { telegramId: 2001, username: undefined, firstName: 'Ivan', language: 'ru' },
        clock,
      ),
    );
    const en = await database.withScope({}, (tx) =>
      ensureAccount(
        tx,
        { telegramId: 2002, username: undefined, firstName: 'John', language: 'en' },
        clock,
      ),
    );
    const zoneOf = async (id: string) =>
      (
        await database.withScope({}, (tx) =>
          tx.select({ timezone: accounts.timezone }).from(accounts).where(eq(accounts.id, id)),
        )
      )[0]?.timezone;
    expect(await zoneOf(ru.id)).toBe('Europe/Moscow');
    expect(await zoneOf(en.id)).toBe('UTC');
  });
});
