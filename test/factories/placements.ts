import type { Database } from '../../models/db.js';
import type { Currency } from '../../models/orders/table.js';
import type { PlacementStatus } from '../../models/placements/table.js';
import { inArray } from 'drizzle-orm';
import { placements, slots } from '../../models/schema.js';
import { makeOrder, type ChannelRef, type MadeOrder } from './orders.js';

const hour = 3_600_000;

export type PlacementRow = typeof placements.$inferSelect;

export interface PlacementOverrides {
  format?: string;
  status?: PlacementStatus;
  dueAt?: Date;
  /** When it was posted; null = never. */
  publishedAt?: Date | null;
  delaySeconds?: number | null;
  chatId?: number;
  messageIds?: number[];
  /** The format's deadlines from publishedAt unless given. */
  topUntil?: Date | null;
  pinUntil?: Date | null;
  deleteAt?: Date | null;
  violations?: unknown[];
}

/** The top, pin and delete deadlines a format gives a post published at `at` (1/24: top 1 h, gone after 24 h). */
export function formatDeadlines(format: string, at: Date | null) {
  const after = (h: number) => (at && h ? new Date(at.getTime() + h * hour) : null);
  if (format.startsWith('pin:'))
    return { topUntil: null, pinUntil: after(Number(format.slice(4))), deleteAt: null };
  const [top, feed] = format.split('/').map(Number) as [number, number];
  return { topUntil: after(top), pinUntil: null, deleteAt: after(feed) };
}

/**
 * A placement of an order's slot as publishing leaves it: published (completed once a publishedAt
 * is given, failed without) at the slot's time with the format's deadlines.
 */
export async function makePlacement(
  database: Database,
  order: Pick<MadeOrder, 'orderId' | 'workspaceId' | 'channelId' | 'advertiserAccountId'>,
  slotId: string,
  overrides: PlacementOverrides = {},
): Promise<PlacementRow> {
  const format = overrides.format ?? '1/24';
  const dueAt = overrides.dueAt ?? new Date();
  const publishedAt = overrides.publishedAt === undefined ? dueAt : overrides.publishedAt;
  const [row] = await database.withSystem('test factory: placement', (tx) =>
    tx
      .insert(placements)
      .values({
        orderId: order.orderId,
        slotId,
        channelId: order.channelId,
        workspaceId: order.workspaceId,
        advertiserAccountId: order.advertiserAccountId,
        format,
        status: overrides.status ?? (publishedAt ? 'completed' : 'failed'),
        dueAt,
        publishedAt,
        delaySeconds:
          overrides.delaySeconds === undefined ? (publishedAt ? 5 : null) : overrides.delaySeconds,
        chatId: overrides.chatId ?? -1_001_234_567_890,
        messageIds: overrides.messageIds ?? (publishedAt ? [100] : []),
        ...formatDeadlines(format, publishedAt),
        ...pick(overrides, ['topUntil', 'pinUntil', 'deleteAt']),
        violations: overrides.violations ?? [],
      })
      .returning(),
  );
  if (!row) throw new Error('placement not inserted');
  return row;
}

export interface ServedPlacement extends Omit<PlacementOverrides, 'publishedAt' | 'dueAt'> {
  price?: number;
  /** Hours after its slot it was published; null = never. */
  publishedAfterHours?: number | null;
}

export interface ServedOrder extends MadeOrder {
  placementIds: string[];
  amount: number;
  base: Date;
}

/**
 * A paid order in `published` whose placements (one a day from `base`; one 1/24 by default) were
 * posted as `placements` say: what publishing leaves behind, ready for settlement. The payment of
 * `amount` (⭐ unless `currency` says otherwise) is credited to escrow; the order is in RUB at
 * 1 000 ₽ an item unless `orderCurrency` and the placements' prices say otherwise.
 */
export async function makeServedOrder(
  database: Database,
  options: {
    base: Date;
    amount: number;
    currency?: Currency;
    orderCurrency?: Currency;
    placements?: ServedPlacement[];
    channel?: ChannelRef;
    advertiser?: string;
  },
): Promise<ServedOrder> {
  const specs = options.placements ?? [{}];
  const order = await makeOrder(database, {
    status: 'published',
    at: options.base,
    firstSlotAt: options.base,
    items: specs.map((p) => ({ format: p.format ?? '1/24', price: p.price ?? 100_000 })),
    ...(options.channel ? { channel: options.channel } : {}),
    ...(options.advertiser ? { advertiser: options.advertiser } : {}),
    currency: options.orderCurrency ?? 'RUB',
    payment: { amount: options.amount, currency: options.currency ?? 'XTR' },
    marking: null,
    creative: null,
  });
  const dues = await slotTimes(database, order.slotIds);
  const placementIds: string[] = [];
  for (const [i, spec] of specs.entries()) {
    const { price: _price, publishedAfterHours, ...fields } = spec;
    const dueAt = dues[i]!;
    const publishedAt =
      publishedAfterHours === null
        ? null
        : new Date(dueAt.getTime() + (publishedAfterHours ?? 0) * hour);
    const row = await makePlacement(database, order, order.slotIds[i]!, {
      messageIds: publishedAt ? [100 + i] : [],
      ...fields,
      dueAt,
      publishedAt,
    });
    placementIds.push(row.id);
  }
  return { ...order, placementIds, amount: options.amount, base: options.base };
}

async function slotTimes(database: Database, ids: string[]): Promise<Date[]> {
  const rows = await database.withSystem('test factory: slot times', (tx) =>
    tx.select({ id: slots.id, startsAt: slots.startsAt }).from(slots).where(inArray(slots.id, ids)),
  );
  const byId = new Map(rows.map((r) => [r.id, r.startsAt]));
  return ids.map((id) => byId.get(id)!);
}

function pick<T extends object, K extends keyof T>(source: T, keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}
