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
