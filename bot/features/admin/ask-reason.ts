import type { BotI18n } from '../../i18n.js';
import type { Context, MiddlewareFn } from 'grammy';
import { adminLanguageOf } from '../../../models/admin/admin-language.js';
import {
  awaitAdminReply,
  takeAdminReply,
  takeLatestAdminReply,
  type PendingAdminReply,
} from '../../../models/admin/admin-replies.js';
import { adminCardOf } from '../../../models/admin/cards.js';
import type { AdminCardKind } from '../../../models/admin/table.js';
import type { BotContext, BotDeps } from '../../context.js';

/** Longest reason an admin may give (it is shown to users and stored in the audit log). */
export const adminReasonLimit = 1000;

export interface AdminReply extends PendingAdminReply {
  /** The admin's answer, trimmed (1…adminReasonLimit characters). */
  text: string;
  admin: { telegramId: number; name: string };
}

const replies = new WeakMap<Context, AdminReply>();

/** The admin who acts in this update, as shown on decided cards. */
export function adminActor(ctx: Context): { telegramId: number; name: string } {
  const from = ctx.from;
  const name = [from?.first_name, from?.last_name].filter(Boolean).join(' ');
  return { telegramId: from?.id ?? 0, name: name || (from?.username ?? String(from?.id ?? '')) };
}

/**
 * Asks the admin chat for a reason (or an amount) with a ForceReply prompt under the card and
 * remembers which card and action it completes; the reply arrives as `adminReplyOf(ctx)` in the
 * handler registered with `onAdminReply(kind, action, …)`. `promptKey` is a locale key
 * (translated in the admin language with `vars`). Answers the button press, if any (a handler
 * may ask again after a reply it cannot use).
 */
export async function askAdminReason(
  ctx: BotContext,
  deps: BotDeps,
  i18n: BotI18n,
  input: {
    kind: AdminCardKind;
    objectId: string;
    action: string;
    promptKey: string;
    vars?: Record<string, string | number>;
  },
): Promise<void> {
  const chatId = ctx.chat?.id;
  const locale = await adminLanguageOf(deps.database, deps.config.adminTelegramIds);
  const card = await adminCardOf(deps.database, input.kind, input.objectId);
  if (chatId === undefined || !card || card.status !== 'open') {
    if (ctx.callbackQuery)
      await ctx.answerCallbackQuery({ text: i18n.t(locale, 'admin-card-closed') });
    return;
  }
  // The admin chat is a group: the prompt counts against its 20 messages a minute with the cards,
  // so it goes through the outbound gateway like them.
  const sent = await deps.outbound.api.sendMessage(
    chatId,
    i18n.t(locale, input.promptKey, input.vars),
    {
      reply_markup: {
        force_reply: true,
        input_field_placeholder: i18n.t(locale, 'admin-reason-placeholder'),
      },
      ...(card.messageId !== null
        ? { reply_parameters: { message_id: card.messageId, allow_sending_without_reply: true } }
        : {}),
    },
  );
  await awaitAdminReply(deps.database, {
    kind: input.kind,
    objectId: input.objectId,
    action: input.action,
    promptMessageId: sent.message_id,
    telegramId: ctx.from?.id ?? 0,
    at: deps.clock.now(),
  });
  if (ctx.callbackQuery)
    await ctx.answerCallbackQuery({ text: i18n.t(locale, 'admin-reason-asked') });
}

/**
 * Behind the guard: the answer to one of the bot's prompts in the admin chat — a reply to the
 * prompt, or (when the client did not send a reply: the sandbox page, a dismissed ForceReply) a
 * plain message from the admin who asked, answering their newest open prompt. Text within the
 * limit consumes the prompt and goes on as adminReplyOf(ctx); anything else is answered and the
 * prompt stays open. Other messages pass by.
 */
export function createAdminReplies(deps: BotDeps, i18n: BotI18n): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const message = ctx.message;
    if (!message) return next();
    const target = message.reply_to_message;
    const text = message.text?.trim() ?? '';
    const valid = text.length > 0 && text.length <= adminReasonLimit && !text.startsWith('/');
    let pending: PendingAdminReply | undefined;
    if (target) {
      if (target.from?.id !== ctx.me.id) return next();
      pending = await takeAdminReply(deps.database, target.message_id, { consume: valid });
    } else if (valid && ctx.from) {
      pending = await takeLatestAdminReply(deps.database, ctx.from.id);
    }
    if (!pending) return next();
    if (!valid) {
      const locale = await adminLanguageOf(deps.database, deps.config.adminTelegramIds);
      await ctx.reply(i18n.t(locale, 'admin-reason-invalid', { max: adminReasonLimit }), {
        reply_parameters: { message_id: message.message_id },
      });
      return;
    }
    replies.set(ctx, { ...pending, text, admin: adminActor(ctx) });
    await next();
  };
}

/** The admin's answer to a prompt in this update, if it is one. */
export function adminReplyOf(ctx: Context): AdminReply | undefined {
  return replies.get(ctx);
}

/** Runs `handler` for answers to prompts of (kind, action); other updates pass by. */
export function onAdminReply(
  kind: AdminCardKind,
  action: string,
  handler: (ctx: BotContext, reply: AdminReply) => Promise<void>,
): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const reply = replies.get(ctx);
    if (reply && reply.kind === kind && reply.action === action) return handler(ctx, reply);
    return next();
  };
}
