import { describe, expect, it } from 'vitest';
import { probabilityToBeBest } from '../../../models/ab-tests/probability.js';

/** ln Γ(x) (Lanczos, g = 7): enough digits for the closed form below. */
function lnGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const z = x - 1;
  let a = c[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}
const lnBeta = (a: number, b: number) => lnGamma(a) + lnGamma(b) - lnGamma(a + b);

/**
 * P(X_B > X_A) for X_A ~ Beta(aA, bA), X_B ~ Beta(aB, bB) with integer aB, exactly (the sum
 * published by Evan Miller, «Formulas for Bayesian A/B Testing»): an independent check.
 */
function exactBBeatsA(aA: number, bA: number, aB: number, bB: number): number {
  let total = 0;
  for (let i = 0; i < aB; i++)
    total += Math.exp(
      lnBeta(aA + i, bA + bB) - Math.log(bB + i) - lnBeta(1 + i, bB) - lnBeta(aA, bA),
    );
  return total;
}

describe('probability to be the best (Beta posteriors)', () => {
  it('matches the exact two-variant formula', () => {
    for (const [a, b] of [
      [
        { trials: 1_000, successes: 3 },
        { trials: 1_000, successes: 2 },
      ],
      [
        { trials: 2_000, successes: 28 },
        { trials: 1_000, successes: 2 },
      ],
      [
        { trials: 1_000, successes: 50 },
        { trials: 1_000, successes: 40 },
      ],
      [
        { trials: 40, successes: 0 },
        { trials: 300, successes: 1 },
      ],
    ] as const) {
      const [pA, pB] = probabilityToBeBest([a, b]);
      const exact = exactBBeatsA(
        1 + a.successes,
        1 + a.trials - a.successes,
        1 + b.successes,
        1 + b.trials - b.successes,
      );
      expect(pB).toBeCloseTo(exact, 4);
      expect(pA! + pB!).toBeCloseTo(1, 10);
    }
  });

  it('is symmetric for equal evidence and orders unequal evidence', () => {
    const same = { trials: 500, successes: 7 };
    for (const p of probabilityToBeBest([same, same, same, same])) expect(p).toBeCloseTo(0.25, 6);
    const chances = probabilityToBeBest([
      { trials: 1_000, successes: 5 },
      { trials: 1_000, successes: 15 },
      { trials: 1_000, successes: 10 },
    ]);
    expect(chances[1]).toBeGreaterThan(chances[2]!);
    expect(chances[2]).toBeGreaterThan(chances[0]!);
    expect(chances.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it('clamps impossible evidence and answers without arms', () => {
    expect(probabilityToBeBest([])).toEqual([]);
    expect(probabilityToBeBest([{ trials: 10, successes: 3 }])).toEqual([1]);
    // More clicks than reach counts as all of the reach.
    const [over, all] = probabilityToBeBest([
      { trials: 10, successes: 30 },
      { trials: 10, successes: 10 },
    ]);
    expect(over).toBeCloseTo(all!, 6);
  });
});
