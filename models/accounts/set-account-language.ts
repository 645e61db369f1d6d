import type { Clock } from '../clock.js';
import type { DbOrTx } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { updateAccountLanguage } from './queries.js';

export type SetAccountLanguageCode = 'account_not_found';

/** Stores the language a user chose (/language); the account must exist (ensureAccount ran). */
export async function setAccountLanguage(
  tx: DbOrTx,
  telegramId: number,
  language: string,
  clock: Clock,
): Promise<Result<{ language: string }, SetAccountLanguageCode>> {
  const updated = await updateAccountLanguage(tx, telegramId, language, clock.now());
  return updated ? ok({ language }) : fail('account_not_found');
}
