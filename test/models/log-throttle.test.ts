import { describe, expect, it } from 'vitest';
import type { Clock } from '../../models/clock.js';
import { isDatabaseOutage } from '../../models/db-outage.js';
import { createKeyedLogThrottle, createOutageLog } from '../../models/log-throttle.js';
import { createLogger } from '../../models/logger.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    level: 'info',
    destination: { write: (line: string) => void lines.push(JSON.parse(line)) },
  });
  return { lines, logger };
}

function fakeClock(start = Date.UTC(2031, 0, 1)) {
  let now = start;
  const clock: Clock = { now: () => new Date(now), offsetMs: () => 0 };
  return { clock, advance: (ms: number) => void (now += ms) };
}

const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
  code: 'ECONNREFUSED',
});

describe('createKeyedLogThrottle', () => {
  it('one line per key a minute; the next line says how many were held back', () => {
    const { lines, logger } = capture();
    const { clock, advance } = fakeClock();
    const throttle = createKeyedLogThrottle(logger, { clock });
    for (let second = 0; second < 60; second++) {
      throttle.warn('clock sync', { second }, 'clock sync failed');
      advance(1000);
    }
    expect(lines.map((l) => l.second)).toEqual([0]);
    throttle.warn('clock sync', { second: 60 }, 'clock sync failed');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({ second: 60, suppressed: 59, msg: 'clock sync failed' });
    expect(lines[0]).not.toHaveProperty('suppressed');
  });

  it('keys are throttled apart; a window ends exactly everyMs after the last line', () => {
    const { lines, logger } = capture();
    const { clock, advance } = fakeClock();
    const throttle = createKeyedLogThrottle(logger, { clock, everyMs: 10_000 });
    throttle.error('job:a', {}, 'job failed');
    throttle.error('job:b', {}, 'job failed');
    throttle.error('job:a', {}, 'job failed');
    advance(9_999);
    throttle.error('job:a', {}, 'job failed');
    advance(1);
    throttle.error('job:a', {}, 'job failed');
    expect(lines.map((l) => [l.level, l.suppressed ?? 0])).toEqual([
      [50, 0],
      [50, 0],
      [50, 2],
    ]);
  });
});

describe('createOutageLog', () => {
  it('throttles database outages per key but logs every other error', () => {
    const { lines, logger } = capture();
    const { clock } = fakeClock();
    const log = createOutageLog(logger, { clock });
    for (let i = 0; i < 50; i++) log.error('job:x', refused, { job: 'x' }, 'job failed');
    for (let i = 0; i < 3; i++) log.error('job:x', new Error('bug'), { job: 'x' }, 'job failed');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ job: 'x', err: { code: 'ECONNREFUSED' } });
    expect(lines.slice(1).map((l) => (l.err as { message: string }).message)).toEqual([
      'bug',
      'bug',
      'bug',
    ]);
  });
});

describe('isDatabaseOutage', () => {
  const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

  it('knows a database that is down, restarting or gone away', () => {
    expect(isDatabaseOutage(refused)).toBe(true);
    expect(isDatabaseOutage(withCode('57P01', 'terminating connection due to admin'))).toBe(true);
    expect(isDatabaseOutage(withCode('08006'))).toBe(true);
    expect(isDatabaseOutage(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseOutage(new Error('timeout exceeded when trying to connect'))).toBe(true);
    // drizzle wraps the driver's error; Node reports every address refused as an AggregateError
    expect(isDatabaseOutage(new Error('Failed query: select 1', { cause: refused }))).toBe(true);
    expect(isDatabaseOutage(new AggregateError([refused], ''))).toBe(true);
  });

  it('a wrong query or a bug is no outage', () => {
    expect(isDatabaseOutage(withCode('23505', 'duplicate key'))).toBe(false);
    expect(isDatabaseOutage(withCode('42P01', 'relation does not exist'))).toBe(false);
    expect(isDatabaseOutage(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseOutage('ECONNREFUSED')).toBe(false);
    expect(isDatabaseOutage(undefined)).toBe(false);
  });
});
