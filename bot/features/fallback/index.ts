import { Composer } from 'grammy';
import type { BotContext } from '../../context.js';

/**
 * Last in the chain. In private chats any message nobody handled (free text, unknown commands,
 * stickers, photos, files…) gets one short hint; stale buttons get their spinner stopped.
 * Groups and channels are ignored silently.
 */
export function createFallbackFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const privateChats = feature.chatType('private');
  privateChats.on('message', async (ctx) => {
    await ctx.reply(ctx.t('fallback-hint'));
  });
  privateChats.on('callback_query', async (ctx) => {
    await ctx.answerCallbackQuery();
  });
  return feature;
}
