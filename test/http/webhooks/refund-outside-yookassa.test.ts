import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishPlacement } from '../../../jobs/publish.js';
import { settlePlacement } from '../../../models/settlement/settle-placement.js';
import {
  publishAtItsTime,
  readRefundState,
  scheduledOrder,
  startRefundWorld,
  type RefundWorld,
  type ScheduledOrder,
} from './refund-outside-world.js';

let world: RefundWorld;

beforeAll(async () => {
  world = await startRefundWorld();
});
afterAll(async () => {
  await world?.close();
});

/** A refund made in the YooKassa cabinet (all that is left, or `kopecks`) and its notification. */
async function refundInCabinet(o: ScheduledOrder, kopecks?: number) {
  const refund = world.yookassa.refundFromCabinet(o.providerPaymentId, kopecks);
  expect(await world.yookassa.notify('refund.succeeded', refund)).toBe(200);
  return refund;
}

/** The keys of the notifications queued about the order for one account. */
const keysFor = (state: Awaited<ReturnType<typeof readRefundState>>, account: string) =>
  state.notices.filter((n) => n.account === account).map((n) => n.key);

const ownerAccount = (o: ScheduledOrder) => `owner:${o.workspaceId}`;

describe('a refund made in the YooKassa cabinet (refund.succeeded)', () => {
  it('in full, of a scheduled order, notified twice: cancelled once, slot free, nothing posted, escrow empty', async () => {
    const o = await scheduledOrder(world, 'yookassa');
    const refund = await refundInCabinet(o);
    const once = await readRefundState(world, o);
    expect(await world.yookassa.notify('refund.succeeded', refund)).toBe(200);
    const s = await readRefundState(world, o);
    expect(s).toEqual(once);

    expect(s.order).toMatchObject({ status: 'refunded', refundedAmount: o.total });
    expect(s.payment).toMatchObject({ status: 'refunded', refundedAmount: o.total });
    expect(s.placements.map((p) => p.status)).toEqual(['cancelled']);
    expect(s.slots.map((slot) => [slot.status, slot.orderId])).toEqual([['free', null]]);
    expect(s.ledger).toEqual({ escrow: 0, 'provider:yookassa': 0 });
    expect(s.unbalanced).toBe(0);
    expect(s.audit.filter((a) => a === 'order.refunded_outside')).toHaveLength(1);
    expect(keysFor(s, o.advertiser)).toEqual(
      expect.arrayContaining(['receipt-refund', 'refund-outside-cancelled-advertiser']),
    );
    expect(keysFor(s, o.owner)).toEqual(['refund-outside-cancelled-owner']);

    expect(await publishAtItsTime(world, o.placements[0]!)).toBe('skipped');
    expect(world.sandbox.emulator.messages(o.chatId)).toHaveLength(0);
  });

  it('in part: a partial refund posting and the order goes on', async () => {
    const o = await scheduledOrder(world, 'yookassa');
    await refundInCabinet(o, 25_000);
    const s = await readRefundState(world, o);
    expect(s.order.status).toBe('scheduled');
    expect(s.payment).toMatchObject({ status: 'partially_refunded', refundedAmount: 25_000 });
    expect(s.escrow).toBe(o.total - 25_000);
    expect(s.placements.map((p) => p.status)).toEqual(['scheduled']);
    expect(keysFor(s, o.owner)).toEqual(['refund-outside-partial-owner']);
    expect(keysFor(s, o.advertiser)).not.toContain('refund-outside-cancelled-advertiser');
  });

  it('in full after one of two posts went out: the other is cancelled, the order refunded, the owner not paid', async () => {
    const o = await scheduledOrder(world, 'yookassa', 2);
    const [first, second] = o.placements;
    expect(await publishAtItsTime(world, first!)).toBe('published');
    await refundInCabinet(o);

    const s = await readRefundState(world, o);
    expect(s.order).toMatchObject({ status: 'refunded', statusReason: 'provider_refund' });
    expect(s.placements.map((p) => p.status)).toEqual(['published', 'cancelled']);
    const slotOf = (id: string) => s.slots.find((slot) => slot.id === id)!.status;
    expect([slotOf(s.placements[0]!.slotId), slotOf(s.placements[1]!.slotId)]).toEqual([
      'booked',
      'free',
    ]);
    expect(keysFor(s, o.advertiser)).toContain('refund-outside-stopped-advertiser');
    expect(keysFor(s, o.owner)).toContain('refund-outside-stopped-owner');

    // The post that is out runs its course; its settlement finds nothing to split.
    await finishPlacement(world.publish, first!.id);
    const settled = await settlePlacement(world.database, first!.id, world.clock.now());
    expect(settled.ok && settled.value.kind).toBe('already_settled');
    expect(await publishAtItsTime(world, second!)).toBe('skipped');
    expect(world.sandbox.emulator.messages(o.chatId)).toHaveLength(1);
    const after = await readRefundState(world, o);
    expect(after.ledger).toEqual({ escrow: 0, 'provider:yookassa': 0 });
    expect(after.ledger).not.toHaveProperty(ownerAccount(o));
  });

  it('in full after settlement: the owner and the platform give their shares back, the order stays completed', async () => {
    const o = await scheduledOrder(world, 'yookassa');
    const [placement] = o.placements;
    expect(await publishAtItsTime(world, placement!)).toBe('published');
    await finishPlacement(world.publish, placement!.id);
    const settled = await settlePlacement(world.database, placement!.id, world.clock.now());
    expect(settled.ok && settled.value.kind).toBe('settled');
    const paid = await readRefundState(world, o);
    expect(paid.ledger[ownerAccount(o)]).toBe(-(o.total - Math.round(o.total * 0.2)));

    await refundInCabinet(o);
    const s = await readRefundState(world, o);
    expect(s.order).toMatchObject({ status: 'completed', refundedAmount: o.total });
    expect(s.ledger).toEqual({
      escrow: 0,
      'provider:yookassa': 0,
      [ownerAccount(o)]: 0,
      'platform:fees': 0,
    });
    expect(keysFor(s, o.owner)).toContain('refund-outside-settled-owner');
    expect(keysFor(s, o.advertiser)).toContain('receipt-refund');
  });
});
