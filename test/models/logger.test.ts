import { describe, expect, it } from 'vitest';
import { createLogger, maskSecrets } from '../../models/logger.js';

const token = `1234567:${'AbCdEfGhIjKlMnOpQrStUvWxYz0123456'}`;

describe('logger', () => {
  it('never writes bot tokens, keys or passwords', () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'info',
      destination: { write: (l: string) => void lines.push(l) },
    });
    logger.info(
      { token: 'tok', config: { secretKey: 'sk_live_1', apiKey: 'k' } },
      `calling https://api.telegram.org/bot${token}/getMe`,
    );
    logger.error({ err: new Error(`request to /bot${token}/sendMessage failed`) }, 'boom');
    const text = lines.join('\n');
    expect(text).not.toContain(token);
    expect(text).not.toContain('sk_live_1');
    expect(text).not.toMatch(/"token":"tok"/);
    expect(text).toContain('<bot-token>');
    expect(lines).toHaveLength(2);
  });

  it('masks tokens inside free text', () => {
    expect(maskSecrets(`x ${token} y`)).toBe('x <bot-token> y');
    expect(maskSecrets('order 12345 of 2026')).toBe('order 12345 of 2026');
  });
});

describe('logger: connection strings and the webhook secret', () => {
  const capture = () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'info',
      destination: { write: (l: string) => void lines.push(l) },
    });
    return { logger, text: () => lines.join('\n') };
  };

  it('masks URL passwords in free text, keeping user and host', () => {
    expect(maskSecrets('connect postgres://app:pg-pass-1@db:5432/lytslot failed')).toBe(
      'connect postgres://app:***@db:5432/lytslot failed',
    );
    expect(maskSecrets(`redis://:rd-pass-2@cache:6379 /bot${token}/getMe`)).toBe(
      'redis://:***@cache:6379 /bot<bot-token>/getMe',
    );
  });

  it('never writes a database or Redis password: messages, errors, their stacks and fields', () => {
    const { logger, text } = capture();
    const databaseUrl = 'postgres://app:pg-pass-1@db.internal:5432/lytslot';
    logger.error({ err: new Error(`connection to ${databaseUrl} refused`) }, 'db down');
    // new URL() keeps the bad input on the error (err.input) — pg throws these for bad URLs.
    let invalid: unknown;
    try {
      new URL('redis://:rd-pass-2@cache:notaport');
    } catch (error) {
      invalid = error;
    }
    logger.error({ err: invalid }, 'bad REDIS_URL');
    logger.error(
      { err: new Error('outer', { cause: new Error(`inner ${databaseUrl}`) }) },
      'caused',
    );
    logger.warn({ url: databaseUrl }, `retrying ${databaseUrl}`);
    const written = text();
    expect(written).not.toContain('pg-pass-1');
    expect(written).not.toContain('rd-pass-2');
    expect(written).toContain('postgres://app:***@db.internal:5432/lytslot');
    expect(written).toContain('redis://:***@cache:notaport');
  });

  it('redacts the Telegram webhook secret header and config fields', () => {
    const { logger, text } = capture();
    const secret = 'whsec_Very-Secret-123';
    const headers = { 'x-telegram-bot-api-secret-token': secret, 'content-type': 'json' };
    logger.info({ req: { headers } }, 'webhook request');
    logger.info({ headers }, 'webhook headers');
    logger.info({ config: { botWebhookSecret: secret }, secretToken: secret }, 'settings');
    const written = text();
    expect(written).not.toContain(secret);
    expect(written).toContain('[redacted]');
    expect(written).toContain('"content-type":"json"');
  });
});
