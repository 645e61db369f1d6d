import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, createStreamDestination } from '../../models/logger.js';

/** A stdout whose reader went away after `accepted` lines: every later write fails with EPIPE. */
function closingPipe(accepted: number) {
  const written: string[] = [];
  let attempts = 0;
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      attempts += 1;
      if (written.length >= accepted) {
        callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
        return;
      }
      written.push(chunk.toString());
      callback();
    },
  });
  return { stream, written, attempts: () => attempts };
}

describe('the logger on a stdout that goes away', () => {
  it('stops writing for good after the first EPIPE, without throwing', async () => {
    const pipe = closingPipe(2);
    const logger = createLogger({
      level: 'info',
      destination: createStreamDestination(pipe.stream),
    });
    for (let i = 0; i < 3; i++) logger.info({ i }, 'line');
    await new Promise((resolve) => setImmediate(resolve));
    for (let i = 3; i < 100; i++) logger.info({ i }, 'line');
    await new Promise((resolve) => setImmediate(resolve));
    expect(pipe.written.map((l) => (JSON.parse(l) as { i: number }).i)).toEqual([0, 1]);
    expect(pipe.attempts()).toBe(3);
  });

  it('one destination (and one error listener) per stream, however many loggers', () => {
    const pipe = closingPipe(10);
    const first = createStreamDestination(pipe.stream);
    expect(createStreamDestination(pipe.stream)).toBe(first);
    expect(pipe.stream.listenerCount('error')).toBe(1);
  });
});
