import { Menu } from '@grammyjs/menu';
import type { BotContext, BotDeps } from '../../context.js';
import { menuOptions, showInMenu } from '../../menu-options.js';
import { welcomeText } from './welcome.js';
import { supportConversationId } from '../support/conversation.js';

export const helpMenuId = 'help';

/** The help menu: «Ask support» enters the support conversation; Back returns to the role menu. */
export function createHelpMenu(deps: BotDeps): Menu<BotContext> {
  return new Menu<BotContext>(helpMenuId, menuOptions)
    .text(
      (ctx) => ctx.t('help-ask-support'),
      async (ctx) => {
        if (deps.config.adminChatId === undefined) {
          await ctx.reply(ctx.t('support-not-configured'));
          return;
        }
        if (ctx.conversation.active(supportConversationId) > 0) {
          await ctx.reply(ctx.t('support-already-open'));
          return;
        }
        await ctx.conversation.enter(supportConversationId);
      },
    )
    .row()
    .back(
      (ctx) => ctx.t('help-back'),
      (ctx) => showInMenu(ctx, welcomeText(ctx, ctx.from)),
    );
}
