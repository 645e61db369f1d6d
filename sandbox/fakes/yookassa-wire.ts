import { request as httpRequest, type ServerResponse } from 'node:http';

/** Wire helpers of the YooKassa fake: error class, JSON answers, amounts, outgoing notifications. */

export type Json = Record<string, unknown>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    description: string,
    readonly parameter?: string,
  ) {
    super(description);
  }
}

export function send(res: ServerResponse, status: number, body: Json): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function kopecks(amount: unknown): number {
  const { value } = amount as { value: string };
  const [rubles = '0', fraction = ''] = value.split('.');
  return Number(rubles) * 100 + Number(fraction.padEnd(2, '0'));
}

export function money(kopecksValue: number): string {
  return `${Math.floor(kopecksValue / 100)}.${String(kopecksValue % 100).padStart(2, '0')}`;
}

export function validAmount(amount: unknown): { value: string; currency: string } {
  const a = amount as { value?: unknown; currency?: unknown } | undefined;
  if (
    typeof a?.value !== 'string' ||
    !/^\d+(\.\d{1,2})?$/.test(a.value) ||
    kopecks(a) <= 0 ||
    a.currency !== 'RUB'
  ) {
    throw new ApiError(400, 'invalid_request', 'Amount is invalid', 'amount');
  }
  return { value: a.value, currency: a.currency };
}

export function postJson(
  url: string,
  body: Json,
  localAddress: string,
  options: { forwardedFor?: string | undefined },
): Promise<number> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: 'POST',
        localAddress,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(text),
          ...(options.forwardedFor ? { 'x-forwarded-for': options.forwardedFor } : {}),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}
