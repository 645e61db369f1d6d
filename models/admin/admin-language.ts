import { inArray } from 'drizzle-orm';
import { accounts } from '../accounts/table.js';
import type { Database, DbOrTx } from '../db.js';
import { readSetting, writeSetting } from '../platform/queries.js';
import { recordAudit } from '../audit/record-audit.js';

export const adminLanguages = ['ru', 'en'] as const;
export type AdminLanguage = (typeof adminLanguages)[number];
const key = 'admin_language';

/** The language most of these accounts use (ties: the earlier listed admin's), if any has one. */
async function adminsLanguage(
  tx: DbOrTx,
  adminTelegramIds: readonly number[],
): Promise<AdminLanguage | undefined> {
  if (adminTelegramIds.length === 0) return undefined;
  const rows = await tx
    .select({ telegramId: accounts.telegramId, language: accounts.language })
    .from(accounts)
    .where(inArray(accounts.telegramId, [...adminTelegramIds]));
  const spoken = adminTelegramIds
    .map((id) => adminLanguages.find((l) => l === rows.find((r) => r.telegramId === id)?.language))
    .filter((l): l is AdminLanguage => l !== undefined);
  const votes = (language: AdminLanguage) => spoken.filter((l) => l === language).length;
  return spoken.reduce<AdminLanguage | undefined>(
    (best, l) => (best === undefined || votes(l) > votes(best) ? l : best),
    undefined,
  );
}

/**
 * The one language of the admin chat (cards, prompts, refusals): the one set by /adminlang, else
 * the language of the listed admins' accounts (ADMIN_TELEGRAM_IDS), else English.
 */
export async function readAdminLanguage(
  tx: DbOrTx,
  adminTelegramIds: readonly number[],
): Promise<AdminLanguage> {
  const value = await readSetting(tx, key);
  const chosen = adminLanguages.find((l) => l === value);
  return chosen ?? (await adminsLanguage(tx, adminTelegramIds)) ?? 'en';
}

/** Reads the admin chat's language in its own transaction. */
export function adminLanguageOf(
  database: Database,
  adminTelegramIds: readonly number[],
): Promise<AdminLanguage> {
  return database.withSystem('admin: read the admin language', (tx) =>
    readAdminLanguage(tx, adminTelegramIds),
  );
}

/** `/adminlang en|ru`: stores the admin chat's language (audited). */
export async function setAdminLanguage(
  database: Database,
  input: { language: AdminLanguage; actor: string; at: Date },
): Promise<void> {
  await database.withSystem('admin: set the admin language', async (tx) => {
    await writeSetting(tx, key, input.language);
    await recordAudit(tx, {
      actor: input.actor,
      action: 'admin.language',
      objectType: 'platform',
      objectId: key,
      data: { language: input.language },
      at: input.at,
    });
  });
}
