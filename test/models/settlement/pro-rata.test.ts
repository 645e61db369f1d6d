import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, platformFee, proRata } from '../../../models/ledger/shares.js';
import { brokenMs, promisedLifetime, readViolations } from '../../../models/settlement/pro-rata.js';
import { splitSettlement, type SettledPlacement } from '../../../models/settlement/split.js';

const hour = 3_600_000;
const t0 = Date.UTC(2031, 0, 1, 12);
const iso = (h: number) => new Date(t0 + h * hour).toISOString();
const times = (format: string, top: number | null, pin: number | null, del: number | null) => ({
  format,
  publishedAt: new Date(t0),
  topUntil: top === null ? null : new Date(t0 + top * hour),
  pinUntil: pin === null ? null : new Date(t0 + pin * hour),
  deleteAt: del === null ? null : new Date(t0 + del * hour),
});

describe('promised lifetime', () => {
  it('ends at delete_at, or for posts never deleted at the latest of top, pin and +24 h', () => {
    expect(promisedLifetime(times('1/24', 1, null, 24))).toEqual({
      from: t0,
      until: t0 + 24 * hour,
    });
    expect(promisedLifetime(times('1/0', 1, null, null))).toEqual({
      from: t0,
      until: t0 + 24 * hour,
    });
    expect(promisedLifetime(times('pin:48', null, 48, null))).toEqual({
      from: t0,
      until: t0 + 48 * hour,
    });
    expect(promisedLifetime({ ...times('1/24', 1, null, 24), publishedAt: null })).toBeUndefined();
  });
});

describe('broken time', () => {
  it('uses each violation interval inside the lifetime, overlaps counted once, late ignored', () => {
    const p = times('1/24', 1, null, 24);
    const v = readViolations([
      { kind: 'top', at: iso(0.5), from: iso(0.5), until: iso(1) },
      { kind: 'early_deletion', at: iso(12), from: iso(12), until: iso(30) },
      { kind: 'early_deletion', at: iso(13), from: iso(13), until: iso(24) },
      { kind: 'late', at: iso(0), from: iso(-1), until: iso(0) },
      { kind: 'nonsense', at: iso(1) },
      'garbage',
    ]);
    expect(v).toHaveLength(4);
    expect(brokenMs(p, v)).toBe(0.5 * hour + 12 * hour);
  });
  it('defaults the end to top_until, pin_until or the lifetime end when V gives none', () => {
    const p = times('pin:24', null, 6, null);
    expect(brokenMs(p, readViolations([{ kind: 'pin_removed', at: iso(2) }]))).toBe(4 * hour);
    expect(brokenMs(p, readViolations([{ kind: 'early_deletion', at: iso(20) }]))).toBe(4 * hour);
  });
});

describe('integer money', () => {
  it('fee is round(settled × 0.20), half up', () => {
    expect(platformFee(1000)).toBe(200);
    expect(platformFee(1540)).toBe(308);
    expect(platformFee(3)).toBe(1); // 0.6
    expect(platformFee(2)).toBe(0); // 0.4
    expect(platformFee(0)).toBe(0);
  });
  it('allocate sums exactly and follows the weights', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 20 }),
        (amount, weights) => {
          const shares = allocate(amount, weights);
          expect(shares.reduce((s, x) => s + x, 0)).toBe(amount);
          expect(shares.every((x) => Number.isSafeInteger(x) && x >= 0)).toBe(true);
        },
      ),
    );
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });
  it('proRata rounds half up and stays within the amount', () => {
    expect(proRata(1000, 1, 2)).toBe(500);
    expect(proRata(1, 1, 2)).toBe(1);
    expect(proRata(1000, 0, 10)).toBe(0);
    expect(proRata(1000, 20, 10)).toBe(1000);
  });
});

describe('splitSettlement (property)', () => {
  const placement = fc.record({
    price: fc.integer({ min: 0, max: 500_000 }),
    status: fc.constantFrom('completed' as const, 'failed' as const, 'cancelled' as const),
    brokenFrom: fc.integer({ min: -5, max: 30 }),
    brokenHours: fc.integer({ min: 0, max: 30 }),
  });
  it('refund + fee + owner = amount, all non-negative; a clean lifetime refunds nothing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.array(placement, { minLength: 1, maxLength: 8 }),
        (amount, ps) => {
          const rows: SettledPlacement[] = ps.map((p, i) => ({
            ...times('1/24', 1, null, 24),
            id: `p${i}`,
            status: p.status,
            price: p.price,
            violations: readViolations([
              {
                kind: 'early_deletion',
                at: iso(p.brokenFrom),
                from: iso(p.brokenFrom),
                until: iso(p.brokenFrom + p.brokenHours),
              },
            ]),
          }));
          const s = splitSettlement(amount, rows);
          expect(s.refund + s.fee + s.owner).toBe(amount);
          expect(s.settled).toBe(amount - s.refund);
          expect(s.fee).toBe(platformFee(s.settled));
          for (const v of [s.refund, s.fee, s.owner]) expect(v).toBeGreaterThanOrEqual(0);
          for (const p of s.placements) expect(p.refund).toBeLessThanOrEqual(p.share);
        },
      ),
    );
    const clean = splitSettlement(1540, [
      { ...times('1/24', 1, null, 24), id: 'a', status: 'completed', price: 1, violations: [] },
    ]);
    expect(clean).toMatchObject({ refund: 0, settled: 1540, fee: 308, owner: 1232 });
  });
  it('a post deleted halfway through refunds half its share', () => {
    const s = splitSettlement(1000, [
      {
        ...times('1/24', 1, null, 24),
        id: 'a',
        status: 'completed',
        price: 5,
        violations: readViolations([
          { kind: 'early_deletion', at: iso(12), from: iso(12), until: iso(24) },
        ]),
      },
      { ...times('1/24', 1, null, 24), id: 'b', status: 'completed', price: 5, violations: [] },
    ]);
    expect(s).toMatchObject({ refund: 250, settled: 750, fee: 150, owner: 600 });
  });
});
