import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deliverStrayPayment,
  openInvoice,
  seedPeople,
  startCheckoutWorld,
  type CheckoutWorld,
} from './setup.js';

let world: CheckoutWorld;
beforeAll(async () => {
  world = await startCheckoutWorld();
});
afterAll(async () => {
  await world?.close();
});

describe('payments that belong to no order and no subscription', () => {
  it('a pre-checkout for an unknown payload is refused at once (not left to Telegram’s 10 s)', async () => {
    const { advertiser } = await seedPeople(world);
    await openInvoice(advertiser);
    const sent = await fetch(`${world.sandbox.apiRoot}/bot${world.sandbox.token}/sendInvoice`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        chat_id: advertiser.id,
        title: 'Stray invoice',
        description: 'Not one of ours',
        payload: 'stray-payload',
        currency: 'XTR',
        prices: [{ label: 'x', amount: 5 }],
      }),
    });
    expect(sent.status).toBe(200);
    await advertiser.waitFor(
      (m) => (m.invoice as { title?: string } | undefined)?.title === 'Stray invoice',
    );
    const started = performance.now();
    const paid = await advertiser.pay();
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(paid).toMatchObject({ ok: false, code: 'declined' });
    expect(String(paid.ok ? '' : paid.detail?.error_message)).toContain('can no longer be paid');
  });

  it('a successful payment with an unknown payload is refunded and the payer told', async () => {
    const { advertiser } = await seedPeople(world);
    await openInvoice(advertiser);
    const paid = await advertiser.pay();
    if (!paid.ok) throw new Error('not paid');
    const chargeId = `stxSTRAY_${Date.now()}`;
    deliverStrayPayment(world, advertiser, paid.value, {
      chargeId,
      amount: 7,
      payload: 'stray-payload',
    });
    await advertiser.waitForMessage(/does not belong to any order, so it was refunded/);
    expect(world.sandbox.emulator.world.charges.get(chargeId)?.refunded).toBe(true);
  });
});
