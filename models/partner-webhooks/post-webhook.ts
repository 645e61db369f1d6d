import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isPublicHost } from '../urls.js';

/** How long one attempt may take, connection to the end of the answer. */
export const webhookTimeoutMs = 10_000;
/** Bytes of an answer read (and thrown away) before the connection is closed. */
const maxAnswerBytes = 64 * 1024;

/** What one POST came to: the answer's status, or why there was none (no secret, no URL). */
export interface PostOutcome {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

class AttemptTimeout extends Error {}

/** A short, secret-free reason for a failed request: a system error code, never a message. */
function reasonOf(err: unknown): string {
  if (err instanceof AttemptTimeout) return 'timeout';
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code) ? code : 'request failed';
}

/**
 * POSTs a body to an endpoint once: the host is resolved first and every address must be public
 * unless `allowPrivate` (the connection then uses exactly the checked address, so a second
 * resolution cannot point it elsewhere); redirects are never followed (a 3xx is an answer); the
 * whole attempt is cut at `timeoutMs`. Never throws.
 */
export async function postWebhook(request: {
  url: string;
  body: string;
  headers: Record<string, string>;
  allowPrivate: boolean;
  timeoutMs?: number;
}): Promise<PostOutcome> {
  const started = performance.now();
  const done = (statusCode: number | null, error: string | null): PostOutcome => ({
    statusCode,
    error,
    durationMs: Math.round(performance.now() - started),
  });
  const url = new URL(request.url);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: { address: string; family: number }[];
  try {
    addresses = await lookup(host, { all: true });
  } catch (err) {
    return done(null, `dns ${reasonOf(err)}`);
  }
  const chosen = addresses[0];
  if (!chosen) return done(null, 'dns no address');
  if (!request.allowPrivate && addresses.some((a) => !isPublicHost(a.address)))
    return done(null, 'address not allowed');
  const pinned: LookupFunction = (_name, options, callback) => {
    if (options.all) callback(null, [chosen]);
    else callback(null, chosen.address, chosen.family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (statusCode: number | null, error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(done(statusCode, error));
    };
    const req = client.request(url, {
      method: 'POST',
      headers: { ...request.headers, 'Content-Length': String(Buffer.byteLength(request.body)) },
      lookup: pinned,
      agent: false,
    });
    const timer = setTimeout(
      () => req.destroy(new AttemptTimeout()),
      request.timeoutMs ?? webhookTimeoutMs,
    );
    req.on('response', (res) => {
      let read = 0;
      res.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > maxAnswerBytes) {
          res.destroy();
          finish(res.statusCode ?? null, null);
        }
      });
      res.on('end', () => finish(res.statusCode ?? null, null));
      res.on('error', (err) => finish(null, reasonOf(err)));
    });
    req.on('error', (err) => finish(null, reasonOf(err)));
    req.end(request.body);
  });
}
