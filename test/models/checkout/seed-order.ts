import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { ChannelSettings } from '../../../models/channels/settings.js';
import type { Database } from '../../../models/db.js';
import {
  accounts,
  creatives,
  orderItems,
  orders,
  slots,
  workspaceMembers,
} from '../../../models/schema.js';
import { seedSellingTenant } from '../orders/seed-orders.js';

export interface SeededOrder {
  orderId: string;
  bundleId: string;
  workspaceId: string;
  channelId: string;
  ownerAccountId: string;
  slotIds: string[];
  total: number;
}

/**
 * A held order ready to pay (until X's and Y's flows are used): a selling channel with slots, an
 * order of `slotCount` items at 1 000 ₽ each held for 15 minutes, a text creative and marking.
 */
export async function seedHeldOrder(
  database: Database,
  advertiserAccountId: string,
  options: {
    now: Date;
    slotCount?: number;
    settings?: Partial<ChannelSettings>;
    /** Give the owner account this Telegram id (a sandbox user who has not talked to the bot yet). */
    ownerTelegramId?: number;
  },
): Promise<SeededOrder> {
  const count = options.slotCount ?? 2;
  const day = 86_400_000;
  const startsAt = Array.from(
    { length: count },
    (_, i) => new Date(Math.ceil(options.now.getTime() / 3_600_000) * 3_600_000 + (i + 1) * day),
  );
  const tenant = await seedSellingTenant(database, startsAt, {
    requiresMarking: true,
    ...options.settings,
  });
  const price = 100_000;
  const total = price * count;
  const holdExpiresAt = new Date(options.now.getTime() + 15 * 60_000);
  const bundleId = randomUUID();
  const orderId = await database.withSystem('test seed: held order', async (tx) => {
    await tx
      .insert(workspaceMembers)
      .values({ workspaceId: tenant.workspaceId, accountId: tenant.accountId, role: 'owner' })
      .onConflictDoNothing();
    if (options.ownerTelegramId !== undefined)
      await tx
        .update(accounts)
        .set({ telegramId: options.ownerTelegramId, language: 'en', firstName: 'Owner' })
        .where(eq(accounts.id, tenant.accountId));
    const [order] = await tx
      .insert(orders)
      .values({
        workspaceId: tenant.workspaceId,
        advertiserAccountId,
        bundleId,
        status: 'held',
        currency: 'RUB',
        subtotal: total,
        total,
        holdExpiresAt,
        marking: { name: 'ООО Ромашка', inn: '7707083893', erid: 'Kra23f4dE' },
      })
      .returning({ id: orders.id });
    if (!order) throw new Error('no order');
    for (const slotId of tenant.slotIds) {
      await tx
        .update(slots)
        .set({ status: 'held', holdExpiresAt, orderId: order.id, format: '1/24' })
        .where(eq(slots.id, slotId));
      await tx.insert(orderItems).values({
        orderId: order.id,
        workspaceId: tenant.workspaceId,
        advertiserAccountId,
        slotId,
        channelId: tenant.channelId,
        format: '1/24',
        price,
      });
    }
    await tx.insert(creatives).values({
      orderId: order.id,
      workspaceId: tenant.workspaceId,
      advertiserAccountId,
      variantIndex: 0,
      content: { kind: 'text', text: 'Fresh coffee every morning' },
      buttons: [[{ text: 'Order', url: 'https://example.com/coffee' }]],
    });
    return order.id;
  });
  return {
    orderId,
    bundleId,
    workspaceId: tenant.workspaceId,
    channelId: tenant.channelId,
    ownerAccountId: tenant.accountId,
    slotIds: tenant.slotIds,
    total,
  };
}
