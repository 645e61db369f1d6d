import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatKopecks, parseKopecks } from '../../../models/providers/yookassa-amount.js';
import {
  createYooKassaGateway,
  YooKassaError,
  type YooKassaGateway,
} from '../../../models/providers/yookassa.js';
import { startYooKassaFake, type YooKassaFake } from '../../../sandbox/fakes/yookassa.js';

let fake: YooKassaFake;
let gateway: YooKassaGateway;

beforeAll(async () => {
  fake = await startYooKassaFake();
  gateway = createYooKassaGateway({
    shopId: fake.shopId,
    secretKey: fake.secretKey,
    apiRoot: fake.apiRoot,
    backoffMs: 5,
  });
});
afterAll(() => fake?.close());

const create = (key: string, amount = 123_450, metadata: Record<string, string> = {}) =>
  gateway.createPayment({
    idempotenceKey: key,
    amount,
    currency: 'RUB',
    description: 'Заказ рекламы',
    returnUrl: 'https://t.me/lytslot_bot',
    metadata,
  });

const refundRequest = (providerPaymentId: string, amount: number, key: string) => ({
  paymentId: '00000000-0000-4000-8000-000000000001',
  providerPaymentId,
  amount,
  currency: 'RUB' as const,
  idempotencyKey: key,
  payerTelegramId: 1,
});

describe('YooKassa amounts', () => {
  it('formats kopecks as decimal strings and parses them back exactly', () => {
    expect(formatKopecks(123_450)).toBe('1234.50');
    expect(formatKopecks(1)).toBe('0.01');
    expect(formatKopecks(1_000_000)).toBe('10000.00');
    expect(parseKopecks('1234.5')).toBe(123_450);
    expect(parseKopecks('0.29')).toBe(29); // 0.29 * 100 is 28.999… in floats
    expect(parseKopecks('10000')).toBe(1_000_000);
    for (let k = 0; k < 5_000; k += 7) expect(parseKopecks(formatKopecks(k))).toBe(k);
    for (const bad of ['', '1.234', '-1.00', '1e3', ' 1.00', '1,00']) {
      expect(() => parseKopecks(bad), bad).toThrow(RangeError);
    }
    expect(() => formatKopecks(1.5)).toThrow(RangeError);
    expect(() => formatKopecks(-1)).toThrow(RangeError);
  });
});

describe('YooKassa gateway against the fake', () => {
  it('creates a redirect payment with capture, metadata and the amount as a string', async () => {
    const created = await create('order:a', 123_450, { orderId: 'o-1' });
    expect(created.status).toBe('pending');
    expect(created.confirmationUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/checkout\/payments\//);
    const stored = fake.payment(created.paymentId);
    expect(stored.amount).toEqual({ value: '1234.50', currency: 'RUB' });
    expect(stored.metadata).toEqual({ orderId: 'o-1' });
    const payment = await gateway.getPayment(created.paymentId);
    expect(payment).toMatchObject({
      id: created.paymentId,
      status: 'pending',
      paid: false,
      amount: 123_450,
      currency: 'RUB',
      refundedAmount: 0,
      metadata: { orderId: 'o-1' },
    });
  });

  it('the same key and body ⇒ the same payment; the same key with another body ⇒ 400', async () => {
    const first = await create('order:b', 5_000);
    const again = await create('order:b', 5_000);
    expect(again.paymentId).toBe(first.paymentId);
    const error = await create('order:b', 6_000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(YooKassaError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_request' });
  });

  it('a create that answers 500 is retried with the same key ⇒ one payment', async () => {
    const before = fake.payments().length;
    const requestsBefore = fake.requestCount('/payments');
    fake.failNextCreateWith500();
    const created = await create('order:c', 7_700);
    expect(fake.requestCount('/payments')).toBe(requestsBefore + 2);
    expect(fake.payments().length).toBe(before + 1);
    expect(fake.payment(created.paymentId).amount).toEqual({ value: '77.00', currency: 'RUB' });
  });

  it('wrong credentials ⇒ a typed 401 error, not retried', async () => {
    const wrong = createYooKassaGateway({
      shopId: fake.shopId,
      secretKey: 'nope',
      apiRoot: fake.apiRoot,
      backoffMs: 5,
    });
    const requestsBefore = fake.requestCount('/payments');
    const error = await wrong
      .createPayment({
        idempotenceKey: 'k',
        amount: 100,
        currency: 'RUB',
        description: 'x',
        returnUrl: 'https://t.me/x',
        metadata: {},
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401, code: 'invalid_credentials', retryable: false });
    expect(fake.requestCount('/payments')).toBe(requestsBefore);
    await expect(gateway.getPayment('missing')).rejects.toMatchObject({ status: 404 });
  });

  it('a network failure is retried and then surfaces as a retryable error', async () => {
    const dead = createYooKassaGateway({
      shopId: 's',
      secretKey: 'k',
      apiRoot: 'http://127.0.0.1:1/v3',
      retries: 1,
      backoffMs: 1,
    });
    await expect(dead.getPayment('x')).rejects.toMatchObject({ status: 0, retryable: true });
  });

  it('refunds part, then the rest; a refund beyond what is left fails as already refunded', async () => {
    const { paymentId } = await create('order:d', 10_000);
    const early = await gateway.refund(refundRequest(paymentId, 100, 'refund:d:0'));
    expect(early).toMatchObject({ ok: false, alreadyRefunded: false, retryable: false });
    fake.succeed(paymentId);
    const part = await gateway.refund(refundRequest(paymentId, 2_550, 'refund:d:1'));
    expect(part).toMatchObject({ ok: true, status: 'succeeded' });
    const repeated = await gateway.refund(refundRequest(paymentId, 2_550, 'refund:d:1'));
    expect(repeated).toEqual(part);
    const rest = await gateway.refund(refundRequest(paymentId, 7_450, 'refund:d:2'));
    expect(rest.ok).toBe(true);
    expect((await gateway.getPayment(paymentId)).refundedAmount).toBe(10_000);
    const beyond = await gateway.refund(refundRequest(paymentId, 1, 'refund:d:3'));
    expect(beyond).toMatchObject({ ok: false, alreadyRefunded: true, retryable: false });
    if (!part.ok) throw new Error('unreachable');
    expect(await gateway.getRefund(part.refundId)).toEqual({
      id: part.refundId,
      paymentId,
      status: 'succeeded',
      amount: 2_550,
      currency: 'RUB',
    });
  });

  it('succeed and cancel change what getPayment reports', async () => {
    const a = await create('order:e', 1_000);
    const b = await create('order:f', 1_000);
    fake.succeed(a.paymentId);
    fake.cancel(b.paymentId, 'expired_on_confirmation');
    expect(await gateway.getPayment(a.paymentId)).toMatchObject({
      status: 'succeeded',
      paid: true,
    });
    expect(await gateway.getPayment(b.paymentId)).toMatchObject({
      status: 'canceled',
      paid: false,
      cancellationReason: 'expired_on_confirmation',
    });
  });

  it('the confirmation page pays (or cancels) and notifies the webhook', async () => {
    const received: unknown[] = [];
    const hook = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ from: req.socket.remoteAddress, body: JSON.parse(body) as unknown });
        res.end();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    fake.webhookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
    try {
      const created = await create('order:page', 150_000);
      const shown = await fetch(created.confirmationUrl);
      expect(shown.status).toBe(200);
      const html = await shown.text();
      expect(html).toContain('1500.00 RUB');
      expect(html).toContain('Заказ рекламы');
      const paid = await fetch(`${created.confirmationUrl}/pay`, { method: 'POST' });
      expect(await paid.text()).toContain('Payment succeeded');
      expect((await gateway.getPayment(created.paymentId)).status).toBe('succeeded');
      expect(received).toEqual([
        {
          from: '127.0.0.1',
          body: {
            type: 'notification',
            event: 'payment.succeeded',
            object: expect.objectContaining({ id: created.paymentId, status: 'succeeded' }),
          },
        },
      ]);
      // Pressing again changes nothing and sends nothing.
      await fetch(`${created.confirmationUrl}/cancel`, { method: 'POST' });
      expect((await gateway.getPayment(created.paymentId)).status).toBe('succeeded');
      expect(received).toHaveLength(1);
      expect((await fetch(`${created.confirmationUrl}x`)).status).toBe(404);
    } finally {
      fake.webhookUrl = undefined;
      await new Promise((resolve) => hook.close(resolve));
    }
  });
});
