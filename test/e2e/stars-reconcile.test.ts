import { once } from 'node:events';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetrics, type Metrics } from '../../http/metrics.js';
import { createJobs, type Jobs } from '../../jobs/index.js';
import { expireHoldsJob } from '../../jobs/orders.js';
import { reconcileStarsJob } from '../../jobs/reconcile-stars.js';
import { auditLog } from '../../models/schema.js';
import type { ApiMessage } from '../../sandbox/types.js';
import {
  openInvoice,
  readOrderState,
  seedPeople,
  startCheckoutWorld,
  type CheckoutWorld,
} from '../bot/checkout/setup.js';
import { callBotApi } from '../helpers/sandbox.js';
import type { TestUser } from '../helpers/telegram-user.js';

let world: CheckoutWorld;
let jobs: Jobs;
let metrics: Metrics;

beforeAll(async () => {
  world = await startCheckoutWorld({ adminChat: true });
  // The jobs role as main.ts starts it, counting into the process's /metrics registry.
  metrics = createMetrics();
  jobs = createJobs({ ...world.deps, metrics });
  await jobs.start();
  const admins = world.sandbox.adminChat();
  admins.send('/adminlang en');
  await admins.waitForMessage('The admin chat now speaks English.', { timeoutMs: 10_000 });
});
afterAll(async () => {
  await jobs?.stop();
  await world?.close();
});

/** Runs one job now and waits until it finished. */
async function runJob(name: string): Promise<void> {
  const done = once(jobs.agenda, `complete:${name}`);
  await jobs.agenda.now(name, {});
  await done;
}

/** Platform time moves on (the emulator dates transactions by the same clock). */
function advanceMinutes(minutes: number): void {
  world.clock.setOffsetMs(world.clock.offsetMs() + minutes * 60_000);
}

/** The advertiser pays the order's Stars invoice; Telegram never delivers successful_payment. */
async function payWithLostUpdate(advertiser: TestUser): Promise<string> {
  await openInvoice(advertiser);
  const paid = await advertiser.pay({ lostUpdate: true });
  if (!paid.ok) throw new Error(`payment failed: ${paid.code}`);
  return paid.value.chargeId;
}

const auditRows = (chargeId: string) =>
  world.database.withSystem('test read', (tx) =>
    tx
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectType, 'stars_charge'), eq(auditLog.objectId, chargeId))),
  );

const adminCard = (chargeId: string) =>
  world.sandbox
    .adminChat()
    .waitFor((m: ApiMessage) => (m.text ?? '').includes(chargeId), { what: `card of ${chargeId}` });

const reconciled = async (outcome: string) =>
  (await metrics.registry.getSingleMetric('lytslot_stars_reconciled_total')?.get())?.values.find(
    (v) => v.labels.outcome === outcome,
  )?.value ?? 0;

describe('Stars reconciliation: a payment whose update Telegram never delivered', () => {
  it('is recorded: the order goes on to review, escrow holds it, admins see a card; a rerun changes nothing', async () => {
    const { advertiser, owner, order } = await seedPeople(world);
    const chargeId = await payWithLostUpdate(advertiser);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await readOrderState(world, order)).order.status).toBe('awaiting_payment');

    advanceMinutes(6);
    await runJob(reconcileStarsJob);
    await advertiser.waitForMessage(/Payment received/);
    await owner.waitForMessage(/New order to review/);
    const state = await readOrderState(world, order);
    expect(state.order.status).toBe('in_review');
    expect(state.slots.every((s) => s.status === 'booked')).toBe(true);
    expect(state.payments).toMatchObject([{ status: 'succeeded', providerPaymentId: chargeId }]);
    expect(state.escrow).toBe(-1540);
    expect(await auditRows(chargeId)).toMatchObject([{ data: { outcome: 'recorded' } }]);
    const card = await adminCard(chargeId);
    expect(card.text).toContain('A Stars payment the bot never heard of');
    expect(card.text).toContain('1,540 ⭐');
    expect(card.text).toContain('Recorded by reconciliation');
    expect(card.reply_markup).toBeUndefined();
    expect(await reconciled('recorded')).toBe(1);

    const adminMessages = world.sandbox.adminChat().botMessages().length;
    await runJob(reconcileStarsJob);
    const again = await readOrderState(world, order);
    expect(again.payments).toHaveLength(1);
    expect(again.escrow).toBe(-1540);
    expect(await auditRows(chargeId)).toHaveLength(1);
    expect(world.sandbox.adminChat().botMessages()).toHaveLength(adminMessages);
    expect(await reconciled('recorded')).toBe(1);
  });

  it('of an order that expired meanwhile is refunded: Telegram lists the refund under the charge id', async () => {
    const { advertiser, order } = await seedPeople(world);
    const chargeId = await payWithLostUpdate(advertiser);
    advanceMinutes(20);
    await runJob(expireHoldsJob);
    expect((await readOrderState(world, order)).order.status).toBe('expired');

    await runJob(reconcileStarsJob);
    await advertiser.waitFor((m) => /Refunded: 1,540 ⭐/.test(m.text ?? ''), {
      timeoutMs: 10_000,
      what: 'the refund receipt',
    });
    expect(world.sandbox.emulator.world.charges.get(chargeId)?.refunded).toBe(true);
    const listed = await callBotApi(world.sandbox, 'getStarTransactions');
    const ours = (
      listed.result as { transactions: { id: string; source?: unknown; receiver?: unknown }[] }
    ).transactions.filter((t) => t.id === chargeId);
    expect(ours.map((t) => (t.receiver ? 'out' : 'in'))).toEqual(['out', 'in']);
    const state = await readOrderState(world, order);
    expect(state.payments).toMatchObject([{ status: 'refunded', providerPaymentId: chargeId }]);
    expect(state.escrow).toBe(0);
    expect(await auditRows(chargeId)).toMatchObject([{ data: { outcome: 'refunded' } }]);
    expect((await adminCard(chargeId)).text).toContain('Refunded by reconciliation');
    expect(await reconciled('refunded')).toBe(1);

    await runJob(reconcileStarsJob);
    expect(await auditRows(chargeId)).toHaveLength(1);
    expect((await readOrderState(world, order)).escrow).toBe(0);
    expect(await reconciled('refunded')).toBe(1);
  });
});
