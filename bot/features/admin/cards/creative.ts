import { InlineKeyboard } from 'grammy';
import {
  approveOrderCreatives,
  creativeModerationFacts,
  rejectOrderCreatives,
} from '../../../../models/admin/moderate-creative.js';
import type { Creative } from '../../../../models/creatives/content.js';
import { readMarking } from '../../../../models/marking/marking.js';
import { readFlags } from '../../../../models/moderation/flags.js';
import { escapeHtml } from '../../../html.js';
import { noticeDeps } from '../../../outbound.js';
import { itemLines, markingText, totalLines } from '../../checkout/present.js';
import { sendCreativePreview } from '../../creative/preview.js';
import { tellAdvertiser, tellMembers, sendReviewCards } from '../../review/notify.js';
import { refundAndTell } from '../../review/refund.js';
import { adminData } from '../callback-data.js';
import { type AdminCardActions, moderationCardActions } from './actions-kit.js';
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

/**
 * Approve ⇒ routing goes on (owner review or scheduled) and both sides hear of it as after a
 * payment; Reject asks for the reason, then the advertiser sees it and is refunded in full.
 */
export const creativeCardActions: AdminCardActions = (input) => {
  const { deps, i18n } = input;
  return moderationCardActions(input, {
    kind: 'creative',
    promptKey: 'admin-ask-reason-advertiser',
    approve: (orderId, admin) =>
      approveOrderCreatives(deps.database, { orderId, admin }, deps.clock),
    approved: async (_ctx, approved, orderId) => {
      const notify = noticeDeps(deps, i18n);
      const { workspaceId } = approved;
      if (approved.route === 'in_review' && approved.reviewDeadlineAt) {
        await tellAdvertiser(notify, workspaceId, orderId, {
          kind: 'in_review',
          deadline: approved.reviewDeadlineAt,
        });
        await sendReviewCards(notify, workspaceId, orderId);
      } else {
        await tellAdvertiser(notify, workspaceId, orderId, { kind: 'scheduled' });
        await tellMembers(notify, workspaceId, orderId, 'auto_scheduled');
      }
    },
    reject: (reply) =>
      rejectOrderCreatives(
        deps.database,
        { orderId: reply.objectId, admin: reply.admin, reason: reply.text },
        deps.clock,
      ),
    rejected: (_ctx, rejected, reply) =>
      refundAndTell(
        noticeDeps(deps, i18n),
        { workspaceId: rejected.workspaceId, orderId: rejected.orderId },
        `admin:${reply.admin.telegramId}`,
      ),
  });
};
