import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobs } from '../../../jobs/index.js';
import { createLogger } from '../../../models/logger.js';
import { reviewMarginMs } from '../../../models/review/route-paid-order.js';
import { advanceTestClock } from '../../../models/platform/test-clock.js';
import { telegramLimits } from '../../../telegram/limits.js';
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

const advanceIn = (w: CheckoutWorld, minutes: number, settleTimeoutMs?: number) =>
  advanceTestClock(
    { database: w.database, clock: w.clock, logger: createLogger({ level: 'silent' }) },
    minutes,
    settleTimeoutMs === undefined ? {} : { settleTimeoutMs },
  );
const advance = (minutes: number) => advanceIn(world, minutes);

/**
 * Slots still held, booked or tied to an order. The factory's slots lie off the channel's schedule,
 * so once freed the horizon job may withdraw them ('cancelled'), as it would in production.
 */
const stillTaken = (rows: { status: string; orderId: string | null }[]) =>
  rows.filter((s) => s.orderId !== null || (s.status !== 'free' && s.status !== 'cancelled'));

describe('review deadline and refund retries (jobs on the test clock)', () => {
  it('no decision by the deadline ⇒ auto-rejected, Stars refunded, slots free, both told', async () => {
    const { advertiser, owner, order } = await seedPeople(world, {
      review: { mode: 'manual', deadlineHours: 2 },
    });
    await openInvoice(advertiser);
    const paid = await advertiser.pay();
    if (!paid.ok) throw new Error('not paid');
    const card = await owner.waitForMessage(/New order to review/);
    // The owner sees their 80 %: total − round(total × 0.20).
    expect(card.text).toMatch(/Your earnings: RUB\s1,600 — 80 % of the order's RUB\s2,000/);
    expect(card.text).not.toContain('Total');
    await advance(60);
    expect((await readOrderState(world, order)).order.status).toBe('in_review');
    await advance(61);
    await advertiser.waitForMessage(/did not review your order in time/, { timeoutMs: 15_000 });
    await advertiser.waitFor((m) => /Refunded: 1,540 ⭐/.test(m.text ?? ''), {
      timeoutMs: 15_000,
      what: 'the refund receipt',
    });
    await owner.waitForMessage(/not reviewed in time/);
    expect(world.sandbox.emulator.world.charges.get(paid.value.chargeId)?.refunded).toBe(true);
    const state = await readOrderState(world, order);
    expect(state.order).toMatchObject({ status: 'refunded', statusReason: 'review_deadline' });
    expect(stillTaken(state.slots)).toEqual([]);
    expect(state.escrow).toBe(0);
  });

  it('Telegram refuses the refund ⇒ recorded as owed, retried by the job until it goes through', async () => {
    const { advertiser, owner, order } = await seedPeople(world);
    await openInvoice(advertiser);
    const paid = await advertiser.pay();
    if (!paid.ok) throw new Error('not paid');
    await owner.waitForMessage(/New order to review/);
    // Every attempt answers 429: the refund goes through the outbound gateway, which waits out
    // and retries a 429 up to max429Retries (10) times before giving it up.
    world.sandbox.emulator.failNext('refundStarPayment', telegramLimits.max429Retries + 1, 0);
    await owner.click('❌ Reject');
    await owner.waitForMessage(/Why do you reject/);
    owner.send('Wrong audience');
    await advertiser.waitForMessage(/Telegram did not accept the refund yet/, {
      timeoutMs: 30_000,
    });
    let state = await readOrderState(world, order);
    expect(state.order.status).toBe('rejected');
    expect(state.payments[0]?.status).toBe('succeeded');
    expect(state.payments[0]?.details).toMatchObject({ refundAttempts: 1 });
    expect(world.sandbox.emulator.world.charges.get(paid.value.chargeId)?.refunded).toBe(false);
    await advance(2);
    await advertiser.waitFor((m) => /Refunded: 1,540 ⭐/.test(m.text ?? ''), {
      timeoutMs: 15_000,
      what: 'the refund receipt',
    });
    state = await readOrderState(world, order);
    expect(state.order.status).toBe('refunded');
    expect(state.escrow).toBe(0);
    expect(world.sandbox.emulator.world.charges.get(paid.value.chargeId)?.refunded).toBe(true);
  }, 60_000);
});

describe('the review deadline comes before the slot', () => {
  // No jobs at first: the owner's late press must find the order still waiting for the deadline job.
  let late: CheckoutWorld;
  beforeAll(async () => {
    late = await startCheckoutWorld();
  });
  afterAll(async () => {
    await late?.close();
  });

  it('15 min before the first slot; approving after it is refused and changes nothing; then declined and refunded, both told', async () => {
    const { advertiser, owner, order } = await seedPeople(late, {
      review: { mode: 'manual', deadlineHours: 48 },
    });
    await openInvoice(advertiser);
    const paid = await advertiser.pay();
    if (!paid.ok) throw new Error('not paid');
    // A jobs process delivers the owner's card (from the outbox), then goes away before the deadline.
    const cards = createJobs(late.deps);
    await cards.start();
    await owner.waitForMessage(/New order to review/, { timeoutMs: 15_000 });
    await cards.stop();
    const before = await readOrderState(late, order);
    const firstSlot = Math.min(
      ...before.slots.filter((s) => s.orderId === order.orderId).map((s) => s.startsAt.getTime()),
    );
    const deadline = new Date(firstSlot - reviewMarginMs);
    expect(before.order.reviewDeadlineAt).toEqual(deadline);

    await advanceIn(
      late,
      Math.ceil((deadline.getTime() - late.clock.now().getTime()) / 60_000) + 1,
      100,
    );
    const refused = await owner.click('✅ Approve');
    expect(refused).toMatchObject({ show_alert: true });
    expect(refused.text).toMatch(/Too late to approve: the review deadline has passed/);
    const after = await readOrderState(late, order);
    expect(after.order).toMatchObject({ status: 'in_review', reviewDeadlineAt: deadline });
    expect(after.slots).toEqual(before.slots);
    expect(after.escrow).toBe(before.escrow);
    expect(late.sandbox.emulator.world.charges.get(paid.value.chargeId)?.refunded).toBe(false);

    // The jobs process comes up: the deadline job declines and refunds it.
    const jobs = createJobs(late.deps);
    await jobs.start();
    try {
      await advanceIn(late, 1);
      // Two events (the rejection, the refund): their notices may arrive in either order.
      const told = (re: RegExp) => advertiser.botMessages().some((m) => re.test(m.text ?? ''));
      await advertiser.waitFor(
        () => told(/did not review your order in time/) && told(/Refunded: 1,540 ⭐/),
        { timeoutMs: 15_000, what: 'the deadline news and the refund receipt' },
      );
      await owner.waitForMessage(/not reviewed in time/);
      const state = await readOrderState(late, order);
      expect(state.order).toMatchObject({ status: 'refunded', statusReason: 'review_deadline' });
      expect(stillTaken(state.slots)).toEqual([]);
      expect(state.escrow).toBe(0);
      expect(late.sandbox.emulator.world.charges.get(paid.value.chargeId)?.refunded).toBe(true);
    } finally {
      await jobs.stop();
    }
  });
});
