import type { Database, DbOrTx } from '../db.js';
import { readSetting, writeSetting } from '../platform/queries.js';
import { recordAudit } from '../audit/record-audit.js';

export const adminLanguages = ['ru', 'en'] as const;
export type AdminLanguage = (typeof adminLanguages)[number];
const key = 'admin_language';

/** The one language of the admin chat (cards, prompts, refusals): Russian unless set. */
export async function readAdminLanguage(tx: DbOrTx): Promise<AdminLanguage> {
  const value = await readSetting(tx, key);
  return adminLanguages.find((l) => l === value) ?? 'ru';
}

/** Reads the admin chat's language in its own transaction. */
export function adminLanguageOf(database: Database): Promise<AdminLanguage> {
  return database.withSystem('admin: read the admin language', (tx) => readAdminLanguage(tx));
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
