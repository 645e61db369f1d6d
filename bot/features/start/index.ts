import type { Menu } from '@grammyjs/menu';
import { Composer } from 'grammy';
import type { BotContext } from '../../context.js';
import { html } from '../../html.js';
import { parseStartPayload, welcomeText } from './welcome.js';

/** /start (with or without a deep-link payload) shows the role menu in private chats. */
export function createStartFeature(startMenu: Menu<BotContext>): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.chatType('private').command('start', async (ctx) => {
    const payload = parseStartPayload(ctx.match);
    const welcome = welcomeText(ctx, ctx.from);
    const text =
      payload.kind === 'channel' ? `${ctx.t('start-channel-link')}\n\n${welcome}` : welcome;
    await ctx.reply(text, { ...html, reply_markup: startMenu });
  });
  return feature;
}
