import { and, asc, desc, eq, inArray, notInArray, sql, type SQL } from 'drizzle-orm';
import type { ApiKeyOwner } from '../api-keys/key-owner.js';
import type { Database, Scope, Tx } from '../db.js';
import { epochMicros, keysetPage, type KeysetPage } from '../keyset.js';
import { payments, type PaymentProvider, type PaymentStatus } from '../payments/table.js';
import { slots } from '../slots/table.js';
import { isUuid } from '../uuid.js';
import { orderItems, orders, type Currency, type OrderStatus } from './table.js';

/** An order as a partner reads it: items with their slot times and the payment it waits for or was paid by. */
export interface PartnerOrder {
  id: string;
  workspaceId: string;
  advertiserAccountId: string;
  status: OrderStatus;
  currency: Currency;
  total: number;
  holdExpiresAt: Date | null;
  createdAt: Date;
  items: { channelId: string; startsAt: Date; format: string; price: number }[];
  /** The newest payment that is not cancelled or failed; undefined when none. */
  payment:
    | {
        provider: PaymentProvider;
        status: PaymentStatus;
        amount: number;
        currency: Currency;
        confirmationUrl: string | null;
      }
    | undefined;
}

/** Where a page of orders ends (newest first): creation time (µs since the epoch) and id. */
export interface PartnerOrderKey {
  createdMicros: string;
  id: string;
}

const createdMicros = epochMicros(orders.createdAt);

/** The owner's scope and the condition selecting only its orders (RLS enforces the same). */
function ownedBy(owner: ApiKeyOwner): { scope: Scope; where: SQL } {
  return 'workspaceId' in owner
    ? {
        scope: { workspaceId: owner.workspaceId },
        where: eq(orders.workspaceId, owner.workspaceId),
      }
    : {
        scope: { accountId: owner.accountId },
        where: eq(orders.advertiserAccountId, owner.accountId),
      };
}

/** The scope to read an order's workspace rows in (for an advertiser, with its own account). */
function readScope(owner: ApiKeyOwner, workspaceId: string): Scope {
  return { ...ownedBy(owner).scope, workspaceId };
}

function selectOrders(tx: Tx, where: SQL | undefined, limit: number) {
  return tx
    .select({
      id: orders.id,
      workspaceId: orders.workspaceId,
      advertiserAccountId: orders.advertiserAccountId,
      status: orders.status,
      currency: orders.currency,
      total: orders.total,
      refundedAmount: orders.refundedAmount,
      holdExpiresAt: orders.holdExpiresAt,
      createdAt: orders.createdAt,
      createdMicros: sql<string>`${createdMicros}::text`,
    })
    .from(orders)
    .where(where)
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(limit);
}

type OrderRow = Awaited<ReturnType<typeof selectOrders>>[number];

/** Items (with slot times) and the current payment of some orders of one workspace. */
async function detailsOf(tx: Tx, orderIds: string[]) {
  const items = await tx
    .select({
      orderId: orderItems.orderId,
      channelId: orderItems.channelId,
      startsAt: slots.startsAt,
      format: orderItems.format,
      price: orderItems.price,
    })
    .from(orderItems)
    .innerJoin(slots, eq(slots.id, orderItems.slotId))
    .where(inArray(orderItems.orderId, orderIds))
    .orderBy(asc(slots.startsAt), asc(orderItems.id));
  const paid = await tx
    .selectDistinctOn([payments.orderId], {
      orderId: payments.orderId,
      provider: payments.provider,
      status: payments.status,
      amount: payments.amount,
      currency: payments.currency,
      confirmationUrl: payments.confirmationUrl,
    })
    .from(payments)
    .where(
      and(
        inArray(payments.orderId, orderIds),
        eq(payments.purpose, 'order'),
        notInArray(payments.status, ['cancelled', 'failed']),
      ),
    )
    .orderBy(payments.orderId, desc(payments.createdAt));
  return { items, paid };
}

/**
 * The orders' items and payments, read per workspace: slots are workspace rows, so an advertiser
 * reads each workspace's part with that workspace and its own account in scope.
 */
async function withDetails(
  database: Database,
  owner: ApiKeyOwner,
  rows: OrderRow[],
): Promise<Map<string, PartnerOrder>> {
  const byWorkspace = new Map<string, string[]>();
  for (const row of rows)
    byWorkspace.set(row.workspaceId, [...(byWorkspace.get(row.workspaceId) ?? []), row.id]);
  const out = new Map<string, PartnerOrder>();
  for (const [workspaceId, ids] of byWorkspace) {
    const { items, paid } = await database.withScope(readScope(owner, workspaceId), (tx) =>
      detailsOf(tx, ids),
    );
    for (const row of rows.filter((r) => r.workspaceId === workspaceId)) {
      const { createdMicros: _key, refundedAmount: _refunded, ...order } = row;
      const payment = paid.find((p) => p.orderId === row.id);
      out.set(row.id, {
        ...order,
        items: items
          .filter((i) => i.orderId === row.id)
          .map(({ orderId: _order, ...item }) => item),
        payment: payment && {
          provider: payment.provider,
          status: payment.status,
          amount: payment.amount,
          currency: payment.currency,
          confirmationUrl: payment.confirmationUrl,
        },
      });
    }
  }
  return out;
}

/**
 * One page of the key owner's orders, newest first, optionally in one status: a workspace's orders
 * of its channels, or an advertiser's orders in every workspace. `after` is the previous page's last key.
 */
export async function pagePartnerOrders(
  database: Database,
  owner: ApiKeyOwner,
  options: { limit: number; after?: PartnerOrderKey; status?: OrderStatus },
): Promise<KeysetPage<PartnerOrder, PartnerOrderKey>> {
  const { after, limit, status } = options;
  if (after && (!isUuid(after.id) || !/^\d{1,19}$/.test(after.createdMicros)))
    return { items: [], next: undefined };
  const { scope, where } = ownedBy(owner);
  const rows = await database.withScope(scope, (tx) =>
    selectOrders(
      tx,
      and(
        where,
        status ? eq(orders.status, status) : undefined,
        after
          ? sql`(${createdMicros}, ${orders.id}) < (${after.createdMicros}::bigint, ${after.id}::uuid)`
          : undefined,
      ),
      limit + 1,
    ),
  );
  const full = await withDetails(database, owner, rows.slice(0, limit));
  return keysetPage(
    rows,
    limit,
    (row) => full.get(row.id)!,
    (row) => ({ createdMicros: row.createdMicros, id: row.id }),
  );
}

async function findRow(
  database: Database,
  owner: ApiKeyOwner,
  orderId: string,
): Promise<OrderRow | undefined> {
  if (!isUuid(orderId)) return undefined;
  const { scope, where } = ownedBy(owner);
  const [row] = await database.withScope(scope, (tx) =>
    selectOrders(tx, and(where, eq(orders.id, orderId)), 1),
  );
  return row;
}

/** One of the key owner's orders; undefined for an unknown id or another tenant's. */
export async function findPartnerOrder(
  database: Database,
  owner: ApiKeyOwner,
  orderId: string,
): Promise<PartnerOrder | undefined> {
  const row = await findRow(database, owner, orderId);
  return row && (await withDetails(database, owner, [row])).get(orderId);
}

/** An order the key owner may read, with the scope to read its workspace rows in. */
export interface PartnerOrderRef extends Pick<
  PartnerOrder,
  'id' | 'workspaceId' | 'advertiserAccountId' | 'status' | 'currency' | 'total'
> {
  refundedAmount: number;
  /** The order's workspace, and for an advertiser its own account too. */
  scope: Scope;
}

/** The key owner's order by id (unknown or another tenant's: undefined), without its details. */
export async function partnerOrderRef(
  database: Database,
  owner: ApiKeyOwner,
  orderId: string,
): Promise<PartnerOrderRef | undefined> {
  const row = await findRow(database, owner, orderId);
  if (!row) return undefined;
  const { id, workspaceId, advertiserAccountId, status, currency, total, refundedAmount } = row;
  const scope = readScope(owner, workspaceId);
  return { id, workspaceId, advertiserAccountId, status, currency, total, refundedAmount, scope };
}
