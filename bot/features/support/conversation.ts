import type { Conversation } from '@grammyjs/conversations';
import type { I18n } from '@grammyjs/i18n';
import { GrammyError } from 'grammy';
import type { User } from 'grammy/types';
import { adminLanguageOf } from '../../../models/admin/admin-language.js';
import { assertNever } from '../../../models/errors.js';
import type { BotContext, BotDeps, ConversationContext } from '../../context.js';
import { escapeHtml, html } from '../../html.js';
import { isCommand, supportTextLimit, validateSupportText } from './validate.js';

export const supportConversationId = 'support';

type SupportConversation = Conversation<BotContext, ConversationContext>;

/** The card for the platform team, in the admin chat's language (`/adminlang`, Russian by default). */
function adminMessage(i18n: I18n<BotContext>, locale: string, from: User, text: string): string {
  const name = [from.first_name, from.last_name].filter(Boolean).join(' ');
  return i18n.t(locale, 'support-admin-message', {
    name: escapeHtml(name),
    username: from.username ? `@${escapeHtml(from.username)}` : '',
    id: String(from.id),
    language: escapeHtml(from.language_code ?? '?'),
    text: escapeHtml(text),
  });
}

/**
 * Help → «Ask support»: asks for one text message, re-asks (without leaving) on anything else,
 * and forwards the text to the admin chat. Another command leaves the conversation and runs;
 * button presses pass through to the menus; /cancel is handled before conversations run.
 */
export function createSupportConversation(deps: BotDeps, i18n: I18n<BotContext>) {
  return async function support(conversation: SupportConversation, ctx: ConversationContext) {
    const adminChatId = deps.config.adminChatId;
    if (adminChatId === undefined) {
      await ctx.reply(ctx.t('support-not-configured'), html);
      return;
    }
    await ctx.reply(ctx.t('support-ask', { max: supportTextLimit }), html);
    for (;;) {
      const answer = await conversation.wait();
      const message = answer.message;
      if (!message) return await conversation.skip({ next: true });
      if (isCommand(message)) return await conversation.halt({ next: true });
      const result = validateSupportText(message);
      if (result.ok) {
        // The admin chat is not this chat: through the gateway, once (not again on replay).
        const delivered = await conversation.external(async () => {
          const locale = await adminLanguageOf(deps.database, deps.config.adminTelegramIds);
          const text = adminMessage(i18n, locale, message.from, result.value);
          try {
            await deps.outbound.api.sendMessage(adminChatId, text, html);
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
        if (!delivered) {
          await answer.reply(answer.t('support-failed'), html);
          return;
        }
        await answer.reply(answer.t('support-sent'), html);
        return;
      }
      switch (result.code) {
        case 'not_text':
          await answer.reply(answer.t('support-text-only'), html);
          break;
        case 'too_long':
          await answer.reply(
            answer.t('support-too-long', {
              length: message.text?.length ?? 0,
              max: supportTextLimit,
            }),
            html,
          );
          break;
        default:
          assertNever(result.code);
      }
    }
  };
}
