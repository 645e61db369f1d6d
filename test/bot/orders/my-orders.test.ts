import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMyOrder } from '../../../models/checkout/my-orders.js';
import { makeAccount } from '../../factories/accounts.js';
import {
  openInvoice,
  readOrderState,
  seedPeople,
  startCheckoutWorld,
  type CheckoutWorld,
} from '../checkout/setup.js';

let world: CheckoutWorld;
beforeAll(async () => {
  world = await startCheckoutWorld();
});
afterAll(async () => {
  await world?.close();
});

describe('My orders', () => {
  it('an advertiser without orders is pointed to the catalog', async () => {
    const newcomer = world.sandbox.user({ first_name: 'Nina' });
    newcomer.send('/orders');
    const list = await newcomer.waitForMessage(/no orders yet/);
    expect((list.reply_markup?.inline_keyboard ?? []).flat().map((b) => b?.text)).toContain(
      '🔎 Find channels',
    );
  });

  it('shows the card with slots in both timezones, the preview, and cancels an unpaid order', async () => {
    const { advertiser, order } = await seedPeople(world);
    advertiser.send('/orders');
    const list = await advertiser.waitForMessage(/My orders/);
    // Each order names its channels first.
    expect((list.reply_markup?.inline_keyboard ?? []).flat().map((b) => b?.text)).toContainEqual(
      expect.stringMatching(/^Seller channel · ⏳ held, not paid · /),
    );
    await advertiser.click(/held, not paid/);
    const card = await advertiser.waitFor((m) => (m.text ?? '').includes('Status:'));
    expect(card.text).toMatch(/\(Europe\/Moscow\), your time/);
    expect(card.text).toContain('INN 7707083893');
    await advertiser.click('👁 Show the ad post');
    const preview = await advertiser.waitForMessage(/Fresh coffee every morning/);
    expect(preview.text).toContain('Реклама. ООО Ромашка, ИНН 7707083893. erid: Kra23f4dE');
    expect(preview.reply_markup?.inline_keyboard?.[0]?.[0]?.url).toContain('erid=Kra23f4dE');
    await advertiser.click('↩️ Cancel order');
    await advertiser.waitFor((m) => (m.text ?? '').includes('Its slots will be released'));
    await advertiser.click('Yes, cancel');
    await advertiser.waitFor((m) => (m.text ?? '').includes('Status: ↩️ cancelled'));
    const state = await readOrderState(world, order);
    expect(state.order.status).toBe('cancelled');
    expect(state.slots.every((s) => s.status === 'free')).toBe(true);
  });

  it('never shows another advertiser’s order', async () => {
    const { order } = await seedPeople(world);
    const stranger = await makeAccount(world.database);
    expect(await readMyOrder(world.database, stranger.id, order.orderId)).toBeUndefined();
  });

  it('the invoice of an order cancelled before paying is refused at pre-checkout', async () => {
    const { advertiser, order } = await seedPeople(world);
    await openInvoice(advertiser);
    advertiser.send('/orders');
    await advertiser.waitForMessage(/My orders/);
    await advertiser.click(/awaiting payment/);
    await advertiser.waitFor((m) => (m.text ?? '').includes('Status: 💳 awaiting payment'));
    await advertiser.click('↩️ Cancel order');
    await advertiser.waitFor((m) => (m.text ?? '').includes('Its slots will be released'));
    await advertiser.click('Yes, cancel');
    await advertiser.waitFor((m) => (m.text ?? '').includes('Status: ↩️ cancelled'));
    const paid = await advertiser.pay();
    expect(paid).toMatchObject({ ok: false, code: 'declined' });
    expect(
      (await readOrderState(world, order)).payments.every((p) => p.status === 'cancelled'),
    ).toBe(true);
  });
});
