import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../models/audit/table.js';
import { enqueueUpdate } from '../../../sandbox/updates.js';
import { callBotApi } from '../../helpers/sandbox.js';
import type { TestUser } from '../../helpers/telegram-user.js';
import {
  deliverStrayPayment,
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
const receipt = 'Refund receipt';
const cancelledByRefund =
  /is cancelled: its payment of 1,540 ⭐ was refunded in full through Telegram/;

const count = (user: TestUser, text: string | RegExp) =>
  user
    .botMessages()
    .filter((m) => (typeof text === 'string' ? m.text?.includes(text) : text.test(m.text ?? '')))
    .length;

/** Telegram's refunded_payment service message in the user's chat (the emulator adds it). */
function refundedMessage(user: TestUser) {
  const found = user.messages().find((m) => m.refunded_payment !== undefined);
  if (!found) throw new Error('no refunded_payment message in the chat');
  return found;
}

/** The user asks for /help and gets it: every earlier update of theirs was handled (in order). */
async function settled(user: TestUser): Promise<void> {
  user.send('/help');
  await user.waitForMessage('LytSlot help', { timeoutMs: 10_000 });
}

/** Audit rows of refunds made outside LytSlot for the order. */
function outsideRefunds(orderId: string) {
  return world.database.withSystem('test read', (tx) =>
    tx
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, orderId), eq(auditLog.action, 'order.refunded_outside'))),
  );
}

describe('refunded_payment (Telegram’s message about a Stars refund)', () => {
  it('after our own refund: one refund receipt, Telegram’s message answered by nothing else', async () => {
    const { advertiser, owner, order } = await seedPeople(world);
    await openInvoice(advertiser);
    const paid = await advertiser.pay();
    if (!paid.ok) throw new Error('not paid');
    await owner.waitForMessage(/New order to review/);
    await owner.click('❌ Reject');
    await owner.waitForMessage(/Why do you reject/);
    owner.send('Not about travel');
    await advertiser.waitForMessage(/rejected your order: Not about travel/);
    await advertiser.waitFor((m) => (m.text ?? '').includes(receipt), {
      timeoutMs: 10_000,
      what: 'the refund receipt',
    });
    expect(refundedMessage(advertiser).refunded_payment).toMatchObject({
      currency: 'XTR',
      total_amount: 1540,
      telegram_payment_charge_id: paid.value.chargeId,
    });
    await settled(advertiser);

    expect(count(advertiser, hint)).toBe(0);
    expect(count(advertiser, receipt)).toBe(1);
    expect(count(advertiser, cancelledByRefund)).toBe(0);
    const state = await readOrderState(world, order);
    expect(state.payments.map((p) => p.status)).toEqual(['refunded']);
    expect(state.escrow).toBe(0);
    expect(await outsideRefunds(order.orderId)).toHaveLength(0);
  });

  it('a refund Telegram made itself: recorded once, the order cancelled, both sides told; redelivered, nothing more', async () => {
    const { advertiser, owner, order } = await seedPeople(world);
    await openInvoice(advertiser);
    const paid = await advertiser.pay();
    if (!paid.ok) throw new Error('not paid');
    await advertiser.waitForMessage(/Payment received/);
    await owner.waitForMessage(/New order to review/);
    // Telegram (its support, say) refunds the charge: LytSlot did not ask for it.
    const refund = { user_id: advertiser.id, telegram_payment_charge_id: paid.value.chargeId };
    expect(await callBotApi(world.sandbox, 'refundStarPayment', refund)).toMatchObject({
      ok: true,
    });

    // Receipts and notices are queued jobs: give a loaded CI machine time.
    const line = await advertiser.waitFor((m) => (m.text ?? '').includes(receipt), {
      timeoutMs: 30_000,
      what: 'the refund receipt',
    });
    expect(line.text).toContain(`order ${order.orderId.slice(0, 8)}`);
    expect(line.text).toContain('1,540 ⭐');
    // The order follows the refund (the notices to both sides are queued in the same transaction;
    // they are checked for card refunds in test/http/webhooks/refund-outside-*.test.ts).
    let state = await readOrderState(world, order);
    for (let i = 0; i < 100 && state.order.status !== 'refunded'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      state = await readOrderState(world, order);
    }
    expect(state.order.status).toBe('refunded');
    expect(state.payments.map((p) => p.status)).toEqual(['refunded']);
    expect(state.escrow).toBe(0);
    expect(state.slots.every((s) => s.status === 'free')).toBe(true);
    expect(await outsideRefunds(order.orderId)).toHaveLength(1);

    const bot = world.sandbox.emulator.world.bots.get(world.sandbox.bot.id)!;
    enqueueUpdate(bot.updates, 'message', refundedMessage(advertiser));
    await settled(advertiser);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // a queued notice would be out by now
    expect(count(advertiser, receipt)).toBe(1);
    expect(count(advertiser, cancelledByRefund)).toBeLessThanOrEqual(1);
    expect(count(advertiser, hint)).toBe(0);
    state = await readOrderState(world, order);
    expect(state.escrow).toBe(0);
    expect(await outsideRefunds(order.orderId)).toHaveLength(1);
  }, 90_000);

  it('a charge we refused: refunded with one reply; Telegram’s message gets no hint', async () => {
    const { advertiser } = await seedPeople(world);
    await openInvoice(advertiser);
    const paid = await advertiser.pay();
    if (!paid.ok) throw new Error('not paid');
    await advertiser.waitForMessage(/Payment received/);
    const chargeId = `stxSTRAY_${advertiser.id}`;
    deliverStrayPayment(world, advertiser, paid.value, {
      chargeId,
      amount: 7,
      payload: 'stray-payload',
    });
    await advertiser.waitForMessage(/does not belong to any order, so it was refunded/);
    expect(refundedMessage(advertiser).refunded_payment).toMatchObject({
      telegram_payment_charge_id: chargeId,
    });
    await settled(advertiser);
    expect(count(advertiser, hint)).toBe(0);
    expect(count(advertiser, /does not belong to any order/)).toBe(1);
  });
});
