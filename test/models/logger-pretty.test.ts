import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, createStreamDestination } from '../../models/logger.js';

const token = `1234567:${'AbCdEfGhIjKlMnOpQrStUvWxYz0123456'}`;

describe('pretty logs (a terminal)', () => {
  it('are one readable line per entry, secrets still masked, not JSON', () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'info',
      pretty: true,
      destination: { write: (l: string) => void lines.push(l) },
    });
    logger.info({ orderId: 'o-1', token: 'tok' }, `calling /bot${token}/getMe`);
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line).toMatch(/^\[\d{2}:\d{2}:\d{2}\.\d{3}\] INFO: calling \/bot<bot-token>\/getMe\n/);
    expect(line).toContain('orderId: "o-1"');
    expect(line).toContain('token: "[redacted]"');
    expect(line).not.toContain(token);
    expect(() => JSON.parse(line) as unknown).toThrow();
  });

  it('keep the EPIPE-safe destination: a closed stdout drops lines without throwing', () => {
    let attempts = 0;
    const written: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        attempts += 1;
        if (written.length >= 1) {
          callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
          return;
        }
        written.push(chunk.toString());
        callback();
      },
    });
    const logger = createLogger({
      level: 'info',
      pretty: true,
      destination: createStreamDestination(stream),
    });
    for (let i = 0; i < 5; i++) logger.info({ i }, 'line');
    expect(written).toHaveLength(1);
    expect(written[0]).toContain('INFO: line');
    expect(attempts).toBe(2);
  });

  it('are off for any destination unless asked: JSON lines for files, pipes and collectors', () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'info',
      destination: { write: (l: string) => void lines.push(l) },
    });
    logger.info({ orderId: 'o-1' }, 'hello');
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 30, msg: 'hello', orderId: 'o-1' });
  });
});
