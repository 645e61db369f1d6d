import { InlineKeyboard } from 'grammy';
import { formatUtc } from '../../../../format/dates.js';
import { formatMoney, formatMoneyList } from '../../../../format/money.js';
import type { ChannelLookup, OrderLookup } from '../../../../models/admin/lookup.js';
import type { UserLookup } from '../../../../models/admin/lookup-user.js';
import { trustedHtml } from '../../../../format/html.js';
import { statusLine } from '../../channels/views.js';
import { orderReasonText } from '../../orders/render.js';
import { languageLabel } from '../../selling/format.js';
import { opsActionData, opsAuditData } from '../../../../messages/callback-data/admin.js';
import type { AdminT } from './ops-text.js';
import { personLabel } from '../../../../format/html.js';

export interface Rendered {
  text: string;
  keyboard: InlineKeyboard;
}

/** The /order answer: status, money, people, channels, payments, and Audit / Refund buttons. */
export function renderOrder(t: AdminT, o: OrderLookup): Rendered {
  const money = (amount: number) => formatMoney(amount, o.currency, t.locale);
  const payments = o.payments.length
    ? o.payments
        .map((p) =>
          t('admin-ops-order-payment', {
            provider: trustedHtml(t('admin-ops-provider', { provider: p.provider })),
            status: trustedHtml(t('admin-ops-payment-status', { status: p.status })),
            amount: formatMoney(p.amount, p.currency, t.locale),
            refunded: formatMoney(p.refundedAmount, p.currency, t.locale),
          }),
        )
        .join('\n')
    : '—';
  const text = t('admin-ops-order-card', {
    id: o.id,
    status: trustedHtml(t('orders-status', { status: o.status })),
    reason: orderReasonText(t, o.statusReason) || 'none',
    total: money(o.total),
    refunded: money(o.refundedAmount),
    items: o.items,
    channels: o.channels.map((c) => c.title).join(', ') || '—',
    advertiser: personLabel(o.advertiser),
    owner: personLabel(o.owner),
    created: formatUtc(o.createdAt),
    paid: formatUtc(o.paidAt),
    payments: trustedHtml(payments),
    disputes: o.disputes,
  });
  const keyboard = new InlineKeyboard().text(
    t('admin-ops-button-audit'),
    opsAuditData.pack({ mode: 'open', kind: 'order', id: o.id, page: 0 }),
  );
  const refundable = o.payments.some(
    (p) => p.status === 'succeeded' || p.status === 'partially_refunded',
  );
  if (refundable)
    keyboard.text(
      t('admin-ops-button-refund'),
      opsActionData.pack({ action: 'refund', kind: 'order', id: o.id }),
    );
  return { text, keyboard };
}

/** The /channel answer: status, owner, plan, counts, sales, and Audit / Block-Unblock buttons. */
export function renderChannel(t: AdminT, c: ChannelLookup): Rendered {
  const text = t('admin-ops-channel-card', {
    id: c.id,
    title: c.title,
    username: c.username ? `@${c.username}` : '—',
    chatId: String(c.telegramChatId),
    status: trustedHtml(statusLine({ t }, c)),
    subscribers: c.subscribers,
    owner: personLabel(c.owner),
    plan: trustedHtml(t('admin-ops-plan', { plan: c.plan })),
    sold: c.orders.sold,
    upcoming: c.orders.upcoming,
    refunded: c.orders.refunded,
    published: c.published,
    violations: c.violations,
    sales: formatMoneyList(c.sales, t.locale),
    created: formatUtc(c.createdAt),
  });
  return { text, keyboard: auditAndBlock(t, 'channel', c.id, c.status === 'blocked') };
}

/** Audit, and Block or Unblock, under a channel's or a user's look-up. */
function auditAndBlock(
  t: AdminT,
  kind: 'channel' | 'user',
  id: string,
  blocked: boolean,
): InlineKeyboard {
  const action = blocked ? 'unblock' : 'block';
  return new InlineKeyboard()
    .text(t('admin-ops-button-audit'), opsAuditData.pack({ mode: 'open', kind, id, page: 0 }))
    .text(
      blocked ? t('admin-ops-button-unblock') : t('admin-ops-button-block'),
      opsActionData.pack({ action, kind, id }),
    );
}

/** The /user answer: profile, block, workspaces, orders, spending, and Audit / Block-Unblock buttons. */
export function renderUser(t: AdminT, u: UserLookup): Rendered {
  const text = t('admin-ops-user-card', {
    id: u.accountId,
    person: personLabel(u),
    language: trustedHtml(languageLabel(t, u.language)),
    created: formatUtc(u.createdAt),
    blocked: trustedHtml(
      u.blockedAt
        ? t('admin-ops-user-blocked-line', {
            at: formatUtc(u.blockedAt),
            reason: u.blockedReason ?? '—',
          })
        : t('admin-ops-user-not-blocked'),
    ),
    workspaces: u.workspaces,
    channels: u.channels,
    orders: u.orders.total,
    sold: u.orders.sold,
    spent: formatMoneyList(u.spent, t.locale),
    disputes: u.disputes,
  });
  return { text, keyboard: auditAndBlock(t, 'user', u.accountId, u.blockedAt !== null) };
}
