import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db.js';
import { readMarking, type Marking } from '../marking/marking.js';
import { creatives, orders } from '../orders/table.js';
import type { Creative, CreativeButton, CreativeContent } from './content.js';

/** An order's creative variants (by variant index) and its marking, for cards and previews. */
export async function readOrderCreatives(
  tx: DbOrTx,
  orderId: string,
): Promise<{ variants: (Creative & { variantIndex: number })[]; marking: Marking | null }> {
  const [order] = await tx
    .select({ marking: orders.marking })
    .from(orders)
    .where(eq(orders.id, orderId));
  const rows = await tx
    .select({
      variantIndex: creatives.variantIndex,
      content: creatives.content,
      buttons: creatives.buttons,
    })
    .from(creatives)
    .where(eq(creatives.orderId, orderId))
    .orderBy(asc(creatives.variantIndex));
  return {
    variants: rows.map((row) => ({
      variantIndex: row.variantIndex,
      content: row.content as unknown as CreativeContent,
      buttons: row.buttons as CreativeButton[][],
    })),
    marking: readMarking(order?.marking),
  };
}
