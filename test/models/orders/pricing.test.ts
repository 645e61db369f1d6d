import { describe, expect, it } from 'vitest';
import { percentOf, priceOrder } from '../../../models/orders/pricing.js';

describe('percentOf', () => {
  it('rounds half up on minor units', () => {
    expect(percentOf(1000, 10)).toBe(100);
    expect(percentOf(5, 10)).toBe(1); // 0.5 → 1
    expect(percentOf(4, 10)).toBe(0); // 0.4 → 0
    expect(percentOf(15, 10)).toBe(2); // 1.5 → 2
    expect(percentOf(999_999_999, 90)).toBe(899_999_999); // 899 999 999.1
  });

  it('refuses floats and negatives', () => {
    expect(() => percentOf(10.5, 10)).toThrow(RangeError);
    expect(() => percentOf(-1, 10)).toThrow(RangeError);
    expect(() => percentOf(10, 1.5)).toThrow(RangeError);
  });
});

describe('priceOrder', () => {
  const rules = { a: { minSlots: 2, percent: 15 }, b: null } as const;
  const discountOf = (id: string) => rules[id as keyof typeof rules];

  it('discounts only the channel that reaches minSlots, per item', () => {
    const price = priceOrder(
      [
        { channelId: 'a', price: 100_001 },
        { channelId: 'a', price: 50_003 },
        { channelId: 'b', price: 70_000 },
      ],
      discountOf,
    );
    // 15% of 100 001 = 15 000.15 → 15 000; of 50 003 = 7 500.45 → 7 500
    expect(price.items.map((i) => i.discount)).toEqual([15_000, 7_500, 0]);
    expect(price.subtotal).toBe(220_004);
    expect(price.discount).toBe(22_500);
    expect(price.total).toBe(197_504);
  });

  it('gives no discount below minSlots, and an empty order costs nothing', () => {
    expect(priceOrder([{ channelId: 'a', price: 1000 }], discountOf).discount).toBe(0);
    expect(priceOrder([], discountOf)).toEqual({ items: [], subtotal: 0, discount: 0, total: 0 });
  });

  it('keeps integers and total = subtotal − discount for many prices', () => {
    for (let price = 1; price < 3000; price += 7) {
      const p = priceOrder(
        [
          { channelId: 'a', price },
          { channelId: 'a', price: price + 1 },
        ],
        discountOf,
      );
      expect(Number.isInteger(p.discount)).toBe(true);
      expect(p.total).toBe(p.subtotal - p.discount);
      expect(p.total).toBeGreaterThanOrEqual(0);
    }
  });
});
