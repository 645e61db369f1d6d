import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateLimit } from '../../../bot/middleware/rate-limit.js';
import {
  openInvoice,
  readOrderState,
  seedPeople,
  startCheckoutWorld,
  type CheckoutWorld,
} from './setup.js';

let world: CheckoutWorld;
beforeAll(async () => {
  world = await startCheckoutWorld({ jobs: true });
});
afterAll(async () => {
  await world?.close();
});

const hint = 'Use the menu or /help';

describe('a payer over the rate limit', () => {
  it('still has the pre-checkout answered and the payment recorded, while their texts stay dropped', async () => {
    const { advertiser, order } = await seedPeople(world);
    await openInvoice(advertiser);
    for (let i = 0; i < rateLimit.updates + 10; i++) advertiser.send(`message ${i}`);
    await advertiser.waitForMessage('Too many messages', { timeoutMs: 20_000 });
    const hints = () => advertiser.botMessages().filter((m) => m.text?.includes(hint)).length;
    await advertiser.waitFor(() => hints() > 0, { timeoutMs: 30_000, what: 'the hints' });

    const paid = await advertiser.pay();
    expect(paid.ok).toBe(true);
    // Told from the payment's domain event by the jobs process (docs/events.md).
    await advertiser.waitForMessage(/Payment received/, { timeoutMs: 30_000 });
    const state = await readOrderState(world, order);
    expect(state.payments.map((p) => p.status)).toEqual(['succeeded']);
    expect(state.order.status).toBe('in_review');
    expect(state.escrow).toBe(-state.payments[0]!.amount);

    // Still limited: the excess texts were dropped, with one notice for the window.
    const texts = advertiser.botMessages().map((m) => m.text ?? '');
    // The updates that opened the invoice (/orders, two buttons) counted too.
    expect(hints()).toBe(rateLimit.updates - 3);
    expect(texts.filter((t) => t.includes('Too many messages'))).toHaveLength(1);
  });
});
