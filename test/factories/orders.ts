import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { CreativeButton, CreativeContent } from '../../models/creatives/content.js';
import type { Database } from '../../models/db.js';
import type { Marking } from '../../models/marking/marking.js';
import type { Currency, OrderStatus } from '../../models/orders/table.js';
import { creatives, orderItems, orders, slots } from '../../models/schema.js';
import type { SlotStatus } from '../../models/slots/table.js';
import { makeAccount } from './accounts.js';
import { makeChannel, ownerOf, type ChannelOverrides } from './channels.js';
import { insertPayment, type MadePayment, type PaymentOverrides } from './payments.js';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

export interface ChannelRef {
  id: string;
  workspaceId: string;
  ownerAccountId?: string;
}

export interface OrderItemSpec {
  format?: string;
  price?: number;
}

export interface OrderOverrides {
  /** The items' channel; a new one (made with `channelOverrides`) otherwise. */
  channel?: ChannelRef;
  channelOverrides?: ChannelOverrides;
  /** A bundle: one item on each of these channels (of one workspace) instead of `channel`. */
  channels?: ChannelRef[];
  /** The advertiser's account id; a new account otherwise. */
  advertiser?: string;
  status?: OrderStatus;
  /** When the order was made, held from and (if paid) paid; now by default. */
  at?: Date;
  /**
   * Items on new slots of each channel, a day apart from `firstSlotAt` (an hour later if taken):
   * a count, or one entry per item with its own format and price.
   */
  items?: number | OrderItemSpec[];
  firstSlotAt?: Date;
  /** Existing slots of `channel` to take instead of new ones. */
  slotIds?: string[];
  slotStatus?: SlotStatus;
  format?: string;
  /** Per item, kopecks/cents. */
  price?: number;
  currency?: Currency;
  bundleId?: string;
  marking?: Marking | null;
  /** The advertiser's ad (variant 0); null for an order that has none yet. */
  creative?: { content: CreativeContent; buttons?: CreativeButton[][] } | null;
  /** A paid status's succeeded payment (Stars by default); false for none. */
  payment?: PaymentOverrides | false;
}

export interface MadeOrder {
  orderId: string;
  bundleId: string;
  workspaceId: string;
  channelId: string;
  ownerAccountId: string;
  advertiserAccountId: string;
  slotIds: string[];
  total: number;
  payment: MadePayment | null;
}

const holding: OrderStatus[] = ['draft', 'held', 'awaiting_payment'];
const unpaid: OrderStatus[] = [...holding, 'cancelled', 'expired', 'rejected'];

export const testMarking: Marking = { name: 'ООО Ромашка', inn: '7707083893', erid: 'Kra23f4dE' };
export const testCreative = {
  content: { kind: 'text', text: 'Fresh coffee every morning' } as CreativeContent,
  buttons: [[{ text: 'Order', url: 'https://example.com/coffee' }]],
};

/**
 * An order ready for its next step: `held` by default (15 minutes' hold, marking and a text
 * creative: ready to pay) on one new slot of a new selling channel; a paid status books its slots
 * (published ones publish them) and carries a succeeded Stars payment credited to escrow.
 */
export async function makeOrder(
  database: Database,
  overrides: OrderOverrides = {},
): Promise<MadeOrder> {
  const at = overrides.at ?? new Date();
  const status = overrides.status ?? 'held';
  const main =
    overrides.channel ??
    overrides.channels?.[0] ??
    (await makeChannel(database, overrides.channelOverrides));
  const list = overrides.channels ?? [main];
  const ownerAccountId = main.ownerAccountId ?? (await ownerOf(database, main.workspaceId));
  const advertiserAccountId = overrides.advertiser ?? (await makeAccount(database)).id;
  const price = overrides.price ?? 100_000;
  const format = overrides.format ?? '1/24';
  const held = holding.includes(status);
  const holdExpiresAt = held ? new Date(at.getTime() + 15 * minute) : null;
  const slotStatus: SlotStatus =
    overrides.slotStatus ?? (held ? 'held' : status === 'published' ? 'published' : 'booked');
  const bundleId = overrides.bundleId ?? randomUUID();
  return database.withSystem('test factory: order', async (tx) => {
    const specs: OrderItemSpec[] =
      typeof overrides.items === 'object'
        ? overrides.items
        : Array.from({ length: overrides.slotIds?.length ?? overrides.items ?? 1 }, () => ({}));
    const items: { channelId: string; slotId: string; format: string; price: number }[] = [];
    const itemOf = (channelId: string, slotId: string, spec: OrderItemSpec) => ({
      channelId,
      slotId,
      format: spec.format ?? format,
      price: spec.price ?? price,
    });
    if (overrides.slotIds) {
      overrides.slotIds.forEach((slotId, i) => items.push(itemOf(main.id, slotId, specs[i] ?? {})));
    } else {
      const taken = await tx
        .select({ channelId: slots.channelId, startsAt: slots.startsAt })
        .from(slots)
        .where(
          inArray(
            slots.channelId,
            list.map((c) => c.id),
          ),
        );
      const busy = new Set(taken.map((s) => `${s.channelId} ${s.startsAt.getTime()}`));
      const first = overrides.firstSlotAt?.getTime() ?? Math.ceil(at.getTime() / hour) * hour + day;
      for (const channel of list)
        for (const [i, spec] of specs.entries()) {
          let startsAt = first + i * day;
          while (busy.has(`${channel.id} ${startsAt}`)) startsAt += hour;
          busy.add(`${channel.id} ${startsAt}`);
          const [slot] = await tx
            .insert(slots)
            .values({
              channelId: channel.id,
              workspaceId: main.workspaceId,
              startsAt: new Date(startsAt),
            })
            .returning({ id: slots.id });
          items.push(itemOf(channel.id, slot!.id, spec));
        }
    }
    const total = items.reduce((sum, item) => sum + item.price, 0);
    const [order] = await tx
      .insert(orders)
      .values({
        workspaceId: main.workspaceId,
        advertiserAccountId,
        bundleId,
        status,
        currency: overrides.currency ?? 'RUB',
        subtotal: total,
        total,
        holdExpiresAt,
        paidAt: unpaid.includes(status) ? null : at,
        marking: (overrides.marking === undefined ? testMarking : overrides.marking) as Record<
          string,
          unknown
        > | null,
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: orders.id });
    if (!order) throw new Error('order not inserted');
    for (const item of items) {
      await tx
        .update(slots)
        .set({ status: slotStatus, holdExpiresAt, orderId: order.id, format: item.format })
        .where(eq(slots.id, item.slotId));
      await tx.insert(orderItems).values({
        orderId: order.id,
        workspaceId: main.workspaceId,
        advertiserAccountId,
        slotId: item.slotId,
        channelId: item.channelId,
        format: item.format,
        price: item.price,
      });
    }
    const creative = overrides.creative === undefined ? testCreative : overrides.creative;
    if (creative)
      await tx.insert(creatives).values({
        orderId: order.id,
        workspaceId: main.workspaceId,
        advertiserAccountId,
        variantIndex: 0,
        content: creative.content,
        buttons: creative.buttons ?? [],
      });
    const ref = { orderId: order.id, workspaceId: main.workspaceId, advertiserAccountId, total };
    const payment =
      unpaid.includes(status) || overrides.payment === false
        ? null
        : await insertPayment(tx, ref, { at, ...overrides.payment });
    return {
      ...ref,
      bundleId,
      channelId: main.id,
      ownerAccountId,
      slotIds: items.map((i) => i.slotId),
      payment,
    };
  });
}
