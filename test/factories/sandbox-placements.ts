import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Clock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { channels, orderItems, placements } from '../../models/schema.js';
import { payWithStars } from '../helpers/pay-order.js';
import { callBotApi, type Sandbox } from '../helpers/sandbox.js';
import { makeAccount } from './accounts.js';
import type { ChannelOverrides } from './channels.js';
import { makeOrder, type MadeOrder, type OrderOverrides } from './orders.js';
import { makePlacement, type PlacementRow } from './placements.js';

const hour = 3_600_000;

export const allBotRights = {
  can_post_messages: true,
  can_edit_messages: true,
  can_delete_messages: true,
};

/**
 * Makes a channel an emulator channel where the bot is an admin with all rights; its chat id.
 * `subscribers`: that many more people in the channel, and its size recorded as Telegram counts it.
 */
export async function bindSandboxChannel(
  database: Database,
  sandbox: Sandbox,
  channelId: string,
  title: string,
  rights: Record<string, boolean> = allBotRights,
  subscribers?: number,
): Promise<number> {
  const channel = sandbox.emulator.createChannel({
    title,
    ownerId: sandbox.ids.ownerId,
    ...(subscribers === undefined ? {} : { subscribers }),
  });
  sandbox.emulator.addBotToChat(channel.id, { rights, byUserId: sandbox.ids.ownerId });
  // Its size as registration records it: what getChatMemberCount answers (the owner and the bot
  // count too), so the daily measurement, whenever it runs, finds the same.
  const counted =
    subscribers === undefined
      ? undefined
      : await callBotApi(sandbox, 'getChatMemberCount', { chat_id: channel.id });
  if (counted && !counted.ok) throw new Error(counted.description);
  await database.withSystem('test factory: bind channel', (tx) =>
    tx
      .update(channels)
      .set({
        telegramChatId: channel.id,
        ...(counted ? { subscribers: counted.result as number } : {}),
      })
      .where(eq(channels.id, channelId)),
  );
  return channel.id;
}

export interface ScheduledPlacement {
  seeded: MadeOrder;
  advertiser: string;
  chatId: number;
  placement: PlacementRow;
  placements: PlacementRow[];
}

/**
 * An order of `slotCount` slots of `format` in an emulator channel (auto review; `channel` changes
 * it), paid with Stars through the production checkout, so its placements are `scheduled`.
 */
export async function makeScheduledPlacement(
  database: Database,
  sandbox: Sandbox,
  clock: Clock,
  format: string,
  slotCount = 1,
  channel: ChannelOverrides = {},
  order: Pick<OrderOverrides, 'creative' | 'advertiser'> = {},
): Promise<ScheduledPlacement> {
  const advertiser = order.advertiser ?? (await makeAccount(database)).id;
  const seeded = await makeOrder(database, {
    ...order,
    advertiser,
    at: clock.now(),
    items: slotCount,
    channelOverrides: { ...channel, settings: { review: { mode: 'auto' }, ...channel.settings } },
  });
  const chatId = await bindSandboxChannel(database, sandbox, seeded.channelId, `Coffee ${format}`);
  await database.withSystem('test factory: order format', (tx) =>
    tx.update(orderItems).set({ format }).where(eq(orderItems.orderId, seeded.orderId)),
  );
  const { paid } = await payWithStars(database, clock, {
    accountId: advertiser,
    orderId: seeded.orderId,
    preCheckout: true,
  });
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

/**
 * A placement as publishing leaves it: the bot (an admin of a fresh emulator channel registered as
 * the order's) posted the ad, pinned it when `pinHours`; the row is `published` with deadlines.
 */
export async function makePublishedPlacement(
  database: Database,
  sandbox: Sandbox,
  clock: Clock,
  options: { topHours?: number; deleteAfterHours?: number | null; pinHours?: number } = {},
): Promise<PublishedPlacement> {
  const order = await makeOrder(database, { at: clock.now() });
  const chatId = await bindSandboxChannel(database, sandbox, order.channelId, 'Watched channel', {
    can_manage_chat: true,
    ...allBotRights,
  });
  const sent = await callBotApi(sandbox, 'sendMessage', { chat_id: chatId, text: 'Ad' });
  const messageId = (sent.result as { message_id: number }).message_id;
  if (options.pinHours !== undefined)
    await callBotApi(sandbox, 'pinChatMessage', {
      chat_id: chatId,
      message_id: messageId,
      disable_notification: true,
    });
  const now = clock.now();
  const after = (hours: number) => new Date(now.getTime() + hours * hour);
  const deleteAfter = options.deleteAfterHours === undefined ? 24 : options.deleteAfterHours;
  const row = await makePlacement(database, order, order.slotIds[0]!, {
    format: options.pinHours !== undefined ? `pin:${options.pinHours}` : '1/24',
    status: 'published',
    dueAt: now,
    publishedAt: now,
    delaySeconds: null,
    chatId,
    messageIds: [messageId],
    topUntil: after(options.topHours ?? 1),
    pinUntil: options.pinHours !== undefined ? after(options.pinHours) : null,
    deleteAt: deleteAfter === null ? null : after(deleteAfter),
  });
  return {
    placementId: row.id,
    orderId: order.orderId,
    workspaceId: order.workspaceId,
    ownerAccountId: order.ownerAccountId,
    advertiserAccountId: order.advertiserAccountId,
    chatId,
    messageId,
  };
}
