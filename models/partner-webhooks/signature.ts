import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Every signing secret starts with this; the rest is 32 random bytes in base64url. */
export const webhookSecretMarker = 'whsec_';

/** A fresh signing secret `whsec_<base64url of 32 random bytes>` (shown once, kept to sign). */
export function generateWebhookSecret(): string {
  return `${webhookSecretMarker}${randomBytes(32).toString('base64url')}`;
}

function hmacHex(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

/**
 * The `LytSlot-Signature` header of a body sent at `timestamp` (unix seconds):
 * `t=<timestamp>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`, one `v1=` per secret (the current
 * one first, then the previous one during a rotation's overlap).
 */
export function signWebhook(body: string, secrets: string[], timestamp: number): string {
  return [`t=${timestamp}`, ...secrets.map((s) => `v1=${hmacHex(s, timestamp, body)}`)].join(',');
}

/**
 * The check a partner runs on a received webhook (docs/api.md has it as a Node example): true when
 * one `v1=` of `header` is the HMAC of `"<t>.<body>"` with `secret` and `t` is within
 * `toleranceSec` of now. Compare the raw body as received, before parsing it.
 */
export function verifyWebhookSignature(
  header: string,
  body: string,
  secret: string,
  toleranceSec = 300,
  // eslint-disable-next-line no-restricted-syntax -- the partner's reference check runs on real time
  nowSec = Math.floor(Date.now() / 1000),
): boolean {
  const parts = header.split(',').map((part) => part.trim().split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isSafeInteger(t) || Math.abs(nowSec - t) > toleranceSec) return false;
  const expected = Buffer.from(hmacHex(secret, t, body), 'hex');
  return parts
    .filter(([k, v]) => k === 'v1' && v !== undefined && /^[0-9a-f]{64}$/.test(v))
    .some(([, v]) => timingSafeEqual(Buffer.from(v!, 'hex'), expected));
}
