import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../../../models/db.js';
import type { Currency } from '../../../models/orders/table.js';
import { postPaymentToEscrow } from '../../../models/payments/escrow.js';
import { ensureOwnerWorkspace } from '../../../models/workspaces/ensure-owner-workspace.js';
import {
  accounts,
  channels,
  orderItems,
  orders,
  payments,
  placements,
  slots,
  workspaceMembers,
} from '../../../models/schema.js';
import { settlePlacement } from '../../../models/settlement/settle-placement.js';
import { seedAdvertiser } from '../orders/seed-orders.js';
import { seedTenant, type Tenant } from '../seed.js';

const hour = 3_600_000;
let slotSeq = 0;

/** An owner (with the owner membership) and one channel. */
export async function seedOwner(database: Database, title = 'Payee'): Promise<Tenant> {
  const tenant = await seedTenant(database, title);
  await database.withSystem('test seed: owner membership', (tx) =>
    tx
      .insert(workspaceMembers)
      .values({ workspaceId: tenant.workspaceId, accountId: tenant.accountId, role: 'owner' })
      .onConflictDoNothing(),
  );
  return tenant;
}

export interface PublishedOrder {
  orderId: string;
  placementId: string;
  paymentId: string;
  advertiserAccountId: string;
  amount: number;
  currency: Currency;
}

const providerOf = (currency: Currency) =>
  currency === 'XTR' ? 'stars' : currency === 'RUB' ? 'yookassa' : 'stripe';

/**
 * A paid order of `tenant` in `published` with one 1/24 placement served in full (published at
 * `base`, deleted 24 h later): what publishing leaves behind, ready for settlePlacement.
 */
export async function seedServedOrder(
  database: Database,
  tenant: Tenant,
  options: { amount: number; currency: Currency; base: Date; advertiserAccountId?: string },
): Promise<PublishedOrder> {
  const advertiserAccountId = options.advertiserAccountId ?? (await seedAdvertiser(database));
  const provider = providerOf(options.currency);
  slotSeq += 1;
  const startsAt = new Date(options.base.getTime() + slotSeq * 60_000);
  return database.withSystem('test seed: served order', async (tx) => {
    const [slot] = await tx
      .insert(slots)
      .values({ channelId: tenant.channelId, workspaceId: tenant.workspaceId, startsAt })
      .returning({ id: slots.id });
    const [order] = await tx
      .insert(orders)
      .values({
        workspaceId: tenant.workspaceId,
        advertiserAccountId,
        bundleId: randomUUID(),
        status: 'published',
        currency: options.currency,
        subtotal: options.amount,
        total: options.amount,
        paidAt: startsAt,
      })
      .returning({ id: orders.id });
    const chargeId = `charge-${randomUUID()}`;
    const [payment] = await tx
      .insert(payments)
      .values({
        workspaceId: tenant.workspaceId,
        accountId: advertiserAccountId,
        purpose: 'order',
        orderId: order!.id,
        provider,
        providerPaymentId: chargeId,
        amount: options.amount,
        currency: options.currency,
        status: 'succeeded',
        paidAt: startsAt,
      })
      .returning({ id: payments.id });
    await postPaymentToEscrow(tx, {
      provider,
      amount: options.amount,
      currency: options.currency,
      workspaceId: tenant.workspaceId,
      orderId: order!.id,
      chargeId,
      at: startsAt,
    });
    await tx.insert(orderItems).values({
      orderId: order!.id,
      workspaceId: tenant.workspaceId,
      advertiserAccountId,
      slotId: slot!.id,
      channelId: tenant.channelId,
      format: '1/24',
      price: options.amount,
    });
    const [placement] = await tx
      .insert(placements)
      .values({
        orderId: order!.id,
        slotId: slot!.id,
        channelId: tenant.channelId,
        workspaceId: tenant.workspaceId,
        advertiserAccountId,
        format: '1/24',
        status: 'completed',
        dueAt: startsAt,
        publishedAt: startsAt,
        delaySeconds: 3,
        chatId: -1_001_234_567_890,
        messageIds: [100],
        deleteAt: new Date(startsAt.getTime() + 24 * hour),
        violations: [],
      })
      .returning({ id: placements.id });
    return {
      orderId: order!.id,
      placementId: placement!.id,
      paymentId: payment!.id,
      advertiserAccountId,
      amount: options.amount,
      currency: options.currency,
    };
  });
}

/** seedServedOrder, then the real settlement (owner gets amount − round(amount × 0.20)). */
export async function seedSettledEarnings(
  database: Database,
  tenant: Tenant,
  options: { amount: number; currency: Currency; base: Date },
): Promise<PublishedOrder> {
  const order = await seedServedOrder(database, tenant, options);
  const settled = await settlePlacement(
    database,
    order.placementId,
    new Date(options.base.getTime() + 48 * hour),
  );
  if (!settled.ok || settled.value.kind !== 'settled') {
    throw new Error(`settlement failed: ${JSON.stringify(settled)}`);
  }
  return order;
}

/**
 * For a person who already talked to the bot (has an account): their own workspace, one active
 * channel in it and one settled order of `amount` (owner share amount − 20 %).
 */
export async function seedEarningsOf(
  database: Database,
  telegramId: number,
  options: { amount: number; currency: Currency; base: Date },
): Promise<Tenant> {
  const [account] = await database.withSystem('test read', (tx) =>
    tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.telegramId, telegramId)),
  );
  if (!account) throw new Error(`no account for ${telegramId}`);
  const workspace = await ensureOwnerWorkspace(database, account.id);
  const [channel] = await database.withSystem('test seed: channel', (tx) =>
    tx
      .insert(channels)
      .values({
        workspaceId: workspace.workspaceId,
        telegramChatId: -1_009_000_000_000 - telegramId,
        title: 'Payout channel',
        shareCode: randomBytes(6).toString('hex'),
        status: 'active',
      })
      .returning({ id: channels.id }),
  );
  const tenant = {
    accountId: account.id,
    workspaceId: workspace.workspaceId,
    channelId: channel!.id,
  };
  await seedSettledEarnings(database, tenant, options);
  return tenant;
}
