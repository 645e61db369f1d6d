import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refundOrderPayment } from '../../../models/payments/refund-order.js';
import type { PaymentRefunder } from '../../../models/providers/types.js';
import { auditLog } from '../../../models/schema.js';
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

/** What each side was told about the order, as `key` lists. */
function told(state: Awaited<ReturnType<typeof readRefundState>>, o: ScheduledOrder) {
  const keys = (account: string) =>
    state.notices.filter((n) => n.account === account).map((n) => n.key);
  return { advertiser: keys(o.advertiser), owner: keys(o.owner) };
}

describe("a refund made in Stripe's dashboard (charge.refunded)", () => {
  it('in full, of a scheduled order: cancelled, slot free, nothing posted at its time, both sides told, escrow empty', async () => {
    const o = await scheduledOrder(world, 'stripe');
    const deliveries = await world.stripe.refundFromDashboard(o.providerPaymentId);
    expect(deliveries.map((d) => [d.event.type, d.status])).toEqual([
      ['refund.created', 200],
      ['charge.refunded', 200],
    ]);

    const s = await readRefundState(world, o);
    expect(s.order).toMatchObject({
      status: 'refunded',
      statusReason: 'provider_refund',
      refundedAmount: o.total,
    });
    expect(s.payment).toMatchObject({ status: 'refunded', refundedAmount: o.total });
    expect(s.placements.map((p) => p.status)).toEqual(['cancelled']);
    expect(s.slots.map((slot) => [slot.status, slot.orderId])).toEqual([['free', null]]);
    // Paid in, paid back: nothing left with anyone, every posting balanced.
    expect(s.postings).toBe(2);
    expect(s.ledger).toEqual({ escrow: 0, 'provider:stripe': 0 });
    expect(s.unbalanced).toBe(0);
    expect(s.audit).toEqual(
      expect.arrayContaining(['order.cancelled', 'order.refunded', 'order.refunded_outside']),
    );
    expect(told(s, o)).toEqual({
      advertiser: expect.arrayContaining(['receipt-refund', 'refund-outside-cancelled-advertiser']),
      owner: ['refund-outside-cancelled-owner'],
    });

    expect(await publishAtItsTime(world, o.placements[0]!)).toBe('skipped');
    expect(world.sandbox.emulator.messages(o.chatId)).toHaveLength(0);
  });

  it('delivered again, and in other events about the same charge: one effect', async () => {
    const o = await scheduledOrder(world, 'stripe');
    const deliveries = await world.stripe.refundFromDashboard(o.providerPaymentId);
    const once = await readRefundState(world, o);
    const charge = deliveries.find((d) => d.event.type === 'charge.refunded')!.event;
    const object = (charge.data as { object: Record<string, unknown> }).object;
    const refund = world.stripe.objects
      .all('refund')
      .find((r) => r.payment_intent === o.providerPaymentId)!;
    const again = [
      ...deliveries.map((d) => d.event),
      charge,
      world.stripe.buildEvent('charge.refunded', object),
      world.stripe.buildEvent('refund.updated', refund),
      world.stripe.buildEvent('charge.refund.updated', refund),
    ];
    for (const event of again) expect((await world.stripe.sendEvent(event)).status).toBe(200);

    const twice = await readRefundState(world, o);
    expect(twice.postings).toBe(once.postings);
    expect(twice.ledger).toEqual(once.ledger);
    expect(twice.notices).toEqual(once.notices);
    expect(twice.audit).toEqual(once.audit);
    expect(twice.audit.filter((a) => a === 'order.refunded_outside')).toHaveLength(1);
    expect(twice.payment.refundedAmount).toBe(o.total);
  });

  it('in part: a partial refund posting, the order goes on and its ad is posted', async () => {
    const o = await scheduledOrder(world, 'stripe');
    const part = 30_000;
    await world.stripe.refundFromDashboard(o.providerPaymentId, part);

    const s = await readRefundState(world, o);
    expect(s.order.status).toBe('scheduled');
    expect(s.payment).toMatchObject({ status: 'partially_refunded', refundedAmount: part });
    expect(s.postings).toBe(2);
    expect(s.escrow).toBe(o.total - part);
    expect(s.ledger['provider:stripe']).toBe(o.total - part);
    expect(s.placements.map((p) => p.status)).toEqual(['scheduled']);
    expect(told(s, o)).toEqual({
      advertiser: expect.arrayContaining(['receipt-refund']),
      owner: ['refund-outside-partial-owner'],
    });
    expect(told(s, o).advertiser.some((k) => k.startsWith('refund-outside'))).toBe(false);

    expect(await publishAtItsTime(world, o.placements[0]!)).toBe('published');
    expect(world.sandbox.emulator.messages(o.chatId)).toHaveLength(1);
  });
});

describe('a refund we make ourselves', () => {
  it('is never taken for a dashboard refund, even when its charge.refunded is handled before we record it', async () => {
    const o = await scheduledOrder(world, 'stripe');
    // Stripe's webhook for this very refund is delivered and handled before the call returns.
    const refunder: PaymentRefunder = async (request) => {
      const outcome = await world.stripeGateway.refund(request);
      await world.stripe.settle();
      return outcome;
    };
    const done = await refundOrderPayment(
      world.database,
      {
        workspaceId: o.workspaceId,
        orderId: o.orderId,
        actor: 'admin:1',
        refunders: { stripe: refunder },
      },
      world.clock,
    );
    expect(done.ok && done.value.amount).toBe(o.total);

    const s = await readRefundState(world, o);
    const byWebhook = await world.database.withSystem('test read', (tx) =>
      tx
        .select({ actor: auditLog.actor })
        .from(auditLog)
        .where(and(eq(auditLog.objectId, s.payment.id), eq(auditLog.action, 'payment.refunded'))),
    );
    expect(byWebhook).toEqual([{ actor: 'provider:stripe' }]);
    expect(s.payment).toMatchObject({ status: 'refunded', refundedAmount: o.total });
    expect(s.payment.details).not.toHaveProperty('refundIntent');
    expect(s.postings).toBe(2);
    expect(s.escrow).toBe(0);
    // What happens to the order is the refund's caller's (an admin, a dispute), not the webhook's.
    expect(s.order.status).toBe('scheduled');
    expect(s.placements.map((p) => p.status)).toEqual(['scheduled']);
    expect(s.audit).not.toContain('order.refunded_outside');
    expect(s.notices.map((n) => n.key)).toEqual(['receipt-payment', 'receipt-refund']);
  });
});
