import { isPublicHost } from '../urls.js';

/** Longest endpoint URL accepted. */
export const maxEndpointUrlLength = 2048;

/** Where endpoints may point: public https only, or (the sandbox, tests) also this machine. */
export interface WebhookTargetPolicy {
  /** On: http://localhost / 127.0.0.1 / [::1] and private hosts are allowed (never in production). */
  allowPrivate: boolean;
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The endpoint URL as stored, or undefined: an absolute https:// URL on a public host with no
 * user or password; with `allowPrivate`, also a private host, and http:// on this machine.
 */
export function normalizeEndpointUrl(url: string, policy: WebhookTargetPolicy): string | undefined {
  const trimmed = url.trim();
  if (trimmed.length > maxEndpointUrlLength || !URL.canParse(trimmed)) return undefined;
  const parsed = new URL(trimmed);
  if (parsed.username || parsed.password || parsed.hash) return undefined;
  const host = parsed.hostname.toLowerCase();
  if (parsed.protocol === 'http:')
    return policy.allowPrivate && loopbackHosts.has(host) ? parsed.toString() : undefined;
  if (parsed.protocol !== 'https:') return undefined;
  if (!policy.allowPrivate && !isPublicHost(host)) return undefined;
  return parsed.toString();
}
