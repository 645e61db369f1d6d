/** Splits `amount` over `weights` proportionally in integers (largest remainder; sums exactly). */
export function allocate(amount: number, weights: number[]): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  if (weights.length === 0) return [];
  if (total <= 0)
    return allocate(
      amount,
      weights.map(() => 1),
    );
  const big = weights.map((w) => BigInt(amount) * BigInt(w));
  const shares = big.map((b) => Number(b / BigInt(total)));
  const rest = amount - shares.reduce((s, x) => s + x, 0);
  const order = big
    .map((b, i) => ({ i, r: b % BigInt(total) }))
    .sort((x, y) => (y.r > x.r ? 1 : y.r < x.r ? -1 : x.i - y.i));
  for (let k = 0; k < rest; k += 1) shares[order[k % order.length]!.i]! += 1;
  return shares;
}

/** round(amount × part / whole) in exact integer arithmetic (half up); 0 ≤ part ≤ whole. */
export function proRata(amount: number, part: number, whole: number): number {
  if (whole <= 0 || part <= 0) return 0;
  if (part >= whole) return amount;
  const n = BigInt(amount) * BigInt(Math.round(part)) * 2n + BigInt(whole);
  return Number(n / (2n * BigInt(whole)));
}

/** The platform fee: round(settled × 0.20), half up, integers only. */
export function platformFee(settled: number): number {
  return Math.floor((settled * 20 + 50) / 100);
}
