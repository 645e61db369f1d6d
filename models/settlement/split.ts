import { allocate, platformFee, proRata } from '../ledger/shares.js';
import { brokenMs, promisedLifetime, type PlacementTimes, type Violation } from './pro-rata.js';

export interface SettledPlacement extends PlacementTimes {
  id: string;
  /** completed = served its lifetime (maybe with violations); failed/cancelled = never served. */
  status: 'completed' | 'failed' | 'cancelled';
  /** The order item's price, the weight of this placement in the payment. */
  price: number;
  violations: Violation[];
}

export interface PlacementShare {
  placementId: string;
  /** Part of the payment allotted to this placement (by item price). */
  share: number;
  brokenMs: number;
  lifetimeMs: number;
  /** Part of `share` going back to the advertiser. */
  refund: number;
}

export interface Split {
  /** The payment held in escrow for the order. */
  amount: number;
  /** Back to the advertiser (pro rata to the broken share of each placement's lifetime). */
  refund: number;
  /** amount − refund: what the owner and the platform share. */
  settled: number;
  /** round(settled × 0.20). */
  fee: number;
  /** settled − fee. */
  owner: number;
  placements: PlacementShare[];
}

/**
 * Splits an order's escrowed payment: each placement gets a share by item price; a placement never
 * served refunds its whole share, a served one refunds round(share × broken / lifetime). The rest
 * is settled: fee = round(settled × 0.20) to the platform, settled − fee to the owner. Sums exactly.
 */
export function splitSettlement(amount: number, placements: SettledPlacement[]): Split {
  const shares = allocate(
    amount,
    placements.map((p) => p.price),
  );
  const rows = placements.map((p, i): PlacementShare => {
    const share = shares[i] ?? 0;
    const life = p.status === 'completed' ? promisedLifetime(p) : undefined;
    if (!life) return { placementId: p.id, share, brokenMs: 0, lifetimeMs: 0, refund: share };
    const lifetimeMs = life.until - life.from;
    const broken = brokenMs(p, p.violations);
    return {
      placementId: p.id,
      share,
      brokenMs: broken,
      lifetimeMs,
      refund: proRata(share, broken, lifetimeMs),
    };
  });
  const refund = rows.reduce((s, r) => s + r.refund, 0);
  const settled = amount - refund;
  const fee = platformFee(settled);
  return { amount, refund, settled, fee, owner: settled - fee, placements: rows };
}
