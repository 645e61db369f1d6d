import { Composer } from 'grammy';
import type { BotContext } from '../../context.js';
import { html } from '../../../format/html.js';

/** /cancel leaves every active conversation; installed before the conversations see updates. */
export function createCancelFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.chatType('private').command('cancel', async (ctx) => {
    const active = Object.keys(ctx.conversation.active());
    if (active.length === 0) {
      await ctx.reply(ctx.t('cancel-nothing'), html);
      return;
    }
    await ctx.conversation.exitAll();
    await ctx.reply(ctx.t('cancel-done'), html);
  });
  return feature;
}
