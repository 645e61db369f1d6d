import { and, desc, eq } from 'drizzle-orm';
import { accounts } from '../accounts/table.js';
import { channels } from '../channels/table.js';
import type { Database, DbOrTx } from '../db.js';
import { orderItems, orders, type Currency, type OrderStatus } from '../orders/table.js';
import { heldOrderPayment } from '../payments/queries.js';
import { refundableOf } from '../payments/record-refund.js';
import type { PaymentProvider } from '../payments/table.js';
import { placements } from '../placements/table.js';
import { donePlacementStatuses } from '../settlement/queries.js';
import { workspaces } from '../workspaces/table.js';
import { disputes, type DisputeDecision, type DisputeStatus } from './table.js';

/** What the admin card and the resolution need to know about a dispute. */
export interface DisputeFacts {
  disputeId: string;
  orderId: string;
  workspaceId: string;
  advertiserAccountId: string;
  ownerAccountId: string | undefined;
  openedByAccountId: string;
  openerRole: 'advertiser' | 'owner';
  reason: string;
  evidence: { chatId: number; messageId: number } | undefined;
  status: DisputeStatus;
  decision: DisputeDecision | null;
  refundAmount: number | null;
  decisionNote: string | null;
  createdAt: Date;
  orderStatus: OrderStatus;
  orderTotal: number;
  orderCurrency: Currency;
  channelTitles: string[];
  /** The payment's currency (refund amounts are in it) and provider, when one is held. */
  currency: Currency;
  provider: PaymentProvider | undefined;
  paymentAmount: number;
  /** Whether the order was settled (owner and platform were paid their shares). */
  settled: boolean;
  /** What can still be refunded of the payment, in its minor units. */
  refundable: number;
  /** Whether every placement of the order has ended (completed, failed or cancelled). */
  placementsDone: boolean;
}

function readEvidence(value: unknown): DisputeFacts['evidence'] {
  const v = value as Record<string, unknown> | null;
  return v && typeof v.chatId === 'number' && typeof v.messageId === 'number'
    ? { chatId: v.chatId, messageId: v.messageId }
    : undefined;
}

/** One dispute with its order, channels and payment facts; needs an app_system transaction. */
export async function disputeFacts(
  tx: DbOrTx,
  disputeId: string,
): Promise<DisputeFacts | undefined> {
  const [row] = await tx
    .select({
      dispute: disputes,
      orderStatus: orders.status,
      orderTotal: orders.total,
      orderCurrency: orders.currency,
      ownerAccountId: workspaces.ownerAccountId,
    })
    .from(disputes)
    .innerJoin(orders, eq(orders.id, disputes.orderId))
    .innerJoin(workspaces, eq(workspaces.id, disputes.workspaceId))
    .where(eq(disputes.id, disputeId));
  if (!row) return undefined;
  const d = row.dispute;
  const titles = await tx
    .selectDistinct({ title: channels.title })
    .from(orderItems)
    .innerJoin(channels, eq(channels.id, orderItems.channelId))
    .where(eq(orderItems.orderId, d.orderId));
  const held = await heldOrderPayment(tx, d.orderId);
  const rows = await tx
    .select({ status: placements.status })
    .from(placements)
    .where(eq(placements.orderId, d.orderId));
  const done = donePlacementStatuses as readonly string[];
  return {
    disputeId: d.id,
    orderId: d.orderId,
    workspaceId: d.workspaceId,
    advertiserAccountId: d.advertiserAccountId,
    ownerAccountId: row.ownerAccountId ?? undefined,
    openedByAccountId: d.openedByAccountId,
    openerRole: d.openerRole,
    reason: d.reason,
    evidence: readEvidence(d.evidence),
    status: d.status,
    decision: d.decision,
    refundAmount: d.refundAmount,
    decisionNote: d.decisionNote,
    createdAt: d.createdAt,
    orderStatus: row.orderStatus,
    orderTotal: row.orderTotal,
    orderCurrency: row.orderCurrency,
    channelTitles: titles.map((t) => t.title),
    currency: held?.currency ?? d.currency,
    provider: held?.provider,
    paymentAmount: held?.amount ?? 0,
    settled: Boolean(held?.settlement),
    refundable: held ? refundableOf(held) : 0,
    placementsDone: rows.length > 0 && rows.every((row) => done.includes(row.status)),
  };
}

/** The opener's Telegram id and name (for the admin card). */
export async function disputeOpener(tx: DbOrTx, accountId: string) {
  const [row] = await tx
    .select({
      telegramId: accounts.telegramId,
      firstName: accounts.firstName,
      username: accounts.username,
    })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  return row;
}

/** The open dispute of an order, if any (in a scope that sees the order's disputes). */
export async function openDisputeOf(tx: DbOrTx, orderId: string) {
  const [row] = await tx
    .select({ id: disputes.id, openerRole: disputes.openerRole })
    .from(disputes)
    .where(and(eq(disputes.orderId, orderId), eq(disputes.status, 'open')))
    .orderBy(desc(disputes.createdAt))
    .limit(1);
  return row;
}

export interface DisputeCardView extends DisputeFacts {
  opener: { name: string | null; username: string | null; telegramId: number } | undefined;
}

/** A dispute as its admin card shows it (facts and the opener); the audited admin read path. */
export function readDisputeCardView(
  database: Database,
  disputeId: string,
): Promise<DisputeCardView | undefined> {
  return database.withSystem('admin: read a dispute for its card', async (tx) => {
    const facts = await disputeFacts(tx, disputeId);
    if (!facts) return undefined;
    const opener = await disputeOpener(tx, facts.openedByAccountId);
    return {
      ...facts,
      opener: opener
        ? { name: opener.firstName, username: opener.username, telegramId: opener.telegramId }
        : undefined,
    };
  });
}
