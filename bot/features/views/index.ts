import { createConversation } from '@grammyjs/conversations';
import { Composer, InlineKeyboard } from 'grammy';
import { formatMoment } from '../../../format/dates.js';
import { viewsData, viewsSkipData } from '../../../messages/callback-data/views.js';
import {
  findViewsTarget,
  maxReportedViews,
  readViewsEvidence,
  reportPlacementViews,
} from '../../../models/views/report-views.js';
import type { BotContext, BotDeps, ConversationContext } from '../../context.js';
import { privateChats } from '../../kit/account.js';
import {
  accept,
  ask,
  currentAccountId,
  refuse,
  type BotConversation,
} from '../../kit/conversation.js';
import { askNumber } from '../../kit/steps.js';

export const viewsConversationId = 'report-views';

/** «1 234», «1234», «1,234», «1 234» → 1234; anything else (letters, decimals) undefined. */
export function parseViews(text: string): number | undefined {
  const digits = text.trim().replace(/[\s\u00a0\u202f,.'’]/g, '');
  return /^\d{1,12}$/.test(digits) ? Number(digits) : undefined;
}

function createViewsConversation(deps: BotDeps) {
  return async function reportViews(
    conversation: BotConversation,
    ctx: ConversationContext,
    args: { placementId: string },
  ) {
    const accountId = await currentAccountId(conversation);
    if (!accountId) return;
    const target = await conversation.external(() =>
      findViewsTarget(deps.database, accountId, args.placementId),
    );
    if (!target.ok) {
      await ctx.reply(ctx.t('views-not-found'));
      return;
    }
    const locale = await conversation.external((outside) => outside.i18n.getLocale());
    const views = await askNumber(conversation, ctx, {
      prompt: ctx.t('views-ask', {
        channel: target.value.channelTitle,
        // A replayed external result is JSON: the date comes back as text.
        when: formatMoment(new Date(target.value.publishedAt), target.value.timezone, locale),
      }),
      parse: parseViews,
      min: 1,
      max: maxReportedViews,
      retry: {
        invalid: ctx.t('views-invalid'),
        tooSmall: ctx.t('views-invalid'),
        tooLarge: ctx.t('views-too-many'),
      },
    });
    const evidence = await ask<string | null>(conversation, ctx, {
      prompt: ctx.t('views-ask-screenshot'),
      keyboard: new InlineKeyboard().text(ctx.t('views-skip'), viewsSkipData),
      buttons: [viewsSkipData],
      read: (answer) => {
        if (answer.callbackQuery?.data === viewsSkipData) return accept(null);
        const photo = answer.message?.photo?.at(-1);
        return photo ? accept(photo.file_id) : refuse(ctx.t('views-screenshot-only'));
      },
    });
    const saved = await conversation.external(() =>
      reportPlacementViews(
        deps.database,
        { accountId, placementId: args.placementId, views, evidence },
        deps.clock,
      ),
    );
    if (!saved.ok) {
      await ctx.reply(ctx.t('views-not-found'));
      return;
    }
    const ctr = new Intl.NumberFormat(locale, {
      style: 'percent',
      maximumFractionDigits: 2,
    }).format(saved.value.clicks / saved.value.views);
    await ctx.reply(
      ctx.t('views-saved', { views, ctr, evidence: evidence === null ? 'no' : 'yes' }),
    );
  };
}

/**
 * Views the channel's owner reports (`vw:report:<placementId>`, under the end-of-post report): the
 * number they read on the post and, optionally, a screenshot of it; the advertiser's report then
 * shows them and the CTR, and `vw:show:<placementId>` sends the advertiser the screenshot.
 */
export function createViewsFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.use(
    createConversation<BotContext, ConversationContext>(createViewsConversation(deps), {
      id: viewsConversationId,
    }),
  );
  const chats = privateChats(feature);
  chats.callbackQuery(viewsData.filter, async (ctx) => {
    const { action, placementId } = viewsData.parse(ctx.callbackQuery.data);
    const accountId = ctx.account.id;
    if (action === 'show') {
      const evidence = await readViewsEvidence(deps.database, accountId, placementId);
      if (!evidence)
        return ctx.answerCallbackQuery({ text: ctx.t('views-no-screenshot'), show_alert: true });
      await ctx.answerCallbackQuery();
      await ctx.replyWithPhoto(evidence.fileId, {
        caption: ctx.t('views-screenshot-caption', { views: evidence.views }),
      });
      return;
    }
    const target = await findViewsTarget(deps.database, accountId, placementId);
    if (!target.ok)
      return ctx.answerCallbackQuery({ text: ctx.t('views-not-found'), show_alert: true });
    await ctx.answerCallbackQuery();
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(viewsConversationId, { placementId });
  });
  return feature;
}
