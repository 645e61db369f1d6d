import { createConversation } from '@grammyjs/conversations';
import { Composer } from 'grammy';
import { loadCreativeBundle } from '../../../models/creatives/bundle.js';
import type { BotContext, BotDeps, ConversationContext } from '../../context.js';
import { creativeStartData } from '../../../messages/callback-data/creative.js';
import { createCreativeConversation, creativeConversationId } from './conversation.js';
import { privateChats } from '../../kit/account.js';

/**
 * `crt:start:<bundleId>` (X's cart «Continue»): checks the bundle is the advertiser's and still
 * editable, then runs the creative conversation. Stale `crt:` buttons (no conversation) get a hint.
 */
export function createCreativeFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.use(
    createConversation<BotContext, ConversationContext>(createCreativeConversation(deps), {
      id: creativeConversationId,
    }),
  );
  const chats = privateChats(feature);
  chats.callbackQuery(creativeStartData.filter, async (ctx) => {
    const { bundleId } = creativeStartData.parse(ctx.callbackQuery.data);
    const accountId = ctx.account.id;
    const bundle = await loadCreativeBundle(deps.database, { accountId, bundleId });
    if (!bundle.ok) {
      const text =
        bundle.code === 'not_editable'
          ? ctx.t('creative-not-editable')
          : ctx.t('creative-not-found');
      return ctx.answerCallbackQuery({ text, show_alert: true });
    }
    await ctx.answerCallbackQuery();
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(creativeConversationId, {
      bundleId,
      variantIndex: bundle.value.variants > 0 ? bundle.value.variants - 1 : 0,
    });
  });
  chats.callbackQuery(/^crt:/, (ctx) =>
    ctx.answerCallbackQuery({ text: ctx.t('creative-stale'), show_alert: true }),
  );
  return feature;
}
