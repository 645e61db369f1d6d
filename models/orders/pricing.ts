/** A channel's bundle discount: ≥ minSlots items of that channel in one order ⇒ −percent on each. */
export interface BundleDiscount {
  minSlots: number;
  percent: number;
}

export interface PricedItemInput {
  channelId: string;
  /** Minor units, integer. */
  price: number;
}

export interface PricedItem extends PricedItemInput {
  discount: number;
  total: number;
}

export interface OrderPrice {
  items: PricedItem[];
  subtotal: number;
  discount: number;
  total: number;
}

/** percent of an integer amount of minor units, rounded half up (integers only, no floats). */
export function percentOf(amount: number, percent: number): number {
  if (!Number.isSafeInteger(amount) || amount < 0)
    throw new RangeError('amount must be minor units');
  if (!Number.isInteger(percent) || percent < 0 || percent > 100) throw new RangeError('percent');
  return Math.floor((amount * percent + 50) / 100);
}

/**
 * Prices an order's items: subtotal, the per-channel bundle discount (each item of a channel with
 * at least minSlots items in the order gets −percent, rounded half up per item) and total.
 */
export function priceOrder(
  items: readonly PricedItemInput[],
  discountOf: (channelId: string) => BundleDiscount | null | undefined,
): OrderPrice {
  const perChannel = new Map<string, number>();
  for (const item of items)
    perChannel.set(item.channelId, (perChannel.get(item.channelId) ?? 0) + 1);
  const priced = items.map((item) => {
    const rule = discountOf(item.channelId);
    const applies = rule && (perChannel.get(item.channelId) ?? 0) >= rule.minSlots;
    const discount = applies ? percentOf(item.price, rule.percent) : 0;
    return { ...item, discount, total: item.price - discount };
  });
  const subtotal = priced.reduce((sum, i) => sum + i.price, 0);
  const discount = priced.reduce((sum, i) => sum + i.discount, 0);
  return { items: priced, subtotal, discount, total: subtotal - discount };
}
