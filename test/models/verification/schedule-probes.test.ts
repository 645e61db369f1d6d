import { describe, expect, it } from 'vitest';
import { lifetimeEnd } from '../../../models/verification/lifetime.js';
import {
  pinCheckJob,
  planProbes,
  probeCount,
  probeJob,
  scheduleProbes,
} from '../../../models/verification/schedule-probes.js';
import { classifyCopyFailure } from '../../../models/verification/telegram-port.js';
import { isDuplicate, type PlacementViolation } from '../../../models/verification/violations.js';

const hour = 3_600_000;
const publishedAt = new Date('2026-03-01T12:00:00Z');
const at = (hours: number) => new Date(publishedAt.getTime() + hours * hour);

describe('probe planning', () => {
  it('lifetime ends at delete_at, or for forever formats at the latest of top, pin and 24 h', () => {
    expect(lifetimeEnd({ publishedAt, topUntil: at(1), pinUntil: null, deleteAt: at(24) })).toEqual(
      at(24),
    );
    expect(lifetimeEnd({ publishedAt, topUntil: at(1), pinUntil: null, deleteAt: null })).toEqual(
      at(24),
    );
    expect(lifetimeEnd({ publishedAt, topUntil: at(0), pinUntil: at(48), deleteAt: null })).toEqual(
      at(48),
    );
  });

  it('plans at least 3 probes, spread over the lifetime and never at its edges', () => {
    expect(probeCount(hour)).toBe(3);
    expect(probeCount(72 * hour)).toBe(6);
    expect(probeCount(1000 * hour)).toBe(14);
    for (const random of [() => 0, () => 0.5, () => 0.999999, Math.random]) {
      const plan = planProbes(
        { publishedAt, topUntil: at(1), pinUntil: null, deleteAt: at(24) },
        random,
      );
      expect(plan.pinChecks).toEqual([]);
      expect(plan.probes).toHaveLength(3);
      plan.probes.forEach((t, i) => {
        expect(t.getTime()).toBeGreaterThan(at(8 * i).getTime());
        expect(t.getTime()).toBeLessThan(at(8 * (i + 1)).getTime());
      });
    }
  });

  it('random times differ between placements', () => {
    const p = { publishedAt, topUntil: at(1), pinUntil: null, deleteAt: at(24) };
    const a = planProbes(p).probes.map(Number);
    const b = planProbes(p).probes.map(Number);
    expect(a).not.toEqual(b);
  });

  it('schedules probe and pin-check jobs with the placement id', async () => {
    const calls: [string, Record<string, unknown>, Date][] = [];
    const plan = await scheduleProbes(
      (name, data, when) => {
        calls.push([name, data, when]);
        return Promise.resolve();
      },
      { id: 'p1', publishedAt, topUntil: at(0), pinUntil: at(6), deleteAt: null },
      () => 0.5,
    );
    expect(calls.filter((c) => c[0] === probeJob)).toHaveLength(plan.probes.length);
    expect(calls.filter((c) => c[0] === pinCheckJob)).toHaveLength(3);
    expect(calls.every((c) => c[1].placementId === 'p1')).toBe(true);
    expect(plan.pinChecks.every((t) => t < at(6))).toBe(true);
  });
});

describe('copy failures', () => {
  it('only "message to copy not found" is a deletion', () => {
    expect(
      classifyCopyFailure({
        errorCode: 400,
        description: 'Bad Request: message to copy not found',
      }),
    ).toBe('missing');
    for (const description of [
      "Bad Request: message has protected content and can't be copied",
      'Bad Request: chat not found',
      'Forbidden: bot is not a member of the channel chat',
    ])
      expect(
        classifyCopyFailure({ errorCode: description.startsWith('F') ? 403 : 400, description }),
      ).toBe('unknown');
  });
});

describe('duplicates', () => {
  const top = (messageId: number, mediaGroupId?: string): PlacementViolation => ({
    kind: 'top',
    at: 'x',
    from: 'x',
    until: 'y',
    messageId,
    ...(mediaGroupId ? { mediaGroupId } : {}),
  });
  it('one top violation per post or album, one of each other kind', () => {
    expect(isDuplicate([top(5)], top(5))).toBe(true);
    expect(isDuplicate([top(5)], top(6))).toBe(false);
    expect(isDuplicate([top(5, 'g')], top(6, 'g'))).toBe(true);
    const pin: PlacementViolation = { kind: 'pin_removed', at: 'x', from: 'x', until: 'y' };
    expect(isDuplicate([pin], { ...pin, at: 'z' })).toBe(true);
  });
});
