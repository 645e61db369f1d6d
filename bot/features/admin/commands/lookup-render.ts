import { InlineKeyboard } from 'grammy';
import { formatUtc } from '../../../../format/dates.js';
import { formatMoney, formatMoneyList } from '../../../../format/money.js';
import type { ChannelLookup, OrderLookup } from '../../../../models/admin/lookup.js';
import type { UserLookup } from '../../../../models/admin/lookup-user.js';
import { escapeHtml } from '../../../../format/html.js';
import { statusLine } from '../../channels/views.js';
import { orderReasonText } from '../../orders/render.js';
import { languageLabel } from '../../selling/format.js';
import { opsData } from './ops-callback.js';
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
            provider: t('admin-ops-provider', { provider: p.provider }),
            status: t('admin-ops-payment-status', { status: p.status }),
            amount: formatMoney(p.amount, p.currency, t.locale),
            refunded: formatMoney(p.refundedAmount, p.currency, t.locale),
          }),
        )
        .join('\n')
    : '—';
  const text = t('admin-ops-order-card', {
    id: o.id,
    status: t('orders-status', { status: o.status }),
    reason: orderReasonText(t, o.statusReason) || 'none',
    total: money(o.total),
    refunded: money(o.refundedAmount),
    items: o.items,
    channels: o.channels.map((c) => escapeHtml(c.title)).join(', ') || '—',
    advertiser: personLabel(o.advertiser),
    owner: personLabel(o.owner),
    created: formatUtc(o.createdAt),
    paid: formatUtc(o.paidAt),
    payments,
    disputes: o.disputes,
  });
  const keyboard = new InlineKeyboard().text(
    t('admin-ops-button-audit'),
    opsData.audit('o', o.id, 0),
  );
  const refundable = o.payments.some(
    (p) => p.status === 'succeeded' || p.status === 'partially_refunded',
  );
  if (refundable) keyboard.text(t('admin-ops-button-refund'), opsData.refund(o.id));
  return { text, keyboard };
}

/** The /channel answer: status, owner, plan, counts, sales, and Audit / Block-Unblock buttons. */
export function renderChannel(t: AdminT, c: ChannelLookup): Rendered {
  const text = t('admin-ops-channel-card', {
    id: c.id,
    title: escapeHtml(c.title),
    username: c.username ? `@${escapeHtml(c.username)}` : '—',
    chatId: String(c.telegramChatId),
    status: statusLine({ t }, c),
    subscribers: c.subscribers,
    owner: personLabel(c.owner),
    plan: t('admin-ops-plan', { plan: c.plan }),
    sold: c.orders.sold,
    upcoming: c.orders.upcoming,
    refunded: c.orders.refunded,
    published: c.published,
    violations: c.violations,
    sales: formatMoneyList(c.sales, t.locale),
    created: formatUtc(c.createdAt),
  });
  const keyboard = new InlineKeyboard().text(
    t('admin-ops-button-audit'),
    opsData.audit('c', c.id, 0),
  );
  if (c.status === 'blocked')
    keyboard.text(t('admin-ops-button-unblock'), opsData.unblock('c', c.id));
  else keyboard.text(t('admin-ops-button-block'), opsData.block('c', c.id));
  return { text, keyboard };
}

/** The /user answer: profile, block, workspaces, orders, spending, and Audit / Block-Unblock buttons. */
export function renderUser(t: AdminT, u: UserLookup): Rendered {
  const text = t('admin-ops-user-card', {
    id: u.accountId,
    person: personLabel(u),
    language: languageLabel(t, u.language),
    created: formatUtc(u.createdAt),
    blocked: u.blockedAt
      ? t('admin-ops-user-blocked-line', {
          at: formatUtc(u.blockedAt),
          reason: escapeHtml(u.blockedReason ?? '—'),
        })
      : t('admin-ops-user-not-blocked'),
    workspaces: u.workspaces,
    channels: u.channels,
    orders: u.orders.total,
    sold: u.orders.sold,
    spent: formatMoneyList(u.spent, t.locale),
    disputes: u.disputes,
  });
  const keyboard = new InlineKeyboard().text(
    t('admin-ops-button-audit'),
    opsData.audit('u', u.accountId, 0),
  );
  if (u.blockedAt) keyboard.text(t('admin-ops-button-unblock'), opsData.unblock('u', u.accountId));
  else keyboard.text(t('admin-ops-button-block'), opsData.block('u', u.accountId));
  return { text, keyboard };
}
