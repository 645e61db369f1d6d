import { eq } from 'drizzle-orm';
import type { Tx } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { readMarking } from '../marking/marking.js';
import { creatives, orderItems, orders } from '../orders/table.js';
import { readBundleChannels } from './bundle.js';
import type { Creative, CreativeButton, CreativeContent } from './content.js';
import { checkContentRules } from './content-rules.js';
import { checkCreativeLength } from './render.js';

export type ReadinessCode = 'no_creative' | 'marking_required' | 'content_refused';

/**
 * Whether an order may be invoiced: it has a creative, carries valid marking when any of its
 * channels requires it, and every variant passes the channels' stop words / blocked domains and
 * the length limits with the marking line. The transaction must see the order's channels (the
 * order's workspace scope or withSystem); a channel it cannot see counts as 'content_refused'.
 */
export async function orderReadiness(
  tx: Tx,
  orderId: string,
): Promise<Result<void, ReadinessCode>> {
  const [order] = await tx
    .select({ marking: orders.marking })
    .from(orders)
    .where(eq(orders.id, orderId));
  if (!order) return fail('no_creative');
  const variants = await tx
    .select({ content: creatives.content, buttons: creatives.buttons })
    .from(creatives)
    .where(eq(creatives.orderId, orderId));
  if (variants.length === 0) return fail('no_creative');
  const items = await tx
    .select({ channelId: orderItems.channelId })
    .from(orderItems)
    .where(eq(orderItems.orderId, orderId));
  const channelIds = [...new Set(items.map((item) => item.channelId))];
  const channels = await readBundleChannels(tx, channelIds);
  if (channels.length < channelIds.length) {
    return fail('content_refused', { reason: 'channel_not_visible' });
  }
  const marking = readMarking(order.marking);
  if (!marking && channels.some((channel) => channel.requiresMarking)) {
    return fail('marking_required');
  }
  for (const variant of variants) {
    const creative: Creative = {
      content: variant.content as unknown as CreativeContent,
      buttons: variant.buttons as CreativeButton[][],
    };
    for (const channel of channels) {
      const verdict = checkContentRules(creative, channel);
      if (!verdict.ok)
        return fail('content_refused', { ...verdict.detail, channel: channel.title });
    }
    const length = checkCreativeLength(creative, marking);
    if (!length.ok) return fail('content_refused', length.detail);
  }
  return ok(undefined);
}
