import { createConversation } from '@grammyjs/conversations';
import { Composer } from 'grammy';
import { loadCreativeBundle } from '../../../models/creatives/bundle.js';
import type { BotContext, BotDeps, ConversationContext } from '../../context.js';
import { createCreativeConversation, creativeConversationId } from './conversation.js';

const startPattern = /^crt:start:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

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
  const privateChats = feature.chatType('private');
  privateChats.callbackQuery(startPattern, async (ctx) => {
    const bundleId = ctx.match[1] ?? '';
    const accountId = ctx.account?.id;
    const bundle = accountId
      ? await loadCreativeBundle(deps.database, { accountId, bundleId })
      : undefined;
    if (!bundle?.ok) {
      const text =
        bundle?.code === 'not_editable'
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
  privateChats.callbackQuery(/^crt:/, (ctx) =>
    ctx.answerCallbackQuery({ text: ctx.t('creative-stale'), show_alert: true }),
  );
  return feature;
}
