import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenLocal } from '../http-utils.js';
import { createStripeObjects, type StripeObjects } from './stripe-objects.js';
import {
  parseStripeForm,
  signStripePayload,
  StripeApiError,
  stripeId,
  type Json,
} from './stripe-protocol.js';

export interface StripeFakeOptions {
  /** Port on 127.0.0.1; 0 or none ⇒ any free port. */
  port?: number;
  secretKey?: string;
  webhookSecret?: string;
  /** Where events are POSTed (our POST /webhooks/stripe); none ⇒ events are only kept. */
  webhookUrl?: string;
  /** false ⇒ events are queued (takeEvents) instead of POSTed; default true. */
  autoDeliver?: boolean;
}

export interface Delivery {
  event: Json;
  status: number;
  body: string;
}

export interface SendOptions {
  url?: string;
  /** Unix seconds for the signature (default: now) — an old one tests the tolerance. */
  timestamp?: number;
  /** Replaces the body bytes actually sent (after signing), e.g. to tamper one byte. */
  tamper?: (payload: string) => string;
}

/** A local Stripe API (Checkout, refunds, subscriptions; form bodies, Bearer auth, Idempotency-Key) plus test controls. */
export interface StripeFake {
  /** STRIPE_API_ROOT for the SDK. */
  readonly apiRoot: string;
  readonly secretKey: string;
  readonly webhookSecret: string;
  webhookUrl: string | undefined;
  autoDeliver: boolean;
  readonly objects: StripeObjects;
  /** Pays a session as the customer would; delivers checkout.session.completed (+ invoice.paid for subscriptions). */
  completeSession(id: string, options?: { asyncPayment?: boolean }): Promise<Delivery[]>;
  /** A delayed (async) payment of a completed session succeeds / fails. */
  succeedAsyncPayment(id: string): Promise<Delivery[]>;
  failAsyncPayment(id: string): Promise<Delivery[]>;
  /** The session expires unpaid (checkout.session.expired). */
  expireSession(id: string): Promise<Delivery[]>;
  /** A refund fails after it was made (refund.updated, refund.failed, charge.refund.updated). */
  failRefund(id: string, reason?: string): Promise<Delivery[]>;
  /**
   * Someone refunds the payment in Stripe's dashboard (all that is left, or `amount` minor units):
   * refund.created and charge.refunded follow, as for any refund not made through our API calls.
   */
  refundFromDashboard(paymentIntentId: string, amount?: number): Promise<Delivery[]>;
  /** The next monthly invoice of a subscription is paid (invoice.paid with the next period). */
  renewSubscription(id: string): Promise<Delivery[]>;
  /** Wraps an object into an event as Stripe does. */
  buildEvent(type: string, object: Json): Json;
  /** POSTs one event, signed like Stripe, to the webhook URL. */
  sendEvent(event: Json, options?: SendOptions): Promise<Delivery>;
  /** Events queued while autoDeliver is false (removed from the queue). */
  takeEvents(): Json[];
  /** Every event the fake generated, in order. */
  events(): Json[];
  /** Waits for events being delivered in the background (e.g. charge.refunded after a refund). */
  settle(): Promise<void>;
  /** The next `count` requests to `METHOD /path-prefix` answer `status` with a Stripe error (nothing done). */
  failNext(method: string, pathPrefix: string, status?: number, count?: number): void;
  /** Requests received for `METHOD /path` (exact path), retries included. */
  requestCount(method: string, path: string): number;
  close(): Promise<void>;
}

interface Idempotent {
  fingerprint: string;
  status: number;
  body: Json;
}

const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

const payPage = (session: Json) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>Stripe test checkout</title></head>` +
  `<body style="font-family:sans-serif;max-width:28rem;margin:3rem auto">` +
  `<h1>Test checkout</h1><p>${String(session.amount_total)} ${String(session.currency).toUpperCase()} (minor units)</p>` +
  `<p>Status: ${String(session.status)}</p>` +
  (session.status === 'open'
    ? `<form method="post"><button type="submit">Pay</button></form>`
    : '') +
  `</body></html>`;

/** Starts the fake on 127.0.0.1 (options.port, else a random port). */
export async function startStripeFake(options: StripeFakeOptions = {}): Promise<StripeFake> {
  const secretKey = options.secretKey ?? 'sk_test_fake';
  const webhookSecret = options.webhookSecret ?? 'whsec_test_fake';
  const idempotency = new Map<string, Idempotent>();
  const counts = new Map<string, number>();
  const failures: { method: string; prefix: string; status: number; left: number }[] = [];
  const generated: Json[] = [];
  const queued: Json[] = [];
  const inflight = new Set<Promise<unknown>>();
  let baseUrl = '';
  const objects = createStripeObjects({ payUrl: (id) => `${baseUrl}/pay/${id}` });

  const buildEvent = (type: string, object: Json): Json => ({
    id: stripeId('evt'),
    object: 'event',
    api_version: '2026-10-28.endive',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object: structuredClone(object) },
  });

  const sendEvent = async (event: Json, send: SendOptions = {}): Promise<Delivery> => {
    const url = send.url ?? fake.webhookUrl;
    if (!url) throw new Error('stripe fake: no webhook URL configured');
    const payload = JSON.stringify(event, null, 2);
    const timestamp = send.timestamp ?? Math.floor(Date.now() / 1000);
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        'Stripe-Signature': signStripePayload(payload, webhookSecret, timestamp),
      },
      body: send.tamper ? send.tamper(payload) : payload,
    });
    return { event, status: res.status, body: await res.text() };
  };

  /** Events from a control action: delivered in order now, or queued when autoDeliver is off. */
  const emit = async (events: Json[]): Promise<Delivery[]> => {
    generated.push(...events);
    if (!fake.autoDeliver || !fake.webhookUrl) {
      queued.push(...events);
      return [];
    }
    const out: Delivery[] = [];
    for (const event of events) out.push(await sendEvent(event));
    return out;
  };

  /** Events caused by an API call are delivered in the background, as Stripe does. */
  const emitLater = (events: Json[]) => {
    const task = new Promise((resolve) => setImmediate(resolve)).then(() => emit(events));
    const tracked = task.catch(() => undefined).finally(() => inflight.delete(tracked));
    inflight.add(tracked);
  };

  const route = (method: string, path: string, params: Json): Json => {
    const parts = path.split('/').filter(Boolean);
    if (parts[0] !== 'v1')
      throw new StripeApiError(
        404,
        'invalid_request_error',
        `Unrecognized request URL (${method}: ${path}).`,
      );
    const [, resource, id, action] = parts;
    if (resource === 'checkout' && id === 'sessions') {
      const sessionId = action;
      const extra = parts[4];
      if (method === 'POST' && !sessionId) return objects.createSession(params);
      if (method === 'GET' && !sessionId) return objects.listSessions(params);
      if (method === 'GET' && sessionId && !extra) return objects.session(sessionId);
      if (method === 'POST' && sessionId && extra === 'expire') {
        const { session, events } = objects.expire(sessionId);
        emitLater(events.map(([type, object]) => buildEvent(type, object)));
        return session;
      }
    }
    if (resource === 'refunds') {
      if (method === 'POST' && !id) {
        const { refund, events } = objects.createRefund(params);
        emitLater(events.map(([type, object]) => buildEvent(type, object)));
        return refund;
      }
      if (method === 'GET' && id) return objects.get('refund', id);
    }
    if (resource === 'payment_intents' && method === 'GET' && id)
      return objects.get('payment_intent', id);
    if (resource === 'charges' && method === 'GET' && id) return objects.get('charge', id);
    if (resource === 'invoices' && method === 'GET' && id) return objects.get('invoice', id);
    if (resource === 'subscriptions' && id) {
      if (method === 'GET') return objects.get('subscription', id);
      if (method === 'DELETE') {
        const { subscription, events } = objects.cancelSubscription(id);
        emitLater(events.map(([type, object]) => buildEvent(type, object)));
        return subscription;
      }
    }
    throw new StripeApiError(
      404,
      'invalid_request_error',
      `Unrecognized request URL (${method}: ${path}).`,
    );
  };

  const api = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const method = req.method ?? 'GET';
    const reply = (status: number, body: Json, headers: Record<string, string> = {}) => {
      res.writeHead(status, {
        'Content-Type': 'application/json',
        'Request-Id': stripeId('req'),
        ...headers,
      });
      res.end(JSON.stringify(body));
    };
    const text = await readBody(req);
    counts.set(`${method} ${url.pathname}`, (counts.get(`${method} ${url.pathname}`) ?? 0) + 1);
    try {
      const auth = req.headers.authorization ?? '';
      if (auth !== `Bearer ${secretKey}`) {
        throw new StripeApiError(401, 'invalid_request_error', 'Invalid API Key provided.');
      }
      const failure = failures.find(
        (f) => f.method === method && url.pathname.startsWith(f.prefix),
      );
      if (failure) {
        failure.left -= 1;
        if (failure.left <= 0) failures.splice(failures.indexOf(failure), 1);
        throw new StripeApiError(
          failure.status,
          'api_error',
          'Something went wrong on Stripe’s end.',
        );
      }
      const params =
        method === 'GET' || method === 'DELETE'
          ? parseStripeForm(url.search.slice(1))
          : parseStripeForm(text);
      const key = req.headers['idempotency-key'];
      if (method === 'POST' && typeof key === 'string' && key !== '') {
        const fingerprint = createHash('sha256').update(`${url.pathname}\n${text}`).digest('hex');
        const seen = idempotency.get(key);
        if (seen) {
          if (seen.fingerprint !== fingerprint) {
            throw new StripeApiError(
              400,
              'idempotency_error',
              'Keys for idempotent requests can only be used with the same parameters they were first used with.',
            );
          }
          reply(seen.status, seen.body, { 'Idempotent-Replayed': 'true', 'Idempotency-Key': key });
          return;
        }
        const body = route(method, url.pathname, params);
        idempotency.set(key, { fingerprint, status: 200, body });
        reply(200, body, { 'Idempotency-Key': key });
        return;
      }
      reply(200, route(method, url.pathname, params));
    } catch (err) {
      if (err instanceof StripeApiError) {
        reply(err.status, err.toJson(), err.status >= 500 ? { 'Stripe-Should-Retry': 'true' } : {});
        return;
      }
      reply(500, { error: { type: 'api_error', message: 'internal error' } });
    }
  };

  const payRoute = async (req: IncomingMessage, res: ServerResponse, id: string) => {
    const session = objects.findSession(id);
    if (!session) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    if (req.method === 'POST' && session.status === 'open') await fake.completeSession(id);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(payPage(session));
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const pay = /^\/pay\/([\w-]+)$/.exec(url.pathname);
    (pay ? payRoute(req, res, pay[1]!) : api(req, res, url)).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  baseUrl = await listenLocal(server, options.port);

  const control = (make: () => [string, Json][]) =>
    emit(make().map(([type, object]) => buildEvent(type, object)));

  const fake: StripeFake = {
    apiRoot: baseUrl,
    secretKey,
    webhookSecret,
    webhookUrl: options.webhookUrl,
    autoDeliver: options.autoDeliver ?? true,
    objects,
    completeSession: (id, opts = {}) =>
      control(() => objects.complete(id, opts.asyncPayment ?? false)),
    succeedAsyncPayment: (id) => control(() => objects.settleAsync(id, true)),
    failAsyncPayment: (id) => control(() => objects.settleAsync(id, false)),
    expireSession: (id) => control(() => objects.expire(id).events),
    renewSubscription: (id) => control(() => objects.renew(id)),
    failRefund: (id, reason = 'expired_or_canceled_card') =>
      control(() => objects.failRefund(id, reason)),
    refundFromDashboard: (paymentIntentId, amount) =>
      control(() => {
        const { refund, events } = objects.createRefund({
          payment_intent: paymentIntentId,
          ...(amount === undefined ? {} : { amount: String(amount) }),
        });
        return [['refund.created', refund], ...events];
      }),
    buildEvent,
    sendEvent,
    takeEvents: () => queued.splice(0),
    events: () => [...generated],
    async settle() {
      while (inflight.size > 0) await Promise.all([...inflight]);
    },
    failNext(method, pathPrefix, status = 500, count = 1) {
      failures.push({ method: method.toUpperCase(), prefix: pathPrefix, status, left: count });
    },
    requestCount: (method, path) => counts.get(`${method.toUpperCase()} ${path}`) ?? 0,
    async close() {
      await fake.settle();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
