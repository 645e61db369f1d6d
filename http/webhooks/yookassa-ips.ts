import { isIP } from 'node:net';

/** The addresses YooKassa sends notifications from (yookassa.ru/developers/using-api/webhooks). */
export const yooKassaNotificationRanges: readonly string[] = [
  '185.71.76.0/27',
  '185.71.77.0/27',
  '77.75.153.0/25',
  '77.75.156.11',
  '77.75.156.35',
  '77.75.154.128/25',
  '2a02:5180::/32',
];

interface Cidr {
  family: 4 | 6;
  bits: bigint;
  prefix: number;
}

/** A set of IPv4/IPv6 addresses and CIDR ranges; `has` accepts IPv4-mapped IPv6 ("::ffff:1.2.3.4"). */
export interface AddressSet {
  has(address: string): boolean;
}

/** Parses "a.b.c.d", "a.b.c.d/n", "v6" or "v6/n" entries; throws on anything else. */
export function addressSet(entries: readonly string[]): AddressSet {
  const cidrs = entries.map(parseCidr);
  return {
    has(address) {
      const parsed = parseAddress(address);
      if (!parsed) return false;
      return cidrs.some((c) => {
        if (c.family !== parsed.family) return false;
        const width = c.family === 4 ? 32 : 128;
        const shift = BigInt(width - c.prefix);
        return parsed.bits >> shift === c.bits >> shift;
      });
    },
  };
}

/**
 * The client's address: the socket peer, unless the peer is a trusted proxy — then the right-most
 * X-Forwarded-For hop that is not itself a trusted proxy (hops further left are client-supplied).
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | undefined,
  trustedProxies: AddressSet | undefined,
): string | undefined {
  if (!peer || !trustedProxies?.has(peer) || !forwardedFor) return peer;
  const hops = forwardedFor
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!trustedProxies.has(hop)) return hop;
  }
  return peer;
}

function parseCidr(entry: string): Cidr {
  const [address = '', prefixText, extra] = entry.trim().split('/');
  const parsed = parseAddress(address);
  const width = parsed?.family === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? width : Number(prefixText);
  if (
    !parsed ||
    extra !== undefined ||
    (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) ||
    prefix > width
  ) {
    throw new RangeError(`Not an IP address or CIDR range: ${JSON.stringify(entry)}`);
  }
  return { family: parsed.family, bits: parsed.bits, prefix };
}

function parseAddress(input: string): { family: 4 | 6; bits: bigint } | undefined {
  let address = input.trim();
  if (address.startsWith('[') && address.endsWith(']')) address = address.slice(1, -1);
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) address = mapped[1]!;
  const family = isIP(address);
  if (family === 4) {
    const bits = address.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
    return { family: 4, bits };
  }
  if (family === 6) {
    const zoneless = address.replace(/%.*$/, '');
    return { family: 6, bits: ipv6Bits(zoneless) };
  }
  return undefined;
}

/** 128 bits of a valid IPv6 address (already checked by isIP), "::" and an IPv4 tail expanded. */
function ipv6Bits(address: string): bigint {
  let text = address;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1]!.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, -v4[1]!.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}
