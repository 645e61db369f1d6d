import { InlineKeyboard, type Api } from 'grammy';
import { formatMoment } from '../format/dates.js';
import { localeOf } from '../format/locale.js';
import { formatMoney } from '../format/money.js';
import type { Creative } from '../models/creatives/content.js';
import type { Database } from '../models/db.js';
import type { Logger } from '../models/logger.js';
import { readMarking } from '../models/marking/marking.js';
import { readReviewAudience } from '../models/review/review-audience.js';
import { platformFee } from '../models/ledger/shares.js';
import type { Translator } from './i18n.js';
import { assertNever } from '../models/errors.js';
import type { ReviewRoute } from '../models/review/route-paid-order.js';
import { escapeHtml, html } from '../format/html.js';
import { sendCreativePreview } from './creative-preview.js';
import { itemLines, markingText } from './order-lines.js';
import { orderData } from './callback-data/orders.js';
import { reviewData } from './callback-data/review.js';

export interface NotifyDeps {
  api: Api;
  i18n: Translator;
  database: Database;
  logger: Logger;
}

/** What the advertiser is told about their order. */
export type AdvertiserNews =
  | { kind: 'in_review'; deadline: Date }
  | { kind: 'scheduled' }
  | { kind: 'rejected'; reason: string }
  | { kind: 'auto_rejected' }
  | { kind: 'refunded'; stars: number }
  | { kind: 'refund_pending' }
  | { kind: 'cancelled_refunded'; stars: number };

/** Sends each owner/manager the order card: the creative preview, then details with the decision buttons. */
export async function sendReviewCards(deps: NotifyDeps, workspaceId: string, orderId: string) {
  const audience = await readReviewAudience(deps.database, workspaceId, orderId);
  if (!audience) return;
  const { order } = audience;
  for (const member of audience.members) {
    const locale = localeOf(member.language);
    const t = (key: string, v?: Record<string, string | number>) => deps.i18n.t(locale, key, v);
    try {
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
        t('review-card', { advertiser: escapeHtml(order.advertiser.firstName ?? '—') }),
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
        .text(t('review-button-approve'), reviewData('ok', orderId))
        .text(t('review-button-reject'), reviewData('no', orderId));
      await deps.api.sendMessage(member.telegramId, text, { ...html, reply_markup: keyboard });
    } catch (err) {
      deps.logger.warn({ err, orderId }, 'review card not delivered');
    }
  }
}

/** Tells the workspace's members something about an order (one line, e.g. auto-rejected). */
export async function tellMembers(
  deps: NotifyDeps,
  workspaceId: string,
  orderId: string,
  kind: 'auto_rejected' | 'cancelled' | 'auto_scheduled',
) {
  const audience = await readReviewAudience(deps.database, workspaceId, orderId);
  if (!audience) return;
  const channel = escapeHtml(audience.order.items[0]?.channelTitle ?? '—');
  for (const member of audience.members) {
    const locale = localeOf(member.language);
    const text =
      kind === 'auto_rejected'
        ? deps.i18n.t(locale, 'review-auto-rejected-owner', { channel })
        : kind === 'cancelled'
          ? deps.i18n.t(locale, 'review-cancelled-owner', { channel })
          : deps.i18n.t(locale, 'review-auto-scheduled-owner', { channel });
    await deps.api
      .sendMessage(member.telegramId, text, html)
      .catch((err: unknown) => deps.logger.warn({ err, orderId }, 'member notice not delivered'));
  }
}

/** Tells the advertiser what happened to their order (in their language). */
export async function tellAdvertiser(
  deps: NotifyDeps,
  workspaceId: string,
  orderId: string,
  news: AdvertiserNews,
) {
  const audience = await readReviewAudience(deps.database, workspaceId, orderId);
  if (!audience) return;
  const { advertiser } = audience.order;
  const locale = localeOf(advertiser.language);
  const t = (key: string, v?: Record<string, string | number>) => deps.i18n.t(locale, key, v);
  const channel = escapeHtml(audience.order.items[0]?.channelTitle ?? '—');
  let text: string;
  switch (news.kind) {
    case 'in_review':
      text = t('review-news-in-review', {
        channel,
        deadline: formatMoment(news.deadline, advertiser.timezone, locale),
      });
      break;
    case 'scheduled':
      text = t('review-news-scheduled', { channel });
      break;
    case 'rejected':
      text = t('review-news-rejected', { channel, reason: escapeHtml(news.reason) });
      break;
    case 'auto_rejected':
      text = t('review-news-auto-rejected', { channel });
      break;
    case 'refunded':
      text = t('review-news-refunded', { stars: news.stars });
      break;
    case 'refund_pending':
      text = t('review-news-refund-pending');
      break;
    case 'cancelled_refunded':
      text = t('orders-cancelled-refunded', { stars: news.stars });
      break;
  }
  const keyboard = new InlineKeyboard().text(t('orders-button-open'), orderData('card', orderId));
  await deps.api
    .sendMessage(advertiser.telegramId, text, { ...html, reply_markup: keyboard })
    .catch((err: unknown) => deps.logger.warn({ err, orderId }, 'advertiser notice not delivered'));
}

/** The sides of a paid order hear where it went (moderation tells the advertiser itself). */
export async function tellPaid(
  deps: NotifyDeps,
  order: { workspaceId: string; orderId: string },
  outcome: { status: ReviewRoute['status']; reviewDeadlineAt: Date | null },
): Promise<void> {
  switch (outcome.status) {
    case 'moderation':
      return;
    case 'in_review':
      if (outcome.reviewDeadlineAt)
        await tellAdvertiser(deps, order.workspaceId, order.orderId, {
          kind: 'in_review',
          deadline: outcome.reviewDeadlineAt,
        });
      await sendReviewCards(deps, order.workspaceId, order.orderId);
      return;
    case 'scheduled':
      await tellAdvertiser(deps, order.workspaceId, order.orderId, { kind: 'scheduled' });
      await tellMembers(deps, order.workspaceId, order.orderId, 'auto_scheduled');
      return;
    default:
      return assertNever(outcome.status);
  }
}
