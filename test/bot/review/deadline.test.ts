import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../models/logger.js';
import { advanceTestClock } from '../../../models/platform/test-clock.js';
import {
  openInvoice,
  readOrderState,
  seedPeople,
  startCheckoutWorld,
  type CheckoutWorld,
} from '../checkout/setup.js';

let world: CheckoutWorld;
beforeAll(async () => {
  world = await startCheckoutWorld({ jobs: true });
});
afterAll(async () => {
  await world?.close();
});

const advance = (minutes: number) =>
  advanceTestClock(
    { database: world.database, clock: world.clock, logger: createLogger({ level: 'silent' }) },
    minutes,
  );

describe('review deadline and refund retries (jobs on the test clock)', () => {
  it('no decision by the deadline ⇒ auto-rejected, Stars refunded, slots free, both told', async () => {
    const { advertiser, owner, order } = await seedPeople(world, {
      review: { mode: 'manual', deadlineHours: 2 },
    });
    await openInvoice(advertiser);
    const paid = await advertiser.pay();
    if (!paid.ok) throw new Error('not paid');
    await owner.waitForMessage(/New order to review/);
    await advance(60);
    expect((await readOrderState(world, order)).order.status).toBe('in_review');
    await advance(61);
    await advertiser.waitForMessage(/did not review your order in time/, { timeoutMs: 15_000 });
    await advertiser.waitForMessage(/1,540 ⭐ refunded/, { timeoutMs: 15_000 });
    await owner.waitForMessage(/not reviewed in time/);
    expect(world.sandbox.emulator.world.charges.get(paid.value.chargeId)?.refunded).toBe(true);
    const state = await readOrderState(world, order);
    expect(state.order).toMatchObject({ status: 'refunded', statusReason: 'review_deadline' });
    expect(state.slots.every((s) => s.status === 'free')).toBe(true);
    expect(state.escrow).toBe(0);
  });

  it('Telegram refuses the refund ⇒ recorded as owed, retried by the job until it goes through', async () => {
    const { advertiser, owner, order } = await seedPeople(world);
    await openInvoice(advertiser);
    const paid = await advertiser.pay();
    if (!paid.ok) throw new Error('not paid');
    await owner.waitForMessage(/New order to review/);
    // Every attempt of this update (auto-retry included) answers 429.
    world.sandbox.emulator.failNext('refundStarPayment', 4, 0);
    await owner.click('❌ Reject');
    await owner.waitForMessage(/Why do you reject/);
    owner.send('Wrong audience');
    await advertiser.waitForMessage(/Telegram did not accept the refund yet/, {
      timeoutMs: 15_000,
    });
    let state = await readOrderState(world, order);
    expect(state.order.status).toBe('rejected');
    expect(state.payments[0]?.status).toBe('succeeded');
    expect(state.payments[0]?.details).toMatchObject({ refundAttempts: 1 });
    expect(world.sandbox.emulator.world.charges.get(paid.value.chargeId)?.refunded).toBe(false);
    await advance(2);
    await advertiser.waitForMessage(/1,540 ⭐ refunded/, { timeoutMs: 15_000 });
    state = await readOrderState(world, order);
    expect(state.order.status).toBe('refunded');
    expect(state.escrow).toBe(0);
    expect(world.sandbox.emulator.world.charges.get(paid.value.chargeId)?.refunded).toBe(true);
  });
});
