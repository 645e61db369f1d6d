import type { Menu } from '@grammyjs/menu';
import { Composer } from 'grammy';
import type { BotContext } from '../../context.js';
import { html } from '../../html.js';
import type { MembersDeps } from '../members/deps.js';
import { acceptInviteFromStart } from '../members/start-payload.js';
import { parseStartPayload, welcomeText } from './welcome.js';

/**
 * /start (with or without a deep-link payload) shows the role menu in private chats; a manager
 * invite (`inv_<code>`) is redeemed by the members feature instead.
 */
export function createStartFeature(
  startMenu: Menu<BotContext>,
  members: MembersDeps,
): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.chatType('private').command('start', async (ctx) => {
    const payload = parseStartPayload(ctx.match);
    if (payload.kind === 'invite') {
      await acceptInviteFromStart(ctx, payload.code, members);
      return;
    }
    const welcome = welcomeText(ctx, ctx.from);
    const text =
      payload.kind === 'channel' ? `${ctx.t('start-channel-link')}\n\n${welcome}` : welcome;
    await ctx.reply(text, { ...html, reply_markup: startMenu });
  });
  return feature;
}
