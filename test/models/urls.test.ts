import { describe, expect, it } from 'vitest';
import { isPublicHost, isPublicHttpsUrl, maskUrlPasswords } from '../../models/urls.js';

describe('isPublicHttpsUrl', () => {
  const judge = (urls: (string | undefined)[], expected: boolean) => {
    for (const url of urls) expect(isPublicHttpsUrl(url), String(url)).toBe(expected);
  };

  it('accepts https URLs on public names and addresses', () => {
    judge(
      [
        'https://lytslot.example.com',
        'https://ads.example.org:8443/base/',
        'https://t.me/lytslot_bot',
        'https://8.8.8.8/r',
        'https://[2001:4860:4860::8888]/',
        'https://172.32.0.1', // just outside 172.16.0.0/12
        'https://100.128.0.1', // just outside 100.64.0.0/10
      ],
      true,
    );
  });

  it('refuses http, other schemes, missing and unparseable values', () => {
    judge(
      [
        undefined,
        '',
        'lytslot.example.com',
        'http://lytslot.example.com',
        'ftp://lytslot.example.com',
        'https://',
      ],
      false,
    );
  });

  it('refuses local names: localhost, single labels, *.localhost, *.local, *.internal', () => {
    judge(
      [
        'https://localhost',
        'https://LOCALHOST.:3000',
        'https://app.localhost',
        'https://lytslot',
        'https://printer.local',
        'https://api.internal',
        'https://nas.home.arpa',
      ],
      false,
    );
  });

  it('refuses loopback, private, link-local, CGNAT and unique-local addresses in any spelling', () => {
    judge(
      [
        'https://127.0.0.1',
        'https://127.1', // the URL parser normalizes it to 127.0.0.1
        'https://0x7f000001',
        'https://0.0.0.0',
        'https://10.1.2.3',
        'https://172.16.0.1',
        'https://172.31.255.254',
        'https://192.168.1.10',
        'https://169.254.169.254',
        'https://100.64.0.1',
        'https://[::1]',
        'https://[::]',
        'https://[::ffff:127.0.0.1]',
        'https://[fd12:3456::1]',
        'https://[fe80::1]',
      ],
      false,
    );
  });

  it('judges bare hostnames the same way', () => {
    expect(isPublicHost('example.com')).toBe(true);
    expect(isPublicHost('[::1]')).toBe(false);
    expect(isPublicHost('localhost')).toBe(false);
  });
});

describe('maskUrlPasswords', () => {
  it('masks the password of connection strings and keeps the rest', () => {
    expect(maskUrlPasswords('postgres://app:s3cret@db:5432/lytslot')).toBe(
      'postgres://app:***@db:5432/lytslot',
    );
    expect(maskUrlPasswords('connect redis://:hunter2@cache:6379 failed')).toBe(
      'connect redis://:***@cache:6379 failed',
    );
    expect(maskUrlPasswords('a postgresql://u:p@h/a and b rediss://u2:p2@h2/0')).toBe(
      'a postgresql://u:***@h/a and b rediss://u2:***@h2/0',
    );
  });

  it('masks passwords that contain @ or / (malformed URLs) up to the last @', () => {
    expect(maskUrlPasswords('postgres://app:p@ss/w@rd@db/x')).toBe('postgres://app:***@db/x');
  });

  it('leaves URLs without a password and plain text alone', () => {
    for (const text of [
      'postgres://app@db/lytslot',
      'https://example.com/a?b=c',
      'write to admin@example.com',
      'ratio 3:2 @ noon',
    ]) {
      expect(maskUrlPasswords(text)).toBe(text);
    }
  });
});
