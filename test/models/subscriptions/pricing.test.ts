import { describe, expect, it } from 'vitest';
import {
  parseSubscriptionPayload,
  subscriptionPayload,
} from '../../../models/subscriptions/payload.js';
import { proPrices, rubToUsdCents } from '../../../models/subscriptions/pricing.js';
import { planAllows } from '../../../models/workspaces/plan-limits.js';

describe('Pro pricing', () => {
  it('is 10 000 RUB, its Stars equivalent and the USD cross rate of the two Stars rates', () => {
    expect(proPrices({ starsPerRub: 0.77, starsPerUsd: 77 })).toEqual({
      RUB: 1_000_000,
      XTR: 7_700,
      USD: 10_000,
    });
    expect(proPrices({ starsPerRub: 1.3, starsPerUsd: 100 })).toEqual({
      RUB: 1_000_000,
      XTR: 13_000,
      USD: 13_000,
    });
  });

  it('converts kopecks to cents exactly, rounding half up to whole cents', () => {
    // 1 RUB = 1/3 USD: 1 000 000 kopecks = 333 333.33… cents.
    expect(rubToUsdCents(1_000_000, { starsPerRub: 1, starsPerUsd: 3 })).toBe(333_333);
    // 2/3 of a cent rounds up; exactly half a cent rounds up.
    expect(rubToUsdCents(2, { starsPerRub: 1, starsPerUsd: 3 })).toBe(1);
    expect(rubToUsdCents(1, { starsPerRub: 1, starsPerUsd: 2 })).toBe(1);
    // Float-unfriendly rates stay exact: 0.1 + 0.2 style noise never shows.
    expect(rubToUsdCents(300, { starsPerRub: 0.3, starsPerUsd: 0.1 })).toBe(900);
  });
});

describe('planAllows', () => {
  it('keeps more than one channel for Pro', () => {
    expect(planAllows('pro', 'channels')).toBe(true);
    expect(planAllows('free', 'channels')).toBe(false);
  });
});

describe('subscription payload', () => {
  it('round-trips the workspace and refuses anything else', () => {
    const workspaceId = '5b2f3c4d-1111-4222-8333-444455556666';
    const payload = subscriptionPayload(workspaceId);
    expect(payload.startsWith(`sub:${workspaceId}:`)).toBe(true);
    expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(128);
    expect(parseSubscriptionPayload(payload)).toEqual({ workspaceId });
    expect(parseSubscriptionPayload(`order:${workspaceId}`)).toBeUndefined();
    expect(parseSubscriptionPayload(`sub:not-a-uuid:abcdef`)).toBeUndefined();
    expect(parseSubscriptionPayload(`sub:${workspaceId}:x`)).toBeUndefined();
  });
});
