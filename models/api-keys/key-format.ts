import { createHash, randomBytes } from 'node:crypto';

/** Every key starts with this; the rest is `<prefix>_<secret>`. */
export const apiKeyMarker = 'lsk_live_';
/** Length of the public prefix (a-z0-9): shown in lists, the look-up column. */
export const apiKeyPrefixLength = 10;
/** Bytes of randomness in the secret (base64url, 43 characters). */
const secretBytes = 32;
const secretLength = Math.ceil((secretBytes * 4) / 3);

const prefixAlphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
const keyPattern = new RegExp(
  `^${apiKeyMarker}([a-z0-9]{${apiKeyPrefixLength}})_([A-Za-z0-9_-]{${secretLength}})$`,
);

/** A freshly generated key: the full text (shown once), its prefix and the hash to store. */
export interface GeneratedApiKey {
  key: string;
  prefix: string;
  keyHash: string;
}

/** A random prefix of a-z0-9 without modulo bias (bytes ≥ 252 are skipped). */
function randomPrefix(): string {
  let prefix = '';
  while (prefix.length < apiKeyPrefixLength) {
    for (const byte of randomBytes(apiKeyPrefixLength * 2)) {
      if (byte >= 252 || prefix.length === apiKeyPrefixLength) continue;
      prefix += prefixAlphabet[byte % prefixAlphabet.length];
    }
  }
  return prefix;
}

/** The stored form of a key: hex sha256 of its full text (the secret itself is never stored). */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Generates `lsk_live_<prefix>_<secret>` from crypto.randomBytes. */
export function generateApiKey(): GeneratedApiKey {
  const prefix = randomPrefix();
  const key = `${apiKeyMarker}${prefix}_${randomBytes(secretBytes).toString('base64url')}`;
  return { key, prefix, keyHash: hashApiKey(key) };
}

/** The prefix of a well-formed key; undefined for anything else (no query should follow). */
export function parseApiKey(presented: string): { prefix: string } | undefined {
  const match = keyPattern.exec(presented);
  return match?.[1] === undefined ? undefined : { prefix: match[1] };
}
