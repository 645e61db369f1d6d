import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RateWindow } from '../../telegram/limits.js';
import { createMemorySchedule, type Reservation } from '../../telegram/schedule.js';
import { busiestWindow } from '../helpers/arrivals.js';

const perBot: RateWindow = { count: 30, windowMs: 1000 };
const perPrivate: RateWindow = { count: 1, windowMs: 1000 };
const perGroup: RateWindow = { count: 20, windowMs: 60_000 };

const reservation = (chat: number): Reservation => ({
  bot: { key: 'bot', window: perBot },
  chat: { key: `chat:${chat}`, window: chat > 0 ? perPrivate : perGroup },
});

describe('the memory schedule', () => {
  it("does not hold up other chats behind one chat's queue", () => {
    const schedule = createMemorySchedule();
    const first = Array.from({ length: 10 }, () => schedule.reserve(reservation(1001), 0));
    expect(first).toEqual([0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000]);
    // Booked 9 s ahead for one person, yet another person's first message goes now.
    expect(schedule.reserve(reservation(2002), 0)).toBe(0);
  });

  it('fills a free place earlier than the latest booking, never overfilling a window', () => {
    const schedule = createMemorySchedule();
    // 30 private chats at t=0 fill the bot's first second; a 2nd message to each goes at 1 s.
    for (let c = 1; c <= 30; c++) expect(schedule.reserve(reservation(c), 0)).toBe(0);
    for (let c = 1; c <= 30; c++) expect(schedule.reserve(reservation(c), 0)).toBe(1000);
    // A new chat's first message: the first second is full, the second too ⇒ 2 s.
    expect(schedule.reserve(reservation(31), 10)).toBe(2000);
  });

  it('forgets chats idle for longer than their windows (a long-lived process stays small)', () => {
    const schedule = createMemorySchedule();
    for (let c = 1; c <= 1000; c++) schedule.record(reservation(c), 0, 0);
    expect(schedule.size()).toBe(1001);
    // A minute on, the next call sweeps: only windows with a call still inside them are kept.
    schedule.record(reservation(7), 61_000, 61_000);
    expect(schedule.size()).toBe(2);
    expect(schedule.reserve(reservation(7), 61_500)).toBe(62_000);
  });

  it('holds every window and each chat’s order for any arrival pattern', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            gapMs: fc.integer({ min: 0, max: 400 }),
            chat: fc.constantFrom(1, 2, 3, 4, -5, -6),
          }),
          { minLength: 1, maxLength: 250 },
        ),
        (calls) => {
          const schedule = createMemorySchedule();
          let now = 0;
          const sent: { chat: number; at: number; asked: number }[] = [];
          for (const { gapMs, chat } of calls) {
            now += gapMs;
            sent.push({ chat, at: schedule.reserve(reservation(chat), now), asked: now });
          }
          expect(sent.every((s) => s.at >= s.asked)).toBe(true);
          expect(
            busiestWindow(
              sent.map((s) => s.at),
              perBot.windowMs,
            ),
          ).toBeLessThanOrEqual(30);
          for (const chat of new Set(sent.map((s) => s.chat))) {
            const times = sent.filter((s) => s.chat === chat).map((s) => s.at);
            const window = chat > 0 ? perPrivate : perGroup;
            expect(busiestWindow(times, window.windowMs)).toBeLessThanOrEqual(window.count);
            expect(times).toEqual([...times].sort((a, b) => a - b));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
