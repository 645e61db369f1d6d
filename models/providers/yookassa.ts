import type { PaymentRefunder, ProviderRefundOutcome } from './types.js';
import { formatKopecks, parseKopecks } from './yookassa-amount.js';

export type YooKassaPaymentStatus = 'pending' | 'waiting_for_capture' | 'succeeded' | 'canceled';
export type YooKassaRefundStatus = 'pending' | 'succeeded' | 'canceled';

/** A payment as YooKassa reports it, amounts in integer kopecks. */
export interface YooKassaPayment {
  id: string;
  status: YooKassaPaymentStatus;
  paid: boolean;
  amount: number;
  currency: string;
  refundedAmount: number;
  metadata: Record<string, string>;
  confirmationUrl: string | undefined;
  cancellationReason: string | undefined;
}

export interface YooKassaRefund {
  id: string;
  paymentId: string;
  status: YooKassaRefundStatus;
  amount: number;
  currency: string;
  /** Why a canceled refund was canceled (cancellation_details.reason). */
  cancellationReason: string | undefined;
}

export interface CreateYooKassaPayment {
  idempotenceKey: string;
  amount: number;
  currency: 'RUB';
  description: string;
  returnUrl: string;
  metadata: Record<string, string>;
}

export interface YooKassaGateway {
  /** One payment per idempotence key (a retried create returns the same payment). */
  createPayment(
    input: CreateYooKassaPayment,
  ): Promise<{ paymentId: string; confirmationUrl: string; status: YooKassaPaymentStatus }>;
  getPayment(id: string): Promise<YooKassaPayment>;
  refund: PaymentRefunder;
  getRefund(id: string): Promise<YooKassaRefund>;
}

export interface YooKassaGatewayOptions {
  shopId: string;
  secretKey: string;
  /** e.g. https://api.yookassa.ru/v3 (tests: the local fake). */
  apiRoot: string;
  /** Extra attempts after a 5xx/202/429/network failure (default 3). */
  retries?: number;
  /** First backoff in ms, doubled per attempt (default 200). */
  backoffMs?: number;
  /** Per-request timeout in ms (default 15 000). */
  timeoutMs?: number;
}

/** A YooKassa API failure. `status` 0 = no HTTP answer (network, timeout). */
export class YooKassaError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly description: string,
  ) {
    super(`YooKassa ${status || 'network'} ${code}: ${description}`);
    this.name = 'YooKassaError';
  }

  /** Worth trying again with the same idempotence key. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 202 || this.status === 429 || this.status >= 500;
  }
}

const paymentStatuses = new Set<string>([
  'pending',
  'waiting_for_capture',
  'succeeded',
  'canceled',
]);
const refundStatuses = new Set<string>(['pending', 'succeeded', 'canceled']);

/** YooKassa API v3 adapter: Basic auth, JSON, Idempotence-Key on every POST, same key on retries. */
export function createYooKassaGateway(options: YooKassaGatewayOptions): YooKassaGateway {
  const root = options.apiRoot.replace(/\/+$/, '');
  const auth = `Basic ${Buffer.from(`${options.shopId}:${options.secretKey}`).toString('base64')}`;
  const retries = options.retries ?? 3;
  const backoffMs = options.backoffMs ?? 200;
  const timeoutMs = options.timeoutMs ?? 15_000;

  async function once(method: 'GET' | 'POST', path: string, body?: unknown, key?: string) {
    let response: Response;
    try {
      response = await fetch(`${root}${path}`, {
        method,
        headers: {
          authorization: auth,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(key ? { 'idempotence-key': key } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      throw new YooKassaError(0, 'network_error', err instanceof Error ? err.message : String(err));
    }
    const text = await response.text();
    let json: Record<string, unknown> = {};
    try {
      json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      // A proxy's HTML error page: keep the status, drop the body.
    }
    // 202: YooKassa is still processing this idempotent request; ask again later.
    if (response.status === 202 || !response.ok) {
      throw new YooKassaError(
        response.status,
        typeof json.code === 'string' ? json.code : `http_${response.status}`,
        typeof json.description === 'string' ? json.description : response.statusText,
      );
    }
    return json;
  }

  async function call(method: 'GET' | 'POST', path: string, body?: unknown, key?: string) {
    for (let attempt = 0; ; attempt++) {
      try {
        return await once(method, path, body, key);
      } catch (err) {
        if (!(err instanceof YooKassaError) || !err.retryable || attempt >= retries) throw err;
        await new Promise((resolve) => setTimeout(resolve, backoffMs * 2 ** attempt));
      }
    }
  }

  const post = (path: string, body: unknown, key: string) => call('POST', path, body, key);
  const get = (path: string) => call('GET', path);

  const gateway: YooKassaGateway = {
    async createPayment(input) {
      if (input.currency !== 'RUB') throw new RangeError('YooKassa payments are in RUB');
      const json = await post(
        '/payments',
        {
          amount: { value: formatKopecks(input.amount), currency: input.currency },
          capture: true,
          confirmation: { type: 'redirect', return_url: input.returnUrl },
          description: input.description.slice(0, 128),
          metadata: input.metadata,
        },
        input.idempotenceKey,
      );
      const payment = toPayment(json);
      if (!payment.confirmationUrl) {
        throw new YooKassaError(200, 'no_confirmation', 'payment has no confirmation_url');
      }
      return {
        paymentId: payment.id,
        confirmationUrl: payment.confirmationUrl,
        status: payment.status,
      };
    },
    async getPayment(id) {
      return toPayment(await get(`/payments/${encodeURIComponent(id)}`));
    },
    async getRefund(id) {
      return toRefund(await get(`/refunds/${encodeURIComponent(id)}`));
    },
    async refund(request): Promise<ProviderRefundOutcome> {
      try {
        const json = await post(
          '/refunds',
          {
            payment_id: request.providerPaymentId,
            amount: { value: formatKopecks(request.amount), currency: request.currency },
          },
          request.idempotencyKey,
        );
        const refund = toRefund(json);
        if (refund.status === 'canceled') {
          return { ok: false, alreadyRefunded: false, retryable: false, error: 'refund canceled' };
        }
        return { ok: true, refundId: refund.id, status: refund.status };
      } catch (err) {
        if (!(err instanceof YooKassaError)) throw err;
        if (err.retryable) {
          return { ok: false, alreadyRefunded: false, retryable: true, error: err.message };
        }
        // A 4xx: the payment may already be refunded in full (e.g. from the merchant cabinet).
        const payment = await gateway.getPayment(request.providerPaymentId).catch(() => undefined);
        const alreadyRefunded = payment !== undefined && payment.refundedAmount >= payment.amount;
        return { ok: false, alreadyRefunded, retryable: false, error: err.message };
      }
    },
  };
  return gateway;
}

function money(value: unknown): { amount: number; currency: string } | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { value: v, currency } = value as { value?: unknown; currency?: unknown };
  if (typeof v !== 'string' || typeof currency !== 'string') return undefined;
  return { amount: parseKopecks(v), currency };
}

function stringRecord(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).filter(
      (e): e is [string, string] => typeof e[1] === 'string',
    ),
  );
}

function malformed(what: string): YooKassaError {
  return new YooKassaError(200, 'malformed_response', `unexpected ${what} object`);
}

function toPayment(json: Record<string, unknown>): YooKassaPayment {
  const amount = money(json.amount);
  if (typeof json.id !== 'string' || !amount || !paymentStatuses.has(String(json.status))) {
    throw malformed('payment');
  }
  const confirmation = json.confirmation as { confirmation_url?: unknown } | undefined;
  const cancellation = json.cancellation_details as { reason?: unknown } | undefined;
  return {
    id: json.id,
    status: json.status as YooKassaPaymentStatus,
    paid: json.paid === true,
    amount: amount.amount,
    currency: amount.currency,
    refundedAmount: money(json.refunded_amount)?.amount ?? 0,
    metadata: stringRecord(json.metadata),
    confirmationUrl:
      typeof confirmation?.confirmation_url === 'string'
        ? confirmation.confirmation_url
        : undefined,
    cancellationReason: typeof cancellation?.reason === 'string' ? cancellation.reason : undefined,
  };
}

function toRefund(json: Record<string, unknown>): YooKassaRefund {
  const amount = money(json.amount);
  const cancellation = json.cancellation_details as { reason?: unknown } | undefined;
  if (
    typeof json.id !== 'string' ||
    typeof json.payment_id !== 'string' ||
    !amount ||
    !refundStatuses.has(String(json.status))
  ) {
    throw malformed('refund');
  }
  return {
    id: json.id,
    paymentId: json.payment_id,
    status: json.status as YooKassaRefundStatus,
    amount: amount.amount,
    currency: amount.currency,
    cancellationReason: typeof cancellation?.reason === 'string' ? cancellation.reason : undefined,
  };
}
