import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { prepareInvoice } from '../../../models/checkout/prepare-invoice.js';
import { checkPreCheckout } from '../../../models/checkout/pre-checkout.js';
import { recordStarsPayment } from '../../../models/checkout/record-stars-payment.js';
import type { Clock } from '../../../models/clock.js';
import { orderReadiness } from '../../../models/creatives/order-readiness.js';
import type { Database } from '../../../models/db.js';
import { channels, orderItems, placements } from '../../../models/schema.js';
import type { Sandbox } from '../../helpers/sandbox.js';
import { seedHeldOrder } from '../checkout/seed-order.js';
import { seedAdvertiser } from '../orders/seed-orders.js';

const rates = { starsPerRub: 0.77, starsPerUsd: 77 };
export const allBotRights = {
  can_post_messages: true,
  can_edit_messages: true,
  can_delete_messages: true,
};

/** Makes the seeded channel an emulator channel where the bot is an admin with all rights; its chat id. */
export async function bindSandboxChannel(
  database: Database,
  sandbox: Sandbox,
  channelId: string,
  title: string,
): Promise<number> {
  const channel = sandbox.emulator.createChannel({ title, ownerId: sandbox.ids.ownerId });
  sandbox.emulator.addBotToChat(channel.id, {
    rights: allBotRights,
    byUserId: sandbox.ids.ownerId,
  });
  await database.withSystem('test: bind channel', (tx) =>
    tx.update(channels).set({ telegramChatId: channel.id }).where(eq(channels.id, channelId)),
  );
  return channel.id;
}

/** A paid order auto-accepted into `scheduled` (one slot of `format`) in a sandbox channel. */
export async function seedScheduledPlacement(
  database: Database,
  sandbox: Sandbox,
  clock: Clock,
  format: string,
  slotCount = 1,
) {
  const advertiser = await seedAdvertiser(database);
  const seeded = await seedHeldOrder(database, advertiser, {
    now: clock.now(),
    slotCount,
    settings: { review: { mode: 'auto' } },
  });
  const chatId = await bindSandboxChannel(database, sandbox, seeded.channelId, `Coffee ${format}`);
  await database.withSystem('test: order format', (tx) =>
    tx.update(orderItems).set({ format }).where(eq(orderItems.orderId, seeded.orderId)),
  );
  const invoice = await prepareInvoice(
    database,
    { accountId: advertiser, orderId: seeded.orderId, rates, readiness: orderReadiness },
    clock,
  );
  if (!invoice.ok) throw new Error(invoice.code);
  const payload = invoice.value.payload;
  const pre = await checkPreCheckout(
    database,
    { accountId: advertiser, payload, currency: 'XTR', totalAmount: invoice.value.stars },
    clock,
  );
  expect(pre.ok).toBe(true);
  const paid = await recordStarsPayment(
    database,
    {
      accountId: advertiser,
      payload,
      chargeId: `ch-${Math.random()}`,
      amount: invoice.value.stars,
      currency: 'XTR',
    },
    clock,
  );
  expect(paid.ok && paid.value.kind === 'paid' && paid.value.status).toBe('scheduled');
  const all = await database.withSystem('test read', (tx) =>
    tx
      .select()
      .from(placements)
      .where(eq(placements.orderId, seeded.orderId))
      .orderBy(placements.dueAt),
  );
  const placement = all[0];
  if (!placement) throw new Error('no placement');
  return { seeded, advertiser, chatId, placement, placements: all };
}
