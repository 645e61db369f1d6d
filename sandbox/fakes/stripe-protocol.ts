import { createHmac, randomBytes } from 'node:crypto';

export type Json = Record<string, unknown>;
export type Kind = 'payment_intent' | 'charge' | 'refund' | 'subscription' | 'invoice';
/** Events a state change causes: [type, object] in the order Stripe sends them. */
export type Events = [type: string, object: Json][];

/** A Stripe API error: `{ error: { type, code?, message, param? } }` with its HTTP status. */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: 'invalid_request_error' | 'api_error' | 'idempotency_error' | 'card_error',
    message: string,
    readonly code?: string,
    readonly param?: string,
  ) {
    super(message);
  }

  toJson(): Json {
    return {
      error: {
        type: this.type,
        message: this.message,
        ...(this.code ? { code: this.code } : {}),
        ...(this.param ? { param: this.param } : {}),
      },
    };
  }
}

/** Stripe-style object ids: `<prefix>_test_<random>`. */
export function stripeId(prefix: string): string {
  return `${prefix}_test_${randomBytes(12).toString('base64url')}`;
}

/**
 * Decodes Stripe's form encoding (`a[b][0][c]=v`, as the SDK sends bodies and query strings) into
 * nested objects; numeric segments build arrays. Values stay strings, like Stripe receives them.
 */
export function parseStripeForm(text: string): Json {
  const root: Json = {};
  for (const [rawKey, value] of new URLSearchParams(text)) {
    const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(rawKey);
    if (!match) throw new StripeApiError(400, 'invalid_request_error', `Invalid key ${rawKey}`);
    const path = [match[1]!, ...[...match[2]!.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]!)];
    let node: Json | unknown[] = root;
    path.forEach((segment, i) => {
      const last = i === path.length - 1;
      const key = segment === '' && Array.isArray(node) ? String(node.length) : segment;
      const container = node as Record<string, unknown>;
      if (last) {
        container[key] = value;
        return;
      }
      const nextIsIndex = /^\d*$/.test(path[i + 1]!);
      container[key] ??= nextIsIndex ? [] : {};
      node = container[key] as Json | unknown[];
    });
  }
  return root;
}

/** The Stripe-Signature header value Stripe sends: `t=<unix>,v1=<hmac-sha256(secret, "t.payload")>`. */
export function signStripePayload(payload: string, secret: string, timestamp: number): string {
  const v1 = createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest('hex');
  return `t=${timestamp},v1=${v1}`;
}

export const requiredString = (params: Json, name: string): string => {
  const value = params[name];
  if (typeof value !== 'string' || value === '') {
    throw new StripeApiError(
      400,
      'invalid_request_error',
      `Missing required param: ${name}.`,
      'parameter_missing',
      name,
    );
  }
  return value;
};

export const integerParam = (value: unknown, name: string, min = 0): number => {
  const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min) {
    throw new StripeApiError(
      400,
      'invalid_request_error',
      `Invalid integer: ${String(value)}`,
      'parameter_invalid_integer',
      name,
    );
  }
  return n;
};

export const stringMap = (value: unknown): Record<string, string> => {
  if (value === undefined || value === '') return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new StripeApiError(
      400,
      'invalid_request_error',
      'Invalid hash',
      'parameter_invalid',
      'metadata',
    );
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
};

export const nowSec = () => Math.floor(Date.now() / 1000);
export const addMonth = (unix: number) => {
  const at = new Date(unix * 1000);
  at.setUTCMonth(at.getUTCMonth() + 1);
  return Math.floor(at.getTime() / 1000);
};
export const missing = (kind: string, id: string) =>
  new StripeApiError(
    404,
    'invalid_request_error',
    `No such ${kind}: '${id}'`,
    'resource_missing',
    'id',
  );
export const invalid = (message: string, param?: string, code = 'parameter_invalid') =>
  new StripeApiError(400, 'invalid_request_error', message, code, param);
