import { randomBytes } from 'node:crypto';
import { uuidSource } from '../uuid.js';

const pattern = new RegExp(`^sub:(${uuidSource}):([A-Za-z0-9_-]{6,32})$`, 'i');

/**
 * The invoice payload of a Stars subscription: `sub:<workspaceId>:<nonce>`. It stays the same on
 * every recurring payment, so it is also the subscription's provider id.
 */
export function subscriptionPayload(
  workspaceId: string,
  nonce = randomBytes(9).toString('base64url'),
) {
  return `sub:${workspaceId}:${nonce}`;
}

/** The workspace of a `sub:` payload, or undefined for anything else. */
export function parseSubscriptionPayload(payload: string): { workspaceId: string } | undefined {
  const match = pattern.exec(payload);
  return match?.[1] ? { workspaceId: match[1].toLowerCase() } : undefined;
}
