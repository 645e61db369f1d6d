import type { User } from 'grammy/types';
import { adminLanguageOf } from '../../../../models/admin/admin-language.js';
import type { AdminActor } from '../../../../models/admin/block.js';
import type { BotContext, BotDeps } from '../../../context.js';
import type { BotI18n } from '../../../i18n.js';
import type { HtmlArgs, Translate } from '../../../../messages/i18n.js';

/** Translates in the admin chat's one language (/adminlang, else its admins' language). */
export type AdminT = Translate & { locale: string };

/** The translator of the admin chat, read once per update. */
export async function adminTranslator(
  deps: Pick<BotDeps, 'database' | 'config'>,
  i18n: BotI18n,
): Promise<AdminT> {
  const locale = await adminLanguageOf(deps.database, deps.config.adminTelegramIds);
  const t = ((key: string, vars?: HtmlArgs) => i18n.t(locale, key, vars)) as AdminT;
  t.locale = locale;
  return t;
}

/** The admin acting, for audit rows and notices. */
export function adminOf(from: User): AdminActor {
  const name =
    [from.first_name, from.last_name].filter(Boolean).join(' ') || from.username || String(from.id);
  return { telegramId: from.id, name };
}

/** The text after a command, split into its first word and the rest. */
export function splitArgs(match: string): { first: string; rest: string } {
  const text = match.trim();
  const space = text.search(/\s/);
  return space < 0
    ? { first: text, rest: '' }
    : { first: text.slice(0, space), rest: text.slice(space + 1).trim() };
}

/** Whether an update comes from the configured admin chat. */
export function inAdminChat(ctx: BotContext, adminChatId: number | undefined): boolean {
  return adminChatId !== undefined && ctx.chat?.id === adminChatId;
}
