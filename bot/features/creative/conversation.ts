import { linkTargets } from '../../../models/clicks/links.js';
import { promotedUsername } from '../../../models/joins/invite-target.js';
import { InlineKeyboard } from 'grammy';
import { loadCreativeBundle, variantLimit } from '../../../models/creatives/bundle.js';
import { checkCreativeLength } from '../../../models/creatives/render.js';
import { saveCreativeVariant, variantsAllowed } from '../../../models/creatives/save-creative.js';
import { assertNever } from '../../../models/errors.js';
import { setBundleMarking } from '../../../models/creatives/set-bundle-marking.js';
import { moderationFromConfig } from '../../../models/providers/moderation.js';
import type { BotDeps, ConversationContext } from '../../context.js';
import { askMarking } from '../marking/ask-marking.js';
import { sendCreativePreview } from '../../../messages/creative-preview.js';
import { currentAccountId, type BotConversation } from '../../kit/conversation.js';
import { askChoice } from '../../kit/steps.js';
import { askButtons, askContent } from './steps.js';
import { refusedText, tooLongText } from './texts.js';

export const creativeConversationId = 'creative';

export interface CreativeArgs {
  bundleId: string;
  variantIndex: number;
}

/**
 * Hands in the bundle's creative: the post, its URL buttons, the marking data when a channel
 * requires it, then the exact preview with «Looks good» (→ checkout), «Redo» and «Add a variant».
 * Bad input is refused with a reason and changes nothing; another command leaves.
 */
export function createCreativeConversation(deps: BotDeps) {
  const ai = moderationFromConfig(deps.config.moderation, deps.logger);
  return async function creative(
    conversation: BotConversation,
    ctx: ConversationContext,
    args: CreativeArgs,
  ) {
    const accountId = await currentAccountId(conversation);
    const chatId = ctx.chat?.id;
    if (!accountId || chatId === undefined) return;
    const input = { accountId, bundleId: args.bundleId };
    const bundle = await conversation.external(() => loadCreativeBundle(deps.database, input));
    if (!bundle.ok) {
      await ctx.reply(ctx.t('creative-not-found'));
      return;
    }
    let marking = bundle.value.marking;
    let variantIndex = Math.min(args.variantIndex, bundle.value.variants, variantLimit - 1);
    for (;;) {
      await ctx.reply(ctx.t('creative-variant', { n: variantIndex + 1, max: variantLimit }));
      const content = await askContent(conversation, ctx, marking, bundle.value.channels);
      const buttons = await askButtons(conversation, ctx, bundle.value.channels);
      const creative = { content, buttons };
      if (bundle.value.requiresMarking && !marking) {
        const entered = await askMarking(conversation, ctx, { sandbox: deps.config.testClock });
        const stored = await conversation.external(() =>
          setBundleMarking(deps.database, { ...input, marking: entered }, deps.clock),
        );
        if (!stored.ok) {
          await ctx.reply(ctx.t('creative-not-found'));
          return;
        }
        marking = entered;
        await ctx.reply(ctx.t('marking-saved'));
      }
      const length = checkCreativeLength(creative, marking);
      if (!length.ok) {
        await ctx.reply(tooLongText(ctx.t, length.detail, marking !== null));
        continue;
      }
      const saved = await conversation.external(() =>
        saveCreativeVariant(deps.database, { ...input, variantIndex, creative }, deps.clock, ai),
      );
      if (!saved.ok) {
        switch (saved.code) {
          case 'content_refused':
            await ctx.reply(refusedText(ctx.t, saved.detail));
            continue;
          case 'too_long':
            await ctx.reply(tooLongText(ctx.t, saved.detail, marking !== null));
            continue;
          case 'variants_pro':
            await ctx.reply(ctx.t('creative-variants-pro'));
            return;
          case 'not_found':
          case 'not_editable':
          case 'variant_limit':
            await ctx.reply(ctx.t('creative-not-found'));
            return;
          default:
            assertNever(saved.code);
        }
      }
      await ctx.reply(ctx.t('creative-preview-intro'));
      await sendCreativePreview(
        ctx.api,
        chatId,
        creative,
        marking,
        ctx.t('creative-preview-buttons'),
      );
      // Links to a channel or group: joins are counted once the bot may invite there.
      const promoted = [
        ...new Set(
          linkTargets(creative).flatMap((url) => {
            const username = promotedUsername(url);
            return username ? [`@${username}`] : [];
          }),
        ),
      ];
      if (promoted.length)
        await ctx.reply(
          ctx.t('creative-joins-hint', { chats: promoted.join(', '), bot: `@${ctx.me.username}` }),
        );
      const keyboard = new InlineKeyboard()
        .text(ctx.t('creative-looks-good'), 'crt:ok')
        .row()
        .text(ctx.t('creative-redo'), 'crt:redo');
      if (variantIndex + 1 < variantLimit)
        keyboard.row().text(ctx.t('creative-add-variant'), 'crt:add');
      let choice = await askChoice(conversation, ctx, {
        prompt: ctx.t('creative-preview-actions'),
        keyboard,
        choices: ['crt:ok', 'crt:redo', 'crt:add'],
        retry: ctx.t('creative-use-buttons'),
      });
      // Another variant makes an A/B test, a Pro feature: without it, the choice is asked again.
      while (
        choice === 'crt:add' &&
        !(await conversation.external(() =>
          variantsAllowed(deps.database, input.accountId, deps.clock),
        ))
      ) {
        choice = await askChoice(conversation, ctx, {
          prompt: ctx.t('creative-variants-pro'),
          keyboard: new InlineKeyboard()
            .text(ctx.t('creative-looks-good'), 'crt:ok')
            .row()
            .text(ctx.t('creative-redo'), 'crt:redo'),
          choices: ['crt:ok', 'crt:redo'],
          retry: ctx.t('creative-use-buttons'),
        });
      }
      if (choice === 'crt:ok') {
        const pay = new InlineKeyboard().text(
          ctx.t('creative-continue-payment'),
          `chk:review:${args.bundleId}`,
        );
        await ctx.reply(ctx.t('creative-done'), { reply_markup: pay });
        return;
      }
      if (choice === 'crt:add') variantIndex += 1;
    }
  };
}
