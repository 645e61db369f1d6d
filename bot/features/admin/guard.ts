import type { BotI18n } from '../../i18n.js';
import { Composer, type Context } from 'grammy';
import type { Config } from '../../../config.js';
import { adminLanguageOf } from '../../../models/admin/admin-language.js';
import { recordAdminRefusal } from '../../../models/admin/refusals.js';
import type { BotContext, BotDeps } from '../../context.js';
import { isAdminData } from '../../../messages/callback-data/admin.js';

/** Whether this Telegram user is listed in ADMIN_TELEGRAM_IDS. */
export function isPlatformAdmin(
  config: Pick<Config, 'adminTelegramIds'>,
  userId: number | undefined,
) {
  return userId !== undefined && config.adminTelegramIds.includes(userId);
}

/** Whether the update happens in ADMIN_CHAT_ID. */
export function isAdminChat(config: Pick<Config, 'adminChatId'>, ctx: Context): boolean {
  return config.adminChatId !== undefined && ctx.chat?.id === config.adminChatId;
}

function isCommand(ctx: Context): boolean {
  return ctx.message?.entities?.[0]?.type === 'bot_command' && ctx.message.entities[0].offset === 0;
}

/**
 * What the admin feature looks at: any `adm:` button press (wherever it comes from), and in the
 * admin chat commands, replies and listed admins' messages (a prompt's answer may come unreplied).
 * Everything else passes by.
 */
export function isAdminUpdate(
  config: Pick<Config, 'adminChatId' | 'adminTelegramIds'>,
  ctx: Context,
): boolean {
  if (ctx.callbackQuery) return isAdminData(ctx.callbackQuery.data);
  if (!ctx.message || !isAdminChat(config, ctx)) return false;
  return (
    isCommand(ctx) ||
    ctx.message.reply_to_message !== undefined ||
    isPlatformAdmin(config, ctx.from?.id)
  );
}

/**
 * The guard: inside ADMIN_CHAT_ID only listed admins' button presses and commands pass. Anyone
 * else (and any `adm:` button outside the admin chat) gets a localized refusal (an alert, or a
 * reply to a command) and an `admin.refused` audit row. Replies by non-admins are ignored.
 */
export function adminChatOnly(deps: BotDeps, i18n: BotI18n): Composer<BotContext> {
  const guard = new Composer<BotContext>();
  guard.use(async (ctx, next) => {
    const inChat = isAdminChat(deps.config, ctx);
    const admin = isPlatformAdmin(deps.config, ctx.from?.id);
    if (inChat && admin) return next();
    const command = ctx.message && isCommand(ctx);
    if (!ctx.callbackQuery && !command) return; // a non-admin's reply in the admin chat
    const attempt = ctx.callbackQuery?.data ?? ctx.message?.text ?? '';
    await recordAdminRefusal(deps.database, {
      telegramId: ctx.from?.id ?? 0,
      chatId: ctx.chat?.id,
      attempt,
      kind: ctx.callbackQuery ? 'callback' : 'command',
      why: inChat ? 'not_admin' : 'wrong_chat',
      at: deps.clock.now(),
    });
    deps.logger.info(
      { telegramId: ctx.from?.id, chatId: ctx.chat?.id, attempt: attempt.slice(0, 64) },
      'admin action refused',
    );
    const text = i18n.t(
      await adminLanguageOf(deps.database, deps.config.adminTelegramIds),
      'admin-refused',
    );
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
    else if (ctx.message)
      await ctx.reply(text, { reply_parameters: { message_id: ctx.message.message_id } });
  });
  return guard;
}
