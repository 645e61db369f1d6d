import { randomUUID } from 'node:crypto';
import type { Database } from '../../../models/db.js';
import { postPaymentToEscrow } from '../../../models/payments/escrow.js';
import {
  orderItems,
  orders,
  payments,
  placements,
  workspaceMembers,
} from '../../../models/schema.js';
import { seedAdvertiser, seedSellingTenant } from '../orders/seed-orders.js';

const hour = 3_600_000;

export interface SeedPlacement {
  format?: string;
  price?: number;
  /** Hours after the order's base time the placement was published; null = never published. */
  publishedAfterHours?: number | null;
  delaySeconds?: number;
  status?: 'scheduled' | 'published' | 'completed' | 'failed' | 'cancelled';
  violations?: unknown[];
}

export interface SeededSettlement {
  orderId: string;
  workspaceId: string;
  channelId: string;
  ownerAccountId: string;
  advertiserAccountId: string;
  placementIds: string[];
  amount: number;
  base: Date;
}

/**
 * A paid (Stars, `amount` ⭐ in escrow) order in `published` with one placement per entry, each
 * published at base + publishedAfterHours with its format's deadlines: what publishing leaves behind.
 */
export async function seedPublishedOrder(
  database: Database,
  options: {
    base: Date;
    amount: number;
    placements: SeedPlacement[];
    orderStatus?: 'published';
    advertiserAccountId?: string;
  },
): Promise<SeededSettlement> {
  const base = options.base;
  const starts = options.placements.map((_, i) => new Date(base.getTime() + i * 24 * hour));
  const tenant = await seedSellingTenant(database, starts);
  const advertiserAccountId = options.advertiserAccountId ?? (await seedAdvertiser(database));
  const total = options.placements.reduce((s, p) => s + (p.price ?? 100_000), 0);
  return database.withSystem('test seed: published order', async (tx) => {
    await tx
      .insert(workspaceMembers)
      .values({ workspaceId: tenant.workspaceId, accountId: tenant.accountId, role: 'owner' })
      .onConflictDoNothing();
    const [order] = await tx
      .insert(orders)
      .values({
        workspaceId: tenant.workspaceId,
        advertiserAccountId,
        bundleId: randomUUID(),
        status: options.orderStatus ?? 'published',
        currency: 'RUB',
        subtotal: total,
        total,
        paidAt: base,
      })
      .returning({ id: orders.id });
    if (!order) throw new Error('no order');
    const chargeId = `charge-${randomUUID()}`;
    await tx.insert(payments).values({
      workspaceId: tenant.workspaceId,
      accountId: advertiserAccountId,
      purpose: 'order',
      orderId: order.id,
      provider: 'stars',
      providerPaymentId: chargeId,
      amount: options.amount,
      currency: 'XTR',
      status: 'succeeded',
      paidAt: base,
    });
    await postPaymentToEscrow(tx, {
      provider: 'stars',
      amount: options.amount,
      currency: 'XTR',
      workspaceId: tenant.workspaceId,
      orderId: order.id,
      chargeId,
      at: base,
    });
    const placementIds: string[] = [];
    for (const [i, p] of options.placements.entries()) {
      const format = p.format ?? '1/24';
      const slotId = tenant.slotIds[i]!;
      await tx.insert(orderItems).values({
        orderId: order.id,
        workspaceId: tenant.workspaceId,
        advertiserAccountId,
        slotId,
        channelId: tenant.channelId,
        format,
        price: p.price ?? 100_000,
      });
      const publishedAt =
        p.publishedAfterHours === null
          ? null
          : new Date(starts[i]!.getTime() + (p.publishedAfterHours ?? 0) * hour);
      const [feed, top] = format.startsWith('pin:')
        ? [0, 0]
        : (format.split('/').map(Number).reverse() as [number, number]);
      const pinHours = format.startsWith('pin:') ? Number(format.slice(4)) : 0;
      const at = (h: number) => (publishedAt ? new Date(publishedAt.getTime() + h * hour) : null);
      const [row] = await tx
        .insert(placements)
        .values({
          orderId: order.id,
          slotId,
          channelId: tenant.channelId,
          workspaceId: tenant.workspaceId,
          advertiserAccountId,
          format,
          status: p.status ?? (publishedAt ? 'completed' : 'failed'),
          dueAt: starts[i]!,
          publishedAt,
          delaySeconds: publishedAt ? (p.delaySeconds ?? 5) : null,
          chatId: -1_001_234_567_890,
          messageIds: publishedAt ? [100 + i] : [],
          topUntil: top ? at(top) : null,
          pinUntil: pinHours ? at(pinHours) : null,
          deleteAt: feed ? at(feed) : null,
          violations: p.violations ?? [],
        })
        .returning({ id: placements.id });
      placementIds.push(row!.id);
    }
    return {
      orderId: order.id,
      workspaceId: tenant.workspaceId,
      channelId: tenant.channelId,
      ownerAccountId: tenant.accountId,
      advertiserAccountId,
      placementIds,
      amount: options.amount,
      base,
    };
  });
}
