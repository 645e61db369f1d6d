import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminLanguageOf, setAdminLanguage } from '../../../models/admin/admin-language.js';
import { insertAccount } from '../../../models/accounts/queries.js';
import type { Database } from '../../../models/db.js';
import { createTestDatabase } from '../../helpers/db.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const at = new Date('2026-12-01T00:00:00Z');

async function account(telegramId: number, language: string) {
  await database.withSystem('test: seed an account', (tx) =>
    insertAccount(tx, { telegramId, username: null, firstName: null, language, now: at }),
  );
}

describe('the admin chat language', () => {
  it("follows the listed admins' accounts until /adminlang sets it", async () => {
    // Nobody known yet: English, the bot's default.
    expect(await adminLanguageOf(database, [7001, 7002])).toBe('en');
    expect(await adminLanguageOf(database, [])).toBe('en');

    await account(7001, 'ru');
    expect(await adminLanguageOf(database, [7001, 7002])).toBe('ru');
    await account(7002, 'en');
    await account(7003, 'en');
    // Most admins speak English; a tie goes to the admin listed first.
    expect(await adminLanguageOf(database, [7001, 7002, 7003])).toBe('en');
    expect(await adminLanguageOf(database, [7001, 7002])).toBe('ru');
    // Accounts of people who are not listed admins do not count.
    expect(await adminLanguageOf(database, [7001])).toBe('ru');

    await setAdminLanguage(database, { language: 'en', actor: 'admin:7001', at });
    expect(await adminLanguageOf(database, [7001])).toBe('en');
  });
});
