import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueUpdate } from '../../../sandbox/updates.js';
import {
  openInvoice,
  readOrderState,
  seedPeople,
  startCheckoutWorld,
  type CheckoutWorld,
} from './setup.js';

let world: CheckoutWorld;
beforeAll(async () => {
  // The jobs process tells the other side: the outbox's notifications and review cards.
  world = await startCheckoutWorld({ jobs: true });
});
afterAll(async () => {
  await world?.close();
});

describe('Stars checkout through the emulator', () => {
  it('pays with Stars ⇒ in review; a second successful_payment changes nothing; owner approves ⇒ both see scheduled', async () => {
    const { advertiser, owner, order } = await seedPeople(world);
    await openInvoice(advertiser);
    const summary = advertiser.botMessages().find((m) => m.text?.includes('To pay'));
    expect(summary?.text).toContain('1,540 ⭐');
    expect(summary?.text).toContain('your time');
    const invoice = advertiser.botMessages().find((m) => m.invoice);
    expect(invoice?.invoice).toMatchObject({ currency: 'XTR', total_amount: 1540 });

    const paid = await advertiser.pay();
    expect(paid.ok).toBe(true);
    await advertiser.waitForMessage(/Payment received/);
    const card = await owner.waitForMessage(/New order to review/);
    expect(card.text).toContain('Decide by');
    expect(owner.botMessages().some((m) => m.text?.includes('Fresh coffee every morning'))).toBe(
      true,
    );
    let state = await readOrderState(world, order);
    expect(state.order.status).toBe('in_review');
    expect(state.slots.every((s) => s.status === 'booked')).toBe(true);
    expect(state.escrow).toBe(-1540);

    // Telegram delivers the same successful_payment again: nothing changes.
    if (!paid.ok) throw new Error('not paid');
    const bot = world.sandbox.emulator.world.bots.get(world.sandbox.bot.id)!;
    enqueueUpdate(bot.updates, 'message', paid.value.message.message);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    state = await readOrderState(world, order);
    expect(state.payments).toHaveLength(1);
    expect(state.escrow).toBe(-1540);
    expect(
      advertiser.botMessages().filter((m) => m.text?.includes('Payment received')),
    ).toHaveLength(1);

    await owner.click('✅ Approve');
    await owner.waitForMessage(/Approved: the ad is scheduled/);
    await advertiser.waitForMessage(/approved and scheduled/);
    state = await readOrderState(world, order);
    expect(state.order.status).toBe('scheduled');
    // A second press (another manager's stale card) is told it is decided.
    const again = await owner.click('✅ Approve').catch(() => undefined);
    expect(again === undefined || String(again.text ?? '').includes('already')).toBe(true);
    advertiser.send('/orders');
    await advertiser.waitForMessage(/My orders/);
    await advertiser.click(/scheduled/);
    await advertiser.waitFor((m) => (m.text ?? '').includes('Status: 🗓 scheduled'));
  });

  it('owner rejects with a reason ⇒ Stars refunded, escrow zero, slots free, advertiser told why', async () => {
    const { advertiser, owner, order } = await seedPeople(world);
    await openInvoice(advertiser);
    const paid = await advertiser.pay();
    if (!paid.ok) throw new Error('not paid');
    await owner.waitForMessage(/New order to review/);
    await owner.click('❌ Reject');
    await owner.waitForMessage(/Why do you reject/);
    owner.send('no');
    await owner.waitForMessage(/3–500 characters/);
    owner.send({ sticker: true });
    await owner.waitForMessage(/3–500 characters/);
    owner.send('Not about travel');
    await owner.waitForMessage(/Rejected/);
    await advertiser.waitForMessage(/rejected your order: Not about travel/);
    await advertiser.waitFor((m) => /Refunded: 1,540 ⭐/.test(m.text ?? ''), {
      what: 'the refund receipt',
    });
    expect(world.sandbox.emulator.world.charges.get(paid.value.chargeId)?.refunded).toBe(true);
    const state = await readOrderState(world, order);
    expect(state.order.status).toBe('refunded');
    expect(state.payments[0]?.status).toBe('refunded');
    expect(state.slots.every((s) => s.status === 'free' && s.orderId === null)).toBe(true);
    expect(state.escrow).toBe(0);
  });

  it('hold expired before paying ⇒ pre-checkout refused, slots free', async () => {
    const { advertiser, order } = await seedPeople(world);
    await openInvoice(advertiser);
    world.clock.setOffsetMs(world.clock.offsetMs() + 16 * 60_000);
    const paid = await advertiser.pay();
    expect(paid).toMatchObject({ ok: false, code: 'declined' });
    expect(String(paid.ok ? '' : paid.detail?.error_message)).toContain(
      'hold on these slots has expired',
    );
    const state = await readOrderState(world, order);
    expect(state.order.status).toBe('expired');
    expect(state.slots.every((s) => s.status === 'free')).toBe(true);
    expect(state.payments.every((p) => p.status !== 'succeeded')).toBe(true);
  });

  it('auto-accept channel ⇒ scheduled at once, owner informed', async () => {
    const { advertiser, owner, order } = await seedPeople(world, { review: { mode: 'auto' } });
    await openInvoice(advertiser);
    expect((await advertiser.pay()).ok).toBe(true);
    await advertiser.waitForMessage(/approved and scheduled/);
    await owner.waitForMessage(/accepted automatically/);
    expect((await readOrderState(world, order)).order.status).toBe('scheduled');
  });

  it('cancel from My orders while in review ⇒ refunded in full, slots free', async () => {
    const { advertiser, owner, order } = await seedPeople(world);
    await openInvoice(advertiser);
    const paid = await advertiser.pay();
    if (!paid.ok) throw new Error('not paid');
    await advertiser.waitForMessage(/Payment received/);
    // The owner's card comes by its own job; a card still queued when the order is cancelled is
    // never sent, and this test presses the stale one.
    await owner.waitForMessage(/New order to review/);
    advertiser.send('/orders');
    await advertiser.waitForMessage(/My orders/);
    await advertiser.click(/in review/);
    await advertiser.waitFor((m) => (m.text ?? '').includes('Status: 👀 in review'));
    await advertiser.click('↩️ Cancel order');
    await advertiser.waitFor((m) => (m.text ?? '').includes('Cancel this order?'));
    await advertiser.click('Yes, cancel');
    await advertiser.waitFor((m) => /Refunded: 1,540 ⭐/.test(m.text ?? ''), {
      what: 'the refund receipt',
    });
    await owner.waitForMessage(/cancelled their order/);
    expect(world.sandbox.emulator.world.charges.get(paid.value.chargeId)?.refunded).toBe(true);
    const state = await readOrderState(world, order);
    expect(state.order.status).toBe('refunded');
    expect(state.slots.every((s) => s.status === 'free')).toBe(true);
    expect(state.escrow).toBe(0);
    // The owner's stale card can no longer approve it.
    const answer = await owner.click('✅ Approve');
    expect(String(answer.text)).toContain('already been decided');
  });
});
