import { createRequire } from 'node:module';
import type betaCdfFn from '@stdlib/stats-base-dists-beta-cdf';
import type betaPdfFn from '@stdlib/stats-base-dists-beta-pdf';
import type betaQuantileFn from '@stdlib/stats-base-dists-beta-quantile';

interface BetaFunctions {
  cdf: typeof betaCdfFn;
  pdf: typeof betaPdfFn;
  quantile: typeof betaQuantileFn;
}

/**
 * stdlib's Beta functions (CommonJS, ~300 modules) are required at the first decision, not when
 * the process starts: only an A/B test with two arms needs them.
 */
let beta: BetaFunctions | undefined;
function betaFunctions(): BetaFunctions {
  const require = createRequire(import.meta.url);
  return (beta ??= {
    cdf: require('@stdlib/stats-base-dists-beta-cdf') as typeof betaCdfFn,
    pdf: require('@stdlib/stats-base-dists-beta-pdf') as typeof betaPdfFn,
    quantile: require('@stdlib/stats-base-dists-beta-quantile') as typeof betaQuantileFn,
  });
}

/** One variant's evidence: people reached and how many of them clicked. */
export interface Arm {
  trials: number;
  successes: number;
}

/** Points of the integration over each arm's posterior (Simpson's rule, an even number). */
const steps = 800;
/** Each arm's posterior is integrated between these quantiles (beyond them it has no mass). */
const tail = 1e-9;

/**
 * The probability that each arm has the highest rate, from Beta(1 + successes, 1 + failures)
 * posteriors (a uniform prior): P(i best) = ∫ pdf_i(x) · Π_{j≠i} cdf_j(x) dx, integrated
 * numerically over the range where arm i's posterior has mass. Deterministic (no sampling); the
 * results sum to 1 (normalized for the integration's rounding). Fewer than two arms ⇒ [1] or [].
 */
export function probabilityToBeBest(arms: readonly Arm[]): number[] {
  if (arms.length < 2) return arms.map(() => 1);
  const { cdf: betaCdf, pdf: betaPdf, quantile: betaQuantile } = betaFunctions();
  const posteriors = arms.map((arm) => {
    const successes = Math.max(0, Math.min(arm.successes, arm.trials));
    return { alpha: 1 + successes, beta: 1 + Math.max(0, arm.trials - successes) };
  });
  const raw = posteriors.map((own, i) => {
    const from = betaQuantile(tail, own.alpha, own.beta);
    const to = betaQuantile(1 - tail, own.alpha, own.beta);
    const h = (to - from) / steps;
    if (!(h > 0)) return 0;
    const f = (x: number) => {
      let value = betaPdf(x, own.alpha, own.beta);
      for (const [j, other] of posteriors.entries())
        if (j !== i) value *= betaCdf(x, other.alpha, other.beta);
      return value;
    };
    let sum = f(from) + f(to);
    for (let k = 1; k < steps; k++) sum += (k % 2 === 1 ? 4 : 2) * f(from + k * h);
    return (sum * h) / 3;
  });
  const total = raw.reduce((a, b) => a + b, 0);
  return total > 0 ? raw.map((p) => p / total) : arms.map(() => 1 / arms.length);
}
