import { describe, expect, it } from 'vitest';
import type { DomainEvent, StoredEvent } from '../../../models/outbox/events.js';
import {
  partnerEventBody,
  partnerEventOf,
} from '../../../models/partner-webhooks/partner-events.js';
import {
  generateWebhookSecret,
  signWebhook,
  verifyWebhookSignature,
} from '../../../models/partner-webhooks/signature.js';

const ws = '11111111-1111-4111-8111-111111111111';
const orderId = '22222222-2222-4222-8222-222222222222';
const adv = '33333333-3333-4333-8333-333333333333';
const placementId = '44444444-4444-4444-8444-444444444444';
const occurredAt = new Date('2032-05-10T09:00:30.000Z');

const stored = (event: DomainEvent): StoredEvent =>
  ({ ...event, id: 42, txId: '7', occurredAt }) as StoredEvent;
const payment = {
  workspaceId: ws,
  orderId,
  paymentId: 'p-1',
  payerAccountId: adv,
  provider: 'stars',
  amount: 100_000,
  currency: 'RUB',
};
const settledBase = {
  type: 'placement.settled' as const,
  workspaceId: ws,
  placementId,
  orderId,
  advertiserAccountId: adv,
  report: true,
  brokenMs: 0,
};

describe('partnerEventOf', () => {
  it.each<[DomainEvent, string, Record<string, unknown>]>([
    [
      {
        type: 'order.created',
        workspaceId: ws,
        orderId,
        advertiserAccountId: adv,
        currency: 'RUB',
        holdExpiresAt: '2032-05-10T09:15:30.000Z',
      },
      'order.created',
      { currency: 'RUB', hold_expires_at: '2032-05-10T09:15:30.000Z' },
    ],
    [
      { type: 'payment.received', ...payment },
      'order.paid',
      { payment_id: 'p-1', amount: 100_000, currency: 'RUB', provider: 'stars' },
    ],
    [
      { type: 'order.scheduled', workspaceId: ws, orderId, advertiserAccountId: adv, auto: true },
      'order.approved',
      { auto: true },
    ],
    [
      { type: 'order.rejected', workspaceId: ws, orderId, advertiserAccountId: adv, reason: null },
      'order.rejected',
      { reason: null, by_deadline: true },
    ],
    [
      { type: 'placement.published', workspaceId: ws, placementId, orderId },
      'order.published',
      { placement_id: placementId },
    ],
    [
      {
        type: 'placement.violation_recorded',
        workspaceId: ws,
        placementId,
        orderId,
        ownerAccountId: adv,
        advertiserAccountId: adv,
        channelTitle: 'T',
        kind: 'early_deletion',
      },
      'order.violation',
      { placement_id: placementId, kind: 'early_deletion' },
    ],
    [
      {
        ...settledBase,
        order: { kind: 'settled', currency: 'RUB', owner: 72_000, fee: 18_000, refund: 10_000 },
      },
      'order.settled',
      { outcome: 'settled', owner_amount: 72_000, platform_fee: 18_000, refund_amount: 10_000 },
    ],
    [
      { ...settledBase, order: { kind: 'undelivered', currency: 'USD', amount: 5_000 } },
      'order.settled',
      { outcome: 'undelivered', currency: 'USD', owner_amount: 0, refund_amount: 5_000 },
    ],
    [
      { type: 'payment.refunded', credited: 0, ...payment },
      'order.refunded',
      { payment_id: 'p-1', amount: 100_000, credited_to_balance: 0 },
    ],
    [
      {
        type: 'order.cancelled',
        workspaceId: ws,
        orderId,
        advertiserAccountId: adv,
        from: 'in_review',
        paid: true,
      },
      'order.cancelled',
      { by: 'advertiser', paid: true },
    ],
    [
      {
        type: 'order.cancelled_by_admin',
        workspaceId: ws,
        orderId,
        advertiserAccountId: adv,
        channelTitle: 'T',
        reason: 'blocked',
        paid: false,
      },
      'order.cancelled',
      { by: 'admin', paid: false },
    ],
  ])('%# maps %s', (event, type, facts) => {
    const mapped = partnerEventOf(stored(event));
    expect(mapped).toMatchObject({ type, orderId, data: { order_id: orderId, ...facts } });
  });

  it('tells partners nothing of other events, nor of a placement settled before its order', () => {
    const silent: DomainEvent[] = [
      { ...settledBase, order: null },
      {
        type: 'order.refunded_by_admin',
        workspaceId: ws,
        orderId,
        advertiserAccountId: adv,
        reason: 'x',
      },
      {
        type: 'order.review_requested',
        workspaceId: ws,
        orderId,
        advertiserAccountId: adv,
        deadline: 'x',
      },
      { type: 'account.blocked', workspaceId: null, accountId: adv, reason: null },
    ];
    for (const event of silent) expect(partnerEventOf(stored(event))).toBeUndefined();
  });

  it('builds the documented body: evt_ id, type, unix created, data with ids and facts', () => {
    const event = stored({ type: 'placement.published', workspaceId: ws, placementId, orderId });
    const body = partnerEventBody(event, partnerEventOf(event)!);
    expect(JSON.parse(body)).toEqual({
      id: 'evt_42',
      type: 'order.published',
      created: Math.floor(occurredAt.getTime() / 1000),
      data: { order_id: orderId, placement_id: placementId },
    });
  });
});

describe('webhook signatures', () => {
  const body = '{"id":"evt_1"}';
  const t = 2_000_000_000;

  it('generates whsec_ secrets of 32 random bytes', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(generateWebhookSecret()).not.toBe(secret);
  });

  it('verifies a signature within the tolerance and refuses a changed body, secret or old t', () => {
    const secret = generateWebhookSecret();
    const header = signWebhook(body, [secret], t);
    expect(header).toMatch(/^t=2000000000,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(header, body, secret, 300, t + 299)).toBe(true);
    expect(verifyWebhookSignature(header, `${body} `, secret, 300, t)).toBe(false);
    expect(verifyWebhookSignature(header, body, generateWebhookSecret(), 300, t)).toBe(false);
    expect(verifyWebhookSignature(header, body, secret, 300, t + 301)).toBe(false);
    expect(verifyWebhookSignature('v1=abc', body, secret, 300, t)).toBe(false);
  });

  it('signs with every secret given: each of them verifies (a rotation’s overlap)', () => {
    const [current, previous] = [generateWebhookSecret(), generateWebhookSecret()];
    const header = signWebhook(body, [current, previous], t);
    expect(header.split(',v1=')).toHaveLength(3);
    expect(verifyWebhookSignature(header, body, current, 300, t)).toBe(true);
    expect(verifyWebhookSignature(header, body, previous, 300, t)).toBe(true);
  });
});
