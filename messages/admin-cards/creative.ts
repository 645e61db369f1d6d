import { InlineKeyboard } from 'grammy';
import { creativeModerationFacts } from '../../models/admin/moderate-creative.js';
import type { Creative } from '../../models/creatives/content.js';
import { readMarking } from '../../models/marking/marking.js';
import { readFlags } from '../../models/moderation/flags.js';
import { itemLines, markingText, totalLines } from '../order-lines.js';
import { sendCreativePreview } from '../creative-preview.js';
import { adminCardData } from '../callback-data/admin.js';
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
        detail: f.detail,
      }),
    ),
  );
  const text = [
    t('admin-creative-card', {
      order: order.id.slice(0, 8),
      advertiser: order.advertiser.firstName ?? '—',
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
    .text(t('admin-button-approve'), adminCardData.creative.pack({ action: 'ok', id: order.id }))
    .text(t('admin-button-reject'), adminCardData.creative.pack({ action: 'no', id: order.id }));
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
