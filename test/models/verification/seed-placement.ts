import { eq } from 'drizzle-orm';
import type { Clock } from '../../../models/clock.js';
import type { Database } from '../../../models/db.js';
import { channels, placements } from '../../../models/schema.js';
import { callBotApi, type Sandbox } from '../../helpers/sandbox.js';
import { seedHeldOrder } from '../checkout/seed-order.js';
import { seedAdvertiser } from '../orders/seed-orders.js';

export interface PublishedPlacement {
  placementId: string;
  orderId: string;
  workspaceId: string;
  ownerAccountId: string;
  advertiserAccountId: string;
  /** The emulator channel (registered as the order's channel). */
  chatId: number;
  messageId: number;
}

const hour = 3_600_000;

/**
 * A placement as publishing leaves it (until P's publish job is used here): a fresh emulator
 * channel with the bot as admin, registered as the order's channel; the bot posts the ad (and pins
 * it when `pinHours`), and the placement row is `published` with its deadlines.
 */
export async function seedPublishedPlacement(
  database: Database,
  sandbox: Sandbox,
  clock: Clock,
  options: { topHours?: number; deleteAfterHours?: number | null; pinHours?: number } = {},
): Promise<PublishedPlacement> {
  const ownerId = sandbox.ids.ownerId;
  const channel = sandbox.emulator.createChannel({ title: 'Watched channel', ownerId });
  sandbox.emulator.addBotToChat(channel.id, {
    rights: {
      can_manage_chat: true,
      can_post_messages: true,
      can_edit_messages: true,
      can_delete_messages: true,
    },
    byUserId: ownerId,
  });
  const advertiserAccountId = await seedAdvertiser(database);
  const order = await seedHeldOrder(database, advertiserAccountId, {
    now: clock.now(),
    slotCount: 1,
  });
  await database.withSystem('test seed', (tx) =>
    tx.update(channels).set({ telegramChatId: channel.id }).where(eq(channels.id, order.channelId)),
  );
  const sent = await callBotApi(sandbox, 'sendMessage', { chat_id: channel.id, text: 'Ad' });
  const messageId = (sent.result as { message_id: number }).message_id;
  if (options.pinHours !== undefined)
    await callBotApi(sandbox, 'pinChatMessage', {
      chat_id: channel.id,
      message_id: messageId,
      disable_notification: true,
    });
  const now = clock.now();
  const after = (hours: number) => new Date(now.getTime() + hours * hour);
  const deleteAfter = options.deleteAfterHours === undefined ? 24 : options.deleteAfterHours;
  const [row] = await database.withSystem('test seed', (tx) =>
    tx
      .insert(placements)
      .values({
        orderId: order.orderId,
        slotId: order.slotIds[0] ?? '',
        channelId: order.channelId,
        workspaceId: order.workspaceId,
        advertiserAccountId,
        format: options.pinHours !== undefined ? `pin:${options.pinHours}` : '1/24',
        status: 'published',
        dueAt: now,
        publishedAt: now,
        chatId: channel.id,
        messageIds: [messageId],
        topUntil: after(options.topHours ?? 1),
        pinUntil: options.pinHours !== undefined ? after(options.pinHours) : null,
        deleteAt: deleteAfter === null ? null : after(deleteAfter),
      })
      .returning({ id: placements.id }),
  );
  if (!row) throw new Error('no placement');
  return {
    placementId: row.id,
    orderId: order.orderId,
    workspaceId: order.workspaceId,
    ownerAccountId: order.ownerAccountId,
    advertiserAccountId,
    chatId: channel.id,
    messageId,
  };
}
