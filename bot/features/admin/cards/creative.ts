import type { I18n } from '@grammyjs/i18n';
import { Composer, InlineKeyboard } from 'grammy';
import {
  approveOrderCreatives,
  creativeModerationFacts,
  type ModerateCreativeCode,
  rejectOrderCreatives,
} from '../../../../models/admin/moderate-creative.js';
import type { Creative } from '../../../../models/creatives/content.js';
import { assertNever } from '../../../../models/errors.js';
import { readMarking } from '../../../../models/marking/marking.js';
import { readFlags } from '../../../../models/moderation/flags.js';
import type { BotContext, BotDeps } from '../../../context.js';
import { escapeHtml } from '../../../html.js';
import { itemLines, markingText, totalLines } from '../../checkout/present.js';
import { sendCreativePreview } from '../../creative/preview.js';
import { tellAdvertiser, tellMembers, sendReviewCards } from '../../review/notify.js';
import { refundAndTell } from '../../review/refund.js';
import { adminActor, askAdminReason, onAdminReply } from '../ask-reason.js';
import { adminData, adminDataPattern } from '../callback-data.js';
import { type AdminCardActionDeps, type AdminCardActions, answerAdmin } from './actions-kit.js';
import type { AdminCardRenderer } from './registry.js';

/**
 * A paid order whose creatives wait for an admin: advertiser, slots, total, why it is here
 * (first-time advertiser, content-check flags); the creatives follow the card as exact previews.
 */
export const renderCreativeCard: AdminCardRenderer = async ({ card, t, locale, database }) => {
  const facts = await creativeModerationFacts(database, card.objectId);
  if (!facts) return { text: t('admin-card-gone', { id: card.objectId }) };
  const { order, variants } = facts;
  const reasons = Array.isArray(card.data.reasons) ? (card.data.reasons as string[]) : [];
  const flags = variants.flatMap((v) =>
    readFlags(v.flags).map((f) =>
      t('admin-creative-flag', {
        variant: v.variantIndex + 1,
        source: f.source,
        code: f.code,
        detail: escapeHtml(f.detail),
      }),
    ),
  );
  const text = [
    t('admin-creative-card', {
      order: order.id.slice(0, 8),
      advertiser: escapeHtml(order.advertiser.firstName ?? '—'),
      advertiserId: String(order.advertiser.telegramId),
      variants: variants.length,
    }),
    itemLines(t, order, locale, null),
    totalLines(t, order, locale),
    markingText(t, order.marking),
    reasons.map((r) => t('admin-creative-reason', { reason: r })).join('\n'),
    flags.join('\n'),
  ]
    .filter(Boolean)
    .join('\n\n');
  const keyboard = new InlineKeyboard()
    .text(t('admin-button-approve'), adminData('creative', 'ok', order.id))
    .text(t('admin-button-reject'), adminData('creative', 'no', order.id));
  const marking = readMarking(order.marking);
  return {
    text,
    keyboard,
    attachments: async (api, chatId) => {
      for (const variant of variants) {
        const creative = { content: variant.content, buttons: variant.buttons };
        await sendCreativePreview(api, chatId, creative as unknown as Creative, marking);
      }
    },
  };
};

async function answerCode(ctx: BotContext, input: AdminCardActionDeps, code: ModerateCreativeCode) {
  switch (code) {
    case 'not_found':
      return answerAdmin(ctx, input, 'admin-card-gone-short');
    case 'not_pending':
      return answerAdmin(ctx, input, 'admin-card-closed');
    default:
      assertNever(code);
  }
}

function notifyDeps(ctx: BotContext, deps: BotDeps, i18n: I18n<BotContext>) {
  return { ...deps, api: ctx.api, i18n };
}

/**
 * Approve ⇒ routing goes on (owner review or scheduled) and both sides hear of it as after a
 * payment; Reject asks for the reason, then the advertiser sees it and is refunded in full.
 */
export const creativeCardActions: AdminCardActions = (input) => {
  const { deps, i18n } = input;
  const feature = new Composer<BotContext>();
  feature.callbackQuery(adminDataPattern('creative', ['ok', 'no']), async (ctx) => {
    const [, action, orderId] = ctx.match as RegExpMatchArray as [string, string, string];
    if (action === 'no') {
      await askAdminReason(ctx, deps, i18n, {
        kind: 'creative',
        objectId: orderId,
        action: 'reject',
        promptKey: 'admin-ask-reason-advertiser',
      });
      return;
    }
    const result = await approveOrderCreatives(
      deps.database,
      { orderId, admin: adminActor(ctx) },
      deps.clock,
    );
    if (!result.ok) return answerCode(ctx, input, result.code);
    await answerAdmin(ctx, input, 'admin-done');
    await input.refresh(ctx, 'creative', orderId);
    const notify = notifyDeps(ctx, deps, i18n);
    const { workspaceId } = result.value;
    if (result.value.route === 'in_review' && result.value.reviewDeadlineAt) {
      await tellAdvertiser(notify, workspaceId, orderId, {
        kind: 'in_review',
        deadline: result.value.reviewDeadlineAt,
      });
      await sendReviewCards(notify, workspaceId, orderId);
    } else {
      await tellAdvertiser(notify, workspaceId, orderId, { kind: 'scheduled' });
      await tellMembers(notify, workspaceId, orderId, 'auto_scheduled');
    }
  });
  feature.use(
    onAdminReply('creative', 'reject', async (ctx, reply) => {
      const result = await rejectOrderCreatives(
        deps.database,
        { orderId: reply.objectId, admin: reply.admin, reason: reply.text },
        deps.clock,
      );
      if (!result.ok) return answerCode(ctx, input, result.code);
      await input.refresh(ctx, 'creative', reply.objectId);
      await refundAndTell(
        notifyDeps(ctx, deps, i18n),
        { workspaceId: result.value.workspaceId, orderId: result.value.orderId },
        `admin:${reply.admin.telegramId}`,
      );
    }),
  );
  return feature;
};
