import { InlineKeyboard, type Api } from 'grammy';
import { formatMoment } from '../format/dates.js';
import { localeOf } from '../format/locale.js';
import { formatMoney } from '../format/money.js';
import type { Creative } from '../models/creatives/content.js';
import type { Database } from '../models/db.js';
import { platformFee } from '../models/ledger/shares.js';
import { readMarking } from '../models/marking/marking.js';
import { notificationRecipient } from '../models/notifications/recipient.js';
import { readReviewOrder } from '../models/review/review-audience.js';
import { reviewData } from './callback-data/review.js';
import { sendCreativePreview } from './creative-preview.js';
import type { Translate, Translator } from './i18n.js';
import { itemLines, markingText } from './order-lines.js';

/** The job that sends one member one order's review card (queued by review-cards-on-events). */
export const reviewCardJob = 'orders.send-review-card';

/** Whose card about which order. */
export interface ReviewCardTarget {
  workspaceId: string;
  orderId: string;
  accountId: string;
}

/**
 * Sends a member the order's review card: the creative preview exactly as it will be published,
 * then the details (items, marking, their share, deadline) with Approve/Reject. 'moot' when the
 * order is no longer in review (decided, cancelled, expired) or the member is unknown: nothing is
 * sent. A Telegram failure is thrown (the job decides whether to try again).
 */
export async function sendReviewCard(
  deps: { api: Api; i18n: Translator; database: Database },
  target: ReviewCardTarget,
): Promise<'sent' | 'moot'> {
  const { orderId } = target;
  const [order, member] = await Promise.all([
    readReviewOrder(deps.database, target.workspaceId, orderId),
    notificationRecipient(deps.database, { accountId: target.accountId }),
  ]);
  if (!order || order.status !== 'in_review' || !member) return 'moot';
  const locale = localeOf(member.language);
  const t: Translate = (key, v) => deps.i18n.t(locale, key, v);
  if (order.creative) {
    const creative = { content: order.creative.content, buttons: order.creative.buttons };
    await sendCreativePreview(
      deps.api,
      member.telegramId,
      creative as unknown as Creative,
      readMarking(order.marking),
    );
  }
  const deadline = order.reviewDeadlineAt
    ? formatMoment(order.reviewDeadlineAt, member.timezone, locale)
    : '';
  const text = [
    t('review-card', { advertiser: order.advertiser.firstName ?? '—' }),
    itemLines(t, order, locale, null),
    markingText(t, order.marking),
    t('review-card-share', {
      share: formatMoney(order.total - platformFee(order.total), order.currency, locale),
      total: formatMoney(order.total, order.currency, locale),
    }),
    deadline ? t('review-card-deadline', { deadline }) : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  const keyboard = new InlineKeyboard()
    .text(t('review-button-approve'), reviewData.pack({ action: 'ok', orderId }))
    .text(t('review-button-reject'), reviewData.pack({ action: 'no', orderId }));
  await deps.api.sendMessage(member.telegramId, text, { reply_markup: keyboard });
  return 'sent';
}
