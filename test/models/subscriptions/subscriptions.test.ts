import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveChannel } from '../../../models/admin/moderate-channel.js';
import type { Database } from '../../../models/db.js';
import { balanceOf } from '../../../models/ledger/queries.js';
import { auditLog, channels, payments, workspaces } from '../../../models/schema.js';
import {
  endSubscription,
  extendSubscription,
  subscriptionsAccount,
} from '../../../models/subscriptions/activate-subscription.js';
import {
  expireSubscriptions,
  remindSubscriptionEnding,
} from '../../../models/subscriptions/expire-subscriptions.js';
import { expireSubscriptionsJob } from '../../../models/subscriptions/jobs.js';
import { proPeriodMs } from '../../../models/subscriptions/pricing.js';
import { subscriptions } from '../../../models/subscriptions/table.js';
import { createTestDatabase } from '../../helpers/db.js';
import { manualClock } from '../../helpers/manual-clock.js';
import { queuedJobs } from '../../helpers/queued-jobs.js';
import { makeChannel, makeTenant, type ChannelOverrides } from '../../factories/channels.js';

let database: Database;
const start = new Date('2026-12-01T10:00:00Z');
const day = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  database = await createTestDatabase();
});

const postingRights = {
  status: 'administrator',
  can_post_messages: true,
  can_edit_messages: true,
  can_delete_messages: true,
};

/** One more channel of a workspace (active with posting rights, no settings, unless told otherwise). */
async function addChannel(workspaceId: string, overrides: ChannelOverrides): Promise<string> {
  const channel = await makeChannel(database, {
    workspaceId,
    botRights: postingRights,
    settings: null,
    ...overrides,
  });
  return channel.id;
}
afterAll(async () => {
  await database?.close();
});

async function workspaceRow(workspaceId: string) {
  const [row] = await database.withSystem('test read', (tx) =>
    tx.select().from(workspaces).where(eq(workspaces.id, workspaceId)),
  );
  return row!;
}

async function channelRows(workspaceId: string) {
  return database.withSystem('test read', (tx) =>
    tx
      .select({ id: channels.id, status: channels.status, reason: channels.statusReason })
      .from(channels)
      .where(eq(channels.workspaceId, workspaceId)),
  );
}

async function ledger(workspaceId: string, account: string, currency: 'XTR' | 'USD' | 'RUB') {
  return database.withScope({ workspaceId }, (tx) => balanceOf(tx, account, currency));
}

const starsPayment = (id: string, amount = 7700) => ({
  providerPaymentId: id,
  amount,
  currency: 'XTR' as const,
});

describe('extendSubscription', () => {
  it('records a Pro payment once: payment, ledger, plan, expiry job and receipt', async () => {
    const clock = manualClock(start);
    const tenant = await makeTenant(database, { title: 'Extend channel' });
    const periodEnd = new Date(start.getTime() + 30 * day);
    const input = {
      workspaceId: tenant.workspaceId,
      provider: 'stars' as const,
      providerSubscriptionId: `sub:${tenant.workspaceId}:nonce01`,
      periodEnd,
      payment: starsPayment('charge-1'),
    };
    const first = await extendSubscription(database, input, clock);
    expect(first.ok && first.value.kind).toBe('extended');
    const again = await extendSubscription(database, input, clock);
    expect(again.ok && again.value.kind).toBe('duplicate');

    const ws = await workspaceRow(tenant.workspaceId);
    expect(ws.plan).toBe('pro');
    expect(ws.planExpiresAt?.toISOString()).toBe(periodEnd.toISOString());
    const paid = await database.withSystem('test read', (tx) =>
      tx.select().from(payments).where(eq(payments.workspaceId, tenant.workspaceId)),
    );
    expect(paid).toHaveLength(1);
    expect(paid[0]).toMatchObject({
      purpose: 'subscription',
      provider: 'stars',
      status: 'succeeded',
      amount: 7700,
      accountId: tenant.accountId,
    });
    expect(await ledger(tenant.workspaceId, 'provider:stars', 'XTR')).toBe(7700);
    expect(await ledger(tenant.workspaceId, subscriptionsAccount, 'XTR')).toBe(-7700);
    const expiry = (await queuedJobs(database, expireSubscriptionsJob)).filter(
      (j) => j.data.workspaceId === tenant.workspaceId,
    );
    expect(expiry).toHaveLength(1);
    expect(new Date(expiry[0]!.next_run_at).toISOString()).toBe(periodEnd.toISOString());
    const receipts = (await queuedJobs(database, 'notifications.send')).filter(
      (j) => j.data.key === 'subscription-receipt' && j.data.accountId === tenant.accountId,
    );
    expect(receipts).toHaveLength(1);
    expect(receipts[0]!.data.vars).toMatchObject({
      amount: 7700,
      currency: 'XTR',
      method: 'stars',
    });
  });

  it('five concurrent deliveries of one payment make one ledger posting', async () => {
    const clock = manualClock(start);
    const tenant = await makeTenant(database, { title: 'Concurrent channel' });
    const input = {
      workspaceId: tenant.workspaceId,
      provider: 'stripe' as const,
      providerSubscriptionId: 'sub_concurrent',
      periodEnd: new Date(start.getTime() + 30 * day),
      payment: { providerPaymentId: 'in_concurrent', amount: 10_000, currency: 'USD' as const },
    };
    const results = await Promise.all(
      Array.from({ length: 5 }, () => extendSubscription(database, input, clock)),
    );
    const kinds = results.map((r) => (r.ok ? r.value.kind : r.code)).sort();
    expect(kinds).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', 'extended']);
    expect(await ledger(tenant.workspaceId, 'provider:stripe', 'USD')).toBe(10_000);
    expect(await ledger(tenant.workspaceId, subscriptionsAccount, 'USD')).toBe(-10_000);
  });

  it('never shortens the period when an older renewal arrives late', async () => {
    const clock = manualClock(start);
    const tenant = await makeTenant(database, { title: 'Order channel' });
    const base = {
      workspaceId: tenant.workspaceId,
      provider: 'stripe' as const,
      providerSubscriptionId: 'sub_order',
    };
    const second = new Date(start.getTime() + 60 * day);
    const first = new Date(start.getTime() + 30 * day);
    await extendSubscription(
      database,
      {
        ...base,
        periodEnd: second,
        payment: { providerPaymentId: 'in_2', amount: 10_000, currency: 'USD' },
      },
      clock,
    );
    await extendSubscription(
      database,
      {
        ...base,
        periodEnd: first,
        payment: { providerPaymentId: 'in_1', amount: 10_000, currency: 'USD' },
      },
      clock,
    );
    const ws = await workspaceRow(tenant.workspaceId);
    expect(ws.planExpiresAt?.toISOString()).toBe(second.toISOString());
    expect(await ledger(tenant.workspaceId, subscriptionsAccount, 'USD')).toBe(-20_000);
  });

  it('stacks a one-off month paid early after the time already paid (YooKassa)', async () => {
    const clock = manualClock(start);
    const tenant = await makeTenant(database, { title: 'One-off channel' });
    const month = (id: string) => ({
      workspaceId: tenant.workspaceId,
      provider: 'yookassa' as const,
      periodStart: clock.now(),
      periodEnd: new Date(clock.now().getTime() + proPeriodMs),
      payment: { providerPaymentId: id, amount: 1_000_000, currency: 'RUB' as const },
    });
    await extendSubscription(database, month('yk-1'), clock);
    clock.add(10 * day);
    await extendSubscription(database, month('yk-2'), clock);
    const ws = await workspaceRow(tenant.workspaceId);
    expect(ws.planExpiresAt?.getTime()).toBe(start.getTime() + 2 * proPeriodMs);
    expect(await ledger(tenant.workspaceId, subscriptionsAccount, 'RUB')).toBe(-2_000_000);
    // A one-off period gets a reminder 3 days before its end.
    const reminders = (await queuedJobs(database, 'subscriptions.remind')).filter(
      (j) => j.data.workspaceId === tenant.workspaceId,
    );
    expect(reminders.map((j) => j.data.planExpiresAt)).toContain(ws.planExpiresAt?.toISOString());
    // The reminder of the first month is stale (Pro now ends later): nothing is sent for it.
    const firstEnd = new Date(start.getTime() + proPeriodMs);
    const input = { workspaceId: tenant.workspaceId, planExpiresAt: firstEnd };
    expect(await remindSubscriptionEnding(database, input, clock)).toBe(false);
    const current = { workspaceId: tenant.workspaceId, planExpiresAt: ws.planExpiresAt! };
    expect(await remindSubscriptionEnding(database, current, clock)).toBe(true);
    const sent = (await queuedJobs(database, 'notifications.send')).filter(
      (j) => j.data.accountId === tenant.accountId && j.data.key === 'subscription-reminder',
    );
    expect(sent).toHaveLength(1);
  });

  it('refuses an unknown workspace and a non-positive amount, recording nothing', async () => {
    const clock = manualClock(start);
    const unknown = await extendSubscription(
      database,
      {
        workspaceId: '00000000-0000-4000-8000-000000000000',
        provider: 'stars',
        periodEnd: new Date(start.getTime() + day),
        payment: starsPayment('charge-unknown'),
      },
      clock,
    );
    expect(unknown.ok ? 'ok' : unknown.code).toBe('unknown_workspace');
    const tenant = await makeTenant(database, { title: 'Zero channel' });
    const zero = await extendSubscription(
      database,
      {
        workspaceId: tenant.workspaceId,
        provider: 'stars',
        periodEnd: new Date(start.getTime() + day),
        payment: starsPayment('charge-zero', 0),
      },
      clock,
    );
    expect(zero.ok ? 'ok' : zero.code).toBe('invalid_payment');
    expect((await workspaceRow(tenant.workspaceId)).plan).toBe('free');
  });
});

describe('endSubscription', () => {
  it('keeps access until the paid end, by provider id alone, and is idempotent', async () => {
    const clock = manualClock(start);
    const tenant = await makeTenant(database, { title: 'End channel' });
    const periodEnd = new Date(start.getTime() + 30 * day);
    await extendSubscription(
      database,
      {
        workspaceId: tenant.workspaceId,
        provider: 'stripe',
        providerSubscriptionId: 'sub_end',
        periodEnd,
        payment: { providerPaymentId: 'in_end', amount: 10_000, currency: 'USD' },
      },
      clock,
    );
    const ended = await endSubscription(
      database,
      { provider: 'stripe', providerSubscriptionId: 'sub_end' },
      clock,
    );
    expect(ended.ok && ended.value).toMatchObject({
      kind: 'ended',
      workspaceId: tenant.workspaceId,
    });
    const twice = await endSubscription(
      database,
      { provider: 'stripe', providerSubscriptionId: 'sub_end' },
      clock,
    );
    expect(twice.ok && twice.value.kind).toBe('already_ended');
    const ws = await workspaceRow(tenant.workspaceId);
    expect(ws.plan).toBe('pro');
    expect(ws.planExpiresAt?.toISOString()).toBe(periodEnd.toISOString());
    const unknown = await endSubscription(
      database,
      { provider: 'stripe', providerSubscriptionId: 'sub_nobody' },
      clock,
    );
    expect(unknown.ok ? 'ok' : unknown.code).toBe('unknown_subscription');
    const audits = await database.withSystem('test read', (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.workspaceId, tenant.workspaceId),
            eq(auditLog.action, 'subscription.ended'),
          ),
        ),
    );
    expect(audits).toHaveLength(1);
  });

  it('an end that arrives before the first payment: the payment grants its period, never re-opens', async () => {
    const clock = manualClock(start);
    const tenant = await makeTenant(database, { title: 'Early end channel' });
    const early = await endSubscription(
      database,
      { workspaceId: tenant.workspaceId, provider: 'stripe', providerSubscriptionId: 'sub_early' },
      clock,
    );
    expect(early.ok && early.value.kind).toBe('ended_before_paid');
    const periodEnd = new Date(start.getTime() + 30 * day);
    await extendSubscription(
      database,
      {
        workspaceId: tenant.workspaceId,
        provider: 'stripe',
        providerSubscriptionId: 'sub_early',
        periodEnd,
        payment: { providerPaymentId: 'in_early', amount: 10_000, currency: 'USD' },
      },
      clock,
    );
    const [row] = await database.withSystem('test read', (tx) =>
      tx.select().from(subscriptions).where(eq(subscriptions.workspaceId, tenant.workspaceId)),
    );
    expect(row?.status).toBe('cancelled');
    expect(row?.currentPeriodEnd.toISOString()).toBe(periodEnd.toISOString());
    expect((await workspaceRow(tenant.workspaceId)).planExpiresAt?.toISOString()).toBe(
      periodEnd.toISOString(),
    );
    // Past the end nothing renews it: expiry takes the workspace back to Free.
    clock.set(new Date(periodEnd.getTime() + 1000));
    const expired = await expireSubscriptions(database, clock, { workspaceId: tenant.workspaceId });
    expect(expired.map((e) => e.workspaceId)).toEqual([tenant.workspaceId]);
    expect((await workspaceRow(tenant.workspaceId)).plan).toBe('free');
  });
});

describe('expireSubscriptions and renewal', () => {
  it('pauses channels beyond the Free limit keeping the oldest, and renewal resumes only those', async () => {
    const clock = manualClock(start);
    const tenant = await makeTenant(database, { title: 'Expiry channel' });
    // makeTenant's channel would be the oldest (created now in real time): make the workspace's
    // channels explicit instead.
    await database.withSystem('test: drop seeded channel', (tx) =>
      tx.delete(channels).where(eq(channels.id, tenant.channelId)),
    );
    const oldest = await addChannel(tenant.workspaceId, {
      title: 'Oldest',
      createdAt: new Date(start.getTime() - 10 * day),
    });
    const second = await addChannel(tenant.workspaceId, {
      title: 'Second',
      createdAt: new Date(start.getTime() - 5 * day),
    });
    const ownerPaused = await addChannel(tenant.workspaceId, {
      title: 'Owner paused',
      createdAt: new Date(start.getTime() - 4 * day),
      status: 'paused',
      statusReason: 'owner',
    });
    const noRights = await addChannel(tenant.workspaceId, {
      title: 'Rights lost later',
      createdAt: new Date(start.getTime() - 3 * day),
    });
    const periodEnd = new Date(start.getTime() + 30 * day);
    const stars = {
      workspaceId: tenant.workspaceId,
      provider: 'stars' as const,
      providerSubscriptionId: `sub:${tenant.workspaceId}:expiry01`,
    };
    await extendSubscription(
      database,
      { ...stars, periodEnd, payment: starsPayment('charge-expiry-1') },
      clock,
    );

    // Before the end nothing happens.
    clock.set(new Date(periodEnd.getTime() - 60_000));
    expect(await expireSubscriptions(database, clock, { workspaceId: tenant.workspaceId })).toEqual(
      [],
    );

    clock.set(new Date(periodEnd.getTime() + 60_000));
    const expired = await expireSubscriptions(database, clock, { workspaceId: tenant.workspaceId });
    expect(expired).toHaveLength(1);
    expect(expired[0]!.paused.map((c) => c.title).sort()).toEqual(['Rights lost later', 'Second']);
    expect((await workspaceRow(tenant.workspaceId)).plan).toBe('free');
    const after = new Map((await channelRows(tenant.workspaceId)).map((c) => [c.id, c]));
    expect(after.get(oldest)).toMatchObject({ status: 'active', reason: null });
    expect(after.get(second)).toMatchObject({ status: 'paused', reason: 'plan' });
    expect(after.get(noRights)).toMatchObject({ status: 'paused', reason: 'plan' });
    expect(after.get(ownerPaused)).toMatchObject({ status: 'paused', reason: 'owner' });
    const told = (await queuedJobs(database, 'notifications.send')).filter(
      (j) => j.data.accountId === tenant.accountId && j.data.key === 'subscription-expired-paused',
    );
    expect(told).toHaveLength(1);
    // A second sweep changes nothing.
    expect(await expireSubscriptions(database, clock, { workspaceId: tenant.workspaceId })).toEqual(
      [],
    );

    // The bot loses its rights in one paused channel meanwhile.
    await database.withSystem('test: rights lost', (tx) =>
      tx
        .update(channels)
        .set({ botRights: { status: 'left' } })
        .where(eq(channels.id, noRights)),
    );
    const renewed = await extendSubscription(
      database,
      {
        ...stars,
        periodEnd: new Date(periodEnd.getTime() + proPeriodMs),
        payment: starsPayment('charge-expiry-2'),
      },
      clock,
    );
    expect(renewed.ok && renewed.value.resumed.map((c) => c.id)).toEqual([second]);
    const resumed = new Map((await channelRows(tenant.workspaceId)).map((c) => [c.id, c]));
    expect(resumed.get(second)).toMatchObject({ status: 'active', reason: null });
    expect(resumed.get(noRights)).toMatchObject({ status: 'paused', reason: 'bot_rights' });
    expect(resumed.get(ownerPaused)).toMatchObject({ status: 'paused', reason: 'owner' });
    const ws = await workspaceRow(tenant.workspaceId);
    expect(ws.plan).toBe('pro');
    const [sub] = await database.withSystem('test read', (tx) =>
      tx.select().from(subscriptions).where(eq(subscriptions.workspaceId, tenant.workspaceId)),
    );
    expect(sub?.status).toBe('active');
  });

  it('a channel waiting for review is not paused by expiry; approved on Free it waits for the plan, and renewal lists it', async () => {
    const clock = manualClock(start);
    const tenant = await makeTenant(database, { title: 'Review channel' });
    await database.withSystem('test: drop seeded channel', (tx) =>
      tx.delete(channels).where(eq(channels.id, tenant.channelId)),
    );
    const kept = await addChannel(tenant.workspaceId, {
      title: 'Kept',
      createdAt: new Date(start.getTime() - 10 * day),
    });
    const waiting = await addChannel(tenant.workspaceId, {
      title: 'Waiting for review',
      createdAt: new Date(start.getTime() - 9 * day),
      status: 'pending_review',
    });
    const stars = {
      workspaceId: tenant.workspaceId,
      provider: 'stars' as const,
      providerSubscriptionId: `sub:${tenant.workspaceId}:review01`,
    };
    const periodEnd = new Date(start.getTime() + 30 * day);
    await extendSubscription(
      database,
      { ...stars, periodEnd, payment: starsPayment('charge-review-1') },
      clock,
    );
    clock.set(new Date(periodEnd.getTime() + 60_000));
    const [expired] = await expireSubscriptions(database, clock, {
      workspaceId: tenant.workspaceId,
    });
    expect(expired?.paused).toEqual([]);
    let rows = new Map((await channelRows(tenant.workspaceId)).map((c) => [c.id, c]));
    expect(rows.get(kept)).toMatchObject({ status: 'active' });
    expect(rows.get(waiting)).toMatchObject({ status: 'pending_review' });

    // Approved while the Free plan is full: paused for the plan, and the owner told why.
    const admin = { telegramId: 4242, name: 'Ada Admin' };
    expect((await approveChannel(database, { channelId: waiting, admin }, clock)).ok).toBe(true);
    rows = new Map((await channelRows(tenant.workspaceId)).map((c) => [c.id, c]));
    expect(rows.get(waiting)).toMatchObject({ status: 'paused', reason: 'plan' });
    const told = (await queuedJobs(database, 'notifications.send')).filter(
      (j) => j.data.accountId === tenant.accountId && j.data.key === 'admin-channel-approved-plan',
    );
    expect(told).toHaveLength(1);

    const renewed = await extendSubscription(
      database,
      {
        ...stars,
        periodEnd: new Date(periodEnd.getTime() + proPeriodMs),
        payment: starsPayment('charge-review-2'),
      },
      clock,
    );
    expect(renewed.ok && renewed.value.resumed.map((c) => c.id)).toEqual([waiting]);
    rows = new Map((await channelRows(tenant.workspaceId)).map((c) => [c.id, c]));
    expect(rows.get(waiting)).toMatchObject({ status: 'active', reason: null });
  });
});
