import { describe, expect, it } from 'vitest';
import {
  addressSet,
  clientAddress,
  yooKassaNotificationRanges,
} from '../../../http/webhooks/yookassa-ips.js';

const published = addressSet(yooKassaNotificationRanges);

describe('YooKassa notification ranges', () => {
  it('accepts addresses inside each published range and nothing just outside', () => {
    const inside = [
      '185.71.76.0',
      '185.71.76.31',
      '185.71.77.17',
      '77.75.153.0',
      '77.75.153.127',
      '77.75.156.11',
      '77.75.156.35',
      '77.75.154.128',
      '77.75.154.255',
      '2a02:5180::1',
      '2a02:5180:ffff:ffff:ffff:ffff:ffff:ffff',
      '::ffff:185.71.76.5',
      '::FFFF:77.75.156.11',
    ];
    const outside = [
      '185.71.76.32',
      '185.71.75.255',
      '185.71.77.32',
      '77.75.153.128',
      '77.75.156.12',
      '77.75.156.34',
      '77.75.154.127',
      '2a02:5181::1',
      '2a02:517f:ffff::1',
      '127.0.0.1',
      '::1',
      '::ffff:127.0.0.1',
      '',
      'not an ip',
      '185.71.76.1/27',
    ];
    for (const address of inside) expect(published.has(address), address).toBe(true);
    for (const address of outside) expect(published.has(address), address).toBe(false);
  });

  it('parses single addresses, /0 and IPv6 with an IPv4 tail; rejects malformed entries', () => {
    expect(addressSet(['127.0.0.2/32']).has('127.0.0.2')).toBe(true);
    expect(addressSet(['127.0.0.2/32']).has('127.0.0.3')).toBe(false);
    expect(addressSet(['0.0.0.0/0']).has('8.8.8.8')).toBe(true);
    expect(addressSet(['0.0.0.0/0']).has('::1')).toBe(false);
    expect(addressSet(['::/0']).has('2001:db8::1')).toBe(true);
    expect(addressSet(['64:ff9b::/96']).has('64:ff9b::10.0.0.1')).toBe(true);
    expect(addressSet(['64:ff9b::a00:1']).has('64:ff9b::10.0.0.1')).toBe(true);
    expect(addressSet(['2001:db8::/126']).has('2001:db8::3')).toBe(true);
    expect(addressSet(['2001:db8::/126']).has('2001:db8::4')).toBe(false);
    for (const bad of ['10.0.0.0/33', '::/129', '10.0.0/8', '10.0.0.0/8/1', 'x', '1.2.3.4/-1']) {
      expect(() => addressSet([bad]), bad).toThrow(RangeError);
    }
  });
});

describe('clientAddress', () => {
  const proxy = addressSet(['10.0.0.5']);

  it('is the socket peer when the peer is not a trusted proxy, whatever X-Forwarded-For says', () => {
    expect(clientAddress('203.0.113.9', '185.71.76.1', proxy)).toBe('203.0.113.9');
    expect(clientAddress('203.0.113.9', '185.71.76.1', undefined)).toBe('203.0.113.9');
  });

  it('behind the trusted proxy: the right-most hop that is not a trusted proxy', () => {
    expect(clientAddress('10.0.0.5', '185.71.76.1', proxy)).toBe('185.71.76.1');
    // A client-forged left part is ignored: the proxy appended the real peer last.
    expect(clientAddress('10.0.0.5', '185.71.76.1, 203.0.113.9', proxy)).toBe('203.0.113.9');
    expect(clientAddress('::ffff:10.0.0.5', '203.0.113.9,185.71.76.1, 10.0.0.5', proxy)).toBe(
      '185.71.76.1',
    );
  });

  it('behind the trusted proxy without a usable header: the proxy itself', () => {
    expect(clientAddress('10.0.0.5', undefined, proxy)).toBe('10.0.0.5');
    expect(clientAddress('10.0.0.5', ' , ', proxy)).toBe('10.0.0.5');
  });
});
