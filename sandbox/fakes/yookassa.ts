import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenLocal } from '../http-utils.js';
import { payPageHtml } from './yookassa-page.js';
import {
  ApiError,
  kopecks,
  money,
  postJson,
  send,
  validAmount,
  type Json,
} from './yookassa-wire.js';

export interface YooKassaFakeOptions {
  /** Port on 127.0.0.1; 0 or none ⇒ any free port. */
  port?: number;
  shopId?: string;
  secretKey?: string;
  /** Where notify() posts by default (our POST /webhooks/yookassa). */
  webhookUrl?: string;
}

export interface NotifyOptions {
  /** Overrides the fake's webhookUrl. */
  url?: string;
  /** Sent as X-Forwarded-For (for a request coming through a trusted proxy). */
  forwardedFor?: string;
}

/** A local YooKassa API v3 (payments, refunds, idempotence, Basic auth) plus test controls. */
export interface YooKassaFake {
  /** The API root to configure as YOOKASSA_API_ROOT (…/v3). */
  readonly apiRoot: string;
  readonly shopId: string;
  readonly secretKey: string;
  webhookUrl: string | undefined;
  /** Payments created so far (each distinct object once). */
  payments(): Json[];
  refunds(): Json[];
  payment(id: string): Json;
  refund(id: string): Json;
  /** POST requests received per path, retries included. */
  requestCount(path: '/payments' | '/refunds'): number;
  /** The payment becomes succeeded and paid (as after the payer confirms). */
  succeed(paymentId: string): Json;
  /** The payment becomes canceled with the given reason. */
  cancel(paymentId: string, reason?: string): Json;
  /** What new refunds start as: 'succeeded' (the default, as for cards) or 'pending'. */
  refundStatus: 'succeeded' | 'pending';
  /** A pending refund ends: succeeded, or canceled with a reason (its amount is back on the payment). */
  settleRefund(refundId: string, outcome: 'succeeded' | 'canceled', reason?: string): Json;
  /**
   * A refund made in the merchant cabinet (all that is left, or `amountKopecks`), starting as
   * `refundStatus`; the caller sends its refund.succeeded notification with notify().
   */
  refundFromCabinet(paymentId: string, amountKopecks?: number): Json;
  /** The next POST /payments creates the payment but answers 500. */
  failNextCreateWith500(): void;
  /**
   * POSTs {type:'notification', event, object} to the webhook from a chosen local source address
   * (default 127.0.0.1). The payment page (confirmation_url) does this itself on «Pay» / «Cancel».
   */
  notify(event: string, object: Json, fromIp?: string, options?: NotifyOptions): Promise<number>;
  close(): Promise<void>;
}

/** Starts the fake on 127.0.0.1 (options.port, else a random port). */
export async function startYooKassaFake(options: YooKassaFakeOptions = {}): Promise<YooKassaFake> {
  const shopId = options.shopId ?? '123456';
  const secretKey = options.secretKey ?? 'test_secret_key';
  const expectedAuth = `Basic ${Buffer.from(`${shopId}:${secretKey}`).toString('base64')}`;
  const payments = new Map<string, Json>();
  const refunds = new Map<string, Json>();
  const idempotence = new Map<string, { hash: string; status: number; body: Json }>();
  const counts = new Map<string, number>();
  /** return_url per payment: kept after the confirmation object leaves the payment. */
  const confirmations = new Map<string, string>();
  let fail500Next = false;
  let baseUrl = '';

  const now = () => new Date().toISOString();
  const get = (map: Map<string, Json>, id: string, what: string) => {
    const found = map.get(id);
    if (!found) throw new ApiError(404, 'not_found', `${what} doesn't exist or access denied`);
    return found;
  };

  function createPayment(body: Json): Json {
    const amount = validAmount(body.amount);
    const confirmation = body.confirmation as { type?: unknown; return_url?: unknown } | undefined;
    if (confirmation?.type !== 'redirect' || typeof confirmation.return_url !== 'string') {
      throw new ApiError(400, 'invalid_request', 'Confirmation is invalid', 'confirmation');
    }
    const id = randomUUID();
    const payment: Json = {
      id,
      status: 'pending',
      paid: false,
      amount,
      confirmation: {
        type: 'redirect',
        return_url: confirmation.return_url,
        confirmation_url: `${baseUrl}/checkout/payments/${id}`,
      },
      created_at: now(),
      description: typeof body.description === 'string' ? body.description : undefined,
      metadata: body.metadata && typeof body.metadata === 'object' ? body.metadata : {},
      recipient: { account_id: shopId, gateway_id: '100500' },
      refundable: false,
      test: true,
    };
    payments.set(id, payment);
    confirmations.set(id, confirmation.return_url);
    return payment;
  }

  function createRefund(body: Json): Json {
    const amount = validAmount(body.amount);
    const payment = get(payments, String(body.payment_id), 'Payment');
    if (payment.status !== 'succeeded') {
      throw new ApiError(400, 'invalid_request', 'Payment is not succeeded', 'payment_id');
    }
    const paid = kopecks(payment.amount);
    const refunded = payment.refunded_amount ? kopecks(payment.refunded_amount) : 0;
    if (kopecks(amount) + refunded > paid) {
      throw new ApiError(400, 'invalid_request', 'Refund amount exceeds the payment', 'amount');
    }
    const total = refunded + kopecks(amount);
    payment.refunded_amount = { value: money(total), currency: amount.currency };
    payment.refundable = total < paid;
    const refund: Json = {
      id: randomUUID(),
      payment_id: payment.id,
      status: fake.refundStatus,
      amount,
      created_at: now(),
    };
    refunds.set(refund.id as string, refund);
    return refund;
  }

  async function route(req: IncomingMessage, raw: string): Promise<{ status: number; body: Json }> {
    if (req.headers.authorization !== expectedAuth) {
      throw new ApiError(401, 'invalid_credentials', 'Basic authentication failed');
    }
    const path = (req.url ?? '').replace(/\?.*$/, '');
    if (req.method === 'GET') {
      const m = /^\/v3\/(payments|refunds)\/([\w-]+)$/.exec(path);
      if (!m) throw new ApiError(404, 'not_found', 'Unknown path');
      return {
        status: 200,
        body: m[1] === 'payments' ? get(payments, m[2]!, 'Payment') : get(refunds, m[2]!, 'Refund'),
      };
    }
    if (req.method !== 'POST' || (path !== '/v3/payments' && path !== '/v3/refunds')) {
      throw new ApiError(404, 'not_found', 'Unknown path');
    }
    const short = path.slice(3);
    counts.set(short, (counts.get(short) ?? 0) + 1);
    const key = req.headers['idempotence-key'];
    if (typeof key !== 'string' || key.length === 0 || key.length > 64) {
      throw new ApiError(400, 'invalid_request', 'Idempotence key is missing or invalid');
    }
    let body: Json;
    try {
      body = JSON.parse(raw) as Json;
    } catch {
      throw new ApiError(400, 'invalid_request', 'Request body is not valid JSON');
    }
    const hash = createHash('sha256').update(`${path}\n${raw}`).digest('hex');
    const seen = idempotence.get(key);
    if (seen) {
      if (seen.hash !== hash) {
        throw new ApiError(400, 'invalid_request', 'Idempotence key duplicated', 'Idempotence-Key');
      }
      return { status: seen.status, body: seen.body };
    }
    const created = short === '/payments' ? createPayment(body) : createRefund(body);
    idempotence.set(key, { hash, status: 200, body: structuredClone(created) });
    if (short === '/payments' && fail500Next) {
      fail500Next = false;
      return { status: 500, body: { type: 'error', code: 'internal_server_error' } };
    }
    return { status: 200, body: created };
  }

  /** The payment page behind confirmation_url: «Pay» succeeds the payment and notifies the webhook. */
  async function page(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const m = /^\/checkout\/payments\/([\w-]+)(?:\/(pay|cancel))?$/.exec(path);
    const payment = m ? payments.get(m[1]!) : undefined;
    if (!m || !payment) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const returnUrl = confirmations.get(m[1]!);
    if (req.method === 'POST' && m[2] && payment.status === 'pending') {
      const object = m[2] === 'pay' ? fake.succeed(m[1]!) : fake.cancel(m[1]!);
      const event = m[2] === 'pay' ? 'payment.succeeded' : 'payment.canceled';
      if (fake.webhookUrl) await fake.notify(event, object).catch(() => 0);
    }
    const html = payPageHtml(payments.get(m[1]!)!, returnUrl);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '').replace(/\?.*$/, '');
      if (path.startsWith('/checkout/')) {
        page(req, res, path).catch(() => res.writeHead(500).end());
        return;
      }
      route(req, Buffer.concat(chunks).toString('utf8'))
        .then(({ status, body }) => send(res, status, body))
        .catch((err: unknown) => {
          if (err instanceof ApiError) {
            send(res, err.status, {
              type: 'error',
              id: randomUUID(),
              code: err.code,
              description: err.message,
              ...(err.parameter ? { parameter: err.parameter } : {}),
            });
          } else {
            send(res, 500, { type: 'error', code: 'internal_server_error' });
          }
        });
    });
  });
  baseUrl = await listenLocal(server, options.port);

  const setStatus = (paymentId: string, patch: Json) => {
    const payment = get(payments, paymentId, 'Payment');
    Object.assign(payment, patch);
    delete payment.confirmation;
    return structuredClone(payment);
  };

  const fake: YooKassaFake = {
    apiRoot: `${baseUrl}/v3`,
    shopId,
    secretKey,
    webhookUrl: options.webhookUrl,
    payments: () => [...payments.values()].map((p) => structuredClone(p)),
    refunds: () => [...refunds.values()].map((r) => structuredClone(r)),
    payment: (id) => structuredClone(get(payments, id, 'Payment')),
    refund: (id) => structuredClone(get(refunds, id, 'Refund')),
    requestCount: (path) => counts.get(path) ?? 0,
    succeed: (id) =>
      setStatus(id, {
        status: 'succeeded',
        paid: true,
        refundable: true,
        captured_at: now(),
        income_amount: get(payments, id, 'Payment').amount,
      }),
    cancel: (id, reason = 'expired_on_confirmation') =>
      setStatus(id, {
        status: 'canceled',
        cancellation_details: { party: 'yoo_money', reason },
      }),
    refundStatus: 'succeeded',
    settleRefund(refundId, outcome, reason = 'rejected_by_payee') {
      const refund = get(refunds, refundId, 'Refund');
      if (refund.status !== 'pending') {
        throw new Error(`YooKassa fake: refund ${refundId} is ${String(refund.status)}`);
      }
      refund.status = outcome;
      if (outcome === 'canceled') {
        refund.cancellation_details = { party: 'refund_network', reason };
        const payment = get(payments, String(refund.payment_id), 'Payment');
        const back = kopecks(payment.refunded_amount) - kopecks(refund.amount);
        payment.refunded_amount = {
          value: money(back),
          currency: (refund.amount as Json).currency,
        };
        payment.refundable = true;
      }
      return structuredClone(refund);
    },
    refundFromCabinet(paymentId, amountKopecks) {
      const payment = get(payments, paymentId, 'Payment');
      const refunded = payment.refunded_amount ? kopecks(payment.refunded_amount) : 0;
      const value = amountKopecks ?? kopecks(payment.amount) - refunded;
      const amount = { value: money(value), currency: (payment.amount as Json).currency };
      return structuredClone(createRefund({ payment_id: paymentId, amount }));
    },
    failNextCreateWith500() {
      fail500Next = true;
    },
    notify(event, object, fromIp = '127.0.0.1', notifyOptions = {}) {
      const target = notifyOptions.url ?? fake.webhookUrl;
      if (!target) return Promise.reject(new Error('YooKassa fake: no webhook URL set'));
      return postJson(target, { type: 'notification', event, object }, fromIp, notifyOptions);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
  return fake;
}
