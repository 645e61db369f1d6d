import type { BotI18n } from '../../i18n.js';
import { GrammyError } from 'grammy';
import type { User } from 'grammy/types';
import { adminLanguageOf } from '../../../models/admin/admin-language.js';
import { assertNever } from '../../../models/errors.js';
import type { BotDeps, ConversationContext } from '../../context.js';
import { accept, refuse, type BotConversation } from '../../kit/conversation.js';
import { askText } from '../../kit/steps.js';
import { supportTextLimit, validateSupportText } from './validate.js';

export const supportConversationId = 'support';

/** The card for the platform team, in the admin chat's language (`/adminlang`, Russian by default). */
function adminMessage(i18n: BotI18n, locale: string, from: User, text: string): string {
  const name = [from.first_name, from.last_name].filter(Boolean).join(' ');
  return i18n.t(locale, 'support-admin-message', {
    name: name,
    username: from.username ? `@${from.username}` : '',
    id: String(from.id),
    language: from.language_code ?? '?',
    text: text,
  });
}

/**
 * Help → «Ask support»: asks for one text message, re-asks (without leaving) on anything else,
 * and forwards the text to the admin chat. Another command leaves the conversation and runs;
 * button presses pass through to the menus; /cancel is handled before conversations run.
 */
export function createSupportConversation(deps: BotDeps, i18n: BotI18n) {
  return async function support(conversation: BotConversation, ctx: ConversationContext) {
    const adminChatId = deps.config.adminChatId;
    if (adminChatId === undefined) {
      await ctx.reply(ctx.t('support-not-configured'));
      return;
    }
    const text = await askText(conversation, ctx, {
      prompt: ctx.t('support-ask', { max: supportTextLimit }),
      notText: ctx.t('support-text-only'),
      check: (typed) => {
        const result = validateSupportText({ text: typed });
        if (result.ok) return accept(result.value);
        switch (result.code) {
          case 'not_text':
            return refuse(ctx.t('support-text-only'));
          case 'too_long':
            return refuse(
              ctx.t('support-too-long', { length: typed.length, max: supportTextLimit }),
            );
          default:
            return assertNever(result.code);
        }
      },
    });
    const from = ctx.from;
    if (!from) return;
    // The admin chat is not this chat: through the gateway, once (not again on replay).
    const delivered = await conversation.external(async () => {
      const locale = await adminLanguageOf(deps.database, deps.config.adminTelegramIds);
      try {
        await deps.outbound.api.sendMessage(adminChatId, adminMessage(i18n, locale, from, text));
        return true;
      } catch (error) {
        if (!(error instanceof GrammyError)) throw error;
        deps.logger.warn(
          { err: error, admin_chat_id: adminChatId },
          'support message not delivered',
        );
        return false;
      }
    });
    await ctx.reply(delivered ? ctx.t('support-sent') : ctx.t('support-failed'));
  };
}
