import { BlockList, isIP } from 'node:net';

/** Addresses no one outside this machine or network reaches (RFC 6890 special-purpose ranges). */
const nonPublicAddresses = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local
  ['172.16.0.0', 12], // private
  ['192.168.0.0', 16], // private
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  nonPublicAddresses.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback (IPv4-mapped addresses are checked against the IPv4 ranges)
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  nonPublicAddresses.addSubnet(network, prefix, 'ipv6');
}

/** Names that only resolve inside a machine or a private network. */
const privateSuffixes = ['localhost', 'local', 'internal', 'lan', 'home.arpa'];

/**
 * Whether a URL hostname (as `new URL().hostname` gives it) can be reached from the internet: not
 * localhost or a single-label name, not under a private suffix, not a loopback, private,
 * link-local, CGNAT or unique-local address.
 */
export function isPublicHost(hostname: string): boolean {
  const host = hostname
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
  const family = isIP(host);
  if (family !== 0) return !nonPublicAddresses.check(host, family === 4 ? 'ipv4' : 'ipv6');
  if (!host.includes('.')) return false;
  return !privateSuffixes.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));
}

/** Whether `url` is an https:// URL on a public host: what Telegram accepts for links and webhooks. */
export function isPublicHttpsUrl(url: string | undefined): boolean {
  if (!url || !URL.canParse(url)) return false;
  const parsed = new URL(url);
  return parsed.protocol === 'https:' && isPublicHost(parsed.hostname);
}

/** `scheme://user:password@` anywhere in a text (up to the last `@` before a space). */
const passwordInUrl = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:@/?#]*):\S*@/gi;

/** The text with every URL password masked: `postgres://app:s3cret@db` ⇒ `postgres://app:***@db`. */
export function maskUrlPasswords(text: string): string {
  return text.replace(passwordInUrl, '$1:***@');
}

/** True when every %-escape in a URL path decodes to UTF-8 (decodeURIComponent would not throw). */
export function isDecodablePath(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}
