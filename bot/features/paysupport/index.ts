import { Composer } from 'grammy';
import type { BotContext } from '../../context.js';

/**
 * `/paysupport` (Telegram requires it of bots that take Stars): the refund rules and the way to
 * support (/support). Stateless, so it is answered even inside an open conversation.
 */
export function createPaySupportFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.chatType('private').command('paysupport', (ctx) => ctx.reply(ctx.t('paysupport-text')));
  return feature;
}
