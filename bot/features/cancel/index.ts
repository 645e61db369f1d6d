import { Composer } from 'grammy';
import type { BotContext } from '../../context.js';

/** /cancel leaves every active conversation; installed before the conversations see updates. */
export function createCancelFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.chatType('private').command('cancel', async (ctx) => {
    const active = Object.keys(ctx.conversation.active());
    if (active.length === 0) {
      await ctx.reply(ctx.t('cancel-nothing'));
      return;
    }
    await ctx.conversation.exitAll();
    await ctx.reply(ctx.t('cancel-done'));
  });
  return feature;
}
