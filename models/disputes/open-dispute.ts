import { and, desc, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Clock } from '../clock.js';
import type { Database, Tx } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { orders, type Currency } from '../orders/table.js';
import { transitionOrder } from '../orders/transition-order.js';
import { appendEvent } from '../outbox/events.js';
import { heldOrderPayment } from '../payments/queries.js';
import { placements } from '../placements/table.js';
import { membershipsOf } from '../workspaces/access.js';
import { workspaces } from '../workspaces/table.js';
import { checkDisputeWindow, disputeReasonMax, disputingStatuses } from './rules.js';
import { disputes } from './table.js';

export type OpenerRole = 'advertiser' | 'owner';

export interface DisputeEvidence {
  chatId: number;
  messageId: number;
}

export type OpenDisputeCode =
  | 'not_found'
  | 'not_disputable'
  | 'window_closed'
  | 'already_open'
  | 'reason_empty'
  | 'reason_too_long';

export interface OpenedDispute {
  disputeId: string;
  orderId: string;
  workspaceId: string;
  advertiserAccountId: string;
  openerRole: OpenerRole;
  currency: Currency;
}

/**
 * Who the account is for the order: its advertiser, or a member (owner/manager) of the channel's
 * workspace; undefined when neither (each look-up runs in the account's own scopes).
 */
export async function disputeRoleOf(
  database: Database,
  accountId: string,
  orderId: string,
): Promise<{ role: OpenerRole; workspaceId: string } | undefined> {
  const own = await database.withScope({ accountId }, async (tx) => {
    const [row] = await tx
      .select({ workspaceId: orders.workspaceId })
      .from(orders)
      .where(and(eq(orders.id, orderId), eq(orders.advertiserAccountId, accountId)));
    return row
      ? { row, memberships: [] }
      : { row, memberships: await membershipsOf(tx, accountId) };
  });
  if (own.row) return { role: 'advertiser', workspaceId: own.row.workspaceId };
  for (const membership of own.memberships) {
    const [row] = await database.withScope({ workspaceId: membership.workspaceId }, (tx) =>
      tx.select({ id: orders.id }).from(orders).where(eq(orders.id, orderId)),
    );
    if (row) return { role: 'owner', workspaceId: membership.workspaceId };
  }
  return undefined;
}

/** The other party's accounts: the workspace owner for an advertiser's dispute, else the advertiser. */
async function otherParty(
  tx: Tx,
  role: OpenerRole,
  order: { workspaceId: string; advertiserAccountId: string },
) {
  if (role === 'owner') return order.advertiserAccountId;
  const [ws] = await tx
    .select({ owner: workspaces.ownerAccountId })
    .from(workspaces)
    .where(eq(workspaces.id, order.workspaceId));
  return ws?.owner;
}

/**
 * Opens a dispute on an order by its advertiser or the channel's owner side: reason (1–1000 chars)
 * and one evidence message. Allowed while the order is scheduled/publishing/published, or completed
 * within 7 days; one open dispute per order. A published or completed order becomes `disputed`
 * (settlement waits for the admin); audited, and `dispute.opened` appended (the admins' card, the
 * other party's notice).
 */
export async function openDispute(
  database: Database,
  input: { accountId: string; orderId: string; reason: string; evidence: DisputeEvidence },
  clock: Clock,
): Promise<Result<OpenedDispute, OpenDisputeCode>> {
  const reason = input.reason.trim();
  if (!reason) return fail('reason_empty');
  if (reason.length > disputeReasonMax) return fail('reason_too_long', { max: disputeReasonMax });
  const who = await disputeRoleOf(database, input.accountId, input.orderId);
  if (!who) return fail('not_found');
  const scope = { workspaceId: who.workspaceId, accountId: input.accountId };
  return database.withScope(scope, async (tx) => {
    const at = clock.now();
    const [order] = await tx
      .select({
        id: orders.id,
        status: orders.status,
        completedAt: orders.completedAt,
        currency: orders.currency,
        workspaceId: orders.workspaceId,
        advertiserAccountId: orders.advertiserAccountId,
      })
      .from(orders)
      .where(eq(orders.id, input.orderId))
      .for('update');
    if (!order) return fail('not_found');
    const [open] = await tx
      .select({ id: disputes.id })
      .from(disputes)
      .where(and(eq(disputes.orderId, order.id), eq(disputes.status, 'open')));
    if (open || order.status === 'disputed') return fail('already_open');
    const window = checkDisputeWindow(order, at);
    if (!window.ok) return window;
    const actor = `account:${input.accountId}`;
    if (disputingStatuses.includes(order.status)) {
      const moved = await transitionOrder(tx, {
        orderId: order.id,
        from: [...disputingStatuses],
        to: 'disputed',
        actor,
        reason: 'dispute',
        at,
      });
      if (!moved.ok) return fail('not_disputable');
    }
    const payment = await heldOrderPayment(tx, order.id);
    const [placement] = await tx
      .select({ id: placements.id })
      .from(placements)
      .where(eq(placements.orderId, order.id))
      .orderBy(desc(placements.dueAt))
      .limit(1);
    const [row] = await tx
      .insert(disputes)
      .values({
        workspaceId: order.workspaceId,
        orderId: order.id,
        placementId: placement?.id ?? null,
        advertiserAccountId: order.advertiserAccountId,
        openedByAccountId: input.accountId,
        openerRole: who.role,
        reason,
        evidence: {
          chatId: input.evidence.chatId,
          messageId: input.evidence.messageId,
          orderStatus: order.status,
        },
        currency: payment?.currency ?? order.currency,
        createdAt: at,
      })
      .returning({ id: disputes.id });
    const disputeId = row!.id;
    await recordAudit(tx, {
      actor,
      action: 'dispute.opened',
      objectType: 'dispute',
      objectId: disputeId,
      data: { orderId: order.id, role: who.role, orderStatus: order.status },
      at,
      workspaceId: order.workspaceId,
    });
    await appendEvent(
      tx,
      {
        type: 'dispute.opened',
        workspaceId: order.workspaceId,
        disputeId,
        orderId: order.id,
        openerRole: who.role,
        otherPartyAccountId: (await otherParty(tx, who.role, order)) ?? null,
      },
      at,
    );
    return ok({
      disputeId,
      orderId: order.id,
      workspaceId: order.workspaceId,
      advertiserAccountId: order.advertiserAccountId,
      openerRole: who.role,
      currency: payment?.currency ?? order.currency,
    });
  });
}
