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

  it('plans at least 6 spread probes plus a closing one: 7 for a 1/24, more for longer lifetimes', () => {
    expect(probeCount(24 * hour)).toBe(6);
    expect(probeCount(48 * hour)).toBe(8);
    expect(probeCount(72 * hour)).toBe(10);
    expect(probeCount(168 * hour)).toBe(18);
    expect(probeCount(1000 * hour)).toBe(24);
    const oneDay = { publishedAt, topUntil: at(1), pinUntil: null, deleteAt: at(24) };
    expect(planProbes({ ...oneDay, deleteAt: at(72) }).probes).toHaveLength(11);
    // 1/0 (never deleted) is watched over the 24 h it is settled on, like a 1/24.
    expect(planProbes({ ...oneDay, deleteAt: null }).probes).toHaveLength(7);
    // Segment i of 6 is [(i/6)², ((i+1)/6)²] of 24 h; the closing probe lies in the last 28.8 min.
    const edges = [0, 2 / 3, 8 / 3, 6, 32 / 3, 50 / 3, 24];
    for (const random of [() => 0, () => 0.5, () => 0.999999, Math.random]) {
      const plan = planProbes(oneDay, random);
      expect(plan.pinChecks).toEqual([]);
      expect(plan.probes).toHaveLength(7);
      const spread = plan.probes.slice(0, 6);
      spread.forEach((t, i) => {
        expect(t.getTime()).toBeGreaterThan(at(edges[i]!).getTime());
        expect(t.getTime()).toBeLessThan(at(edges[i + 1]!).getTime());
      });
      const closing = plan.probes[6]!.getTime();
      expect(closing).toBeGreaterThan(at(24).getTime() - 28.8 * 60_000);
      expect(closing).toBeLessThan(at(24).getTime());
    }
  });

  it('the first hours are watched most: 3 of the 7 probes of a 1/24 fall in its first quarter, one in its first 40 min', () => {
    for (let i = 0; i < 50; i += 1) {
      const probes = planProbes({
        publishedAt,
        topUntil: at(1),
        pinUntil: null,
        deleteAt: at(24),
      }).probes;
      expect(probes[0]!.getTime()).toBeLessThan(at(2 / 3).getTime());
      expect(probes.filter((t) => t < at(6))).toHaveLength(3);
      expect(probes.filter((t) => t >= at(50 / 3))).toHaveLength(2);
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
    expect(calls.filter((c) => c[0] === pinCheckJob)).toHaveLength(7);
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
