import { describe, expect, it } from 'vitest';
import { defaultChannelSettings } from '../../../models/channels/settings.js';
import { createI18n } from '../../../bot/i18n.js';
import type { HtmlArgs } from '../../../messages/i18n.js';
import {
  inputErrorText,
  parseInput,
  promptFor,
  type InputRequest,
} from '../../../bot/features/selling/inputs.js';
import type { InputCode } from '../../../models/channels/settings-input.js';

const channelId = '00000000-0000-4000-8000-000000000001';
const today = '2026-11-26';

describe('selling inputs', () => {
  it('turns typed values into settings changes', () => {
    expect(parseInput({ kind: 'price', channelId, formatIndex: 1 }, '1 500', today)).toEqual({
      ok: true,
      value: { field: 'price', format: '2/48', value: 150_000 },
    });
    expect(parseInput({ kind: 'pinned', channelId }, '24 1 500,50', today)).toEqual({
      ok: true,
      value: { field: 'pinned', value: { hours: 24, price: 150_050 } },
    });
    expect(parseInput({ kind: 'pinned', channelId }, '24', today)).toMatchObject({ code: 'empty' });
    expect(parseInput({ kind: 'pinned', channelId }, '200 100', today)).toMatchObject({
      code: 'out_of_range',
    });
    expect(parseInput({ kind: 'times', channelId, days: [1, 2] }, '9:00 18:00', today)).toEqual({
      ok: true,
      value: {
        field: 'schedule',
        value: { mode: 'times', days: [1, 2], times: ['09:00', '18:00'] },
      },
    });
    expect(
      parseInput({ kind: 'windows', channelId, days: [6], step: 30 }, '10:00-12:00', today),
    ).toEqual({
      ok: true,
      value: {
        field: 'schedule',
        value: {
          mode: 'windows',
          days: [6],
          windows: [{ from: '10:00', to: '12:00' }],
          stepMinutes: 30,
        },
      },
    });
    expect(parseInput({ kind: 'blackout', channelId }, '31.12', today)).toEqual({
      ok: true,
      value: { field: 'blackoutToggle', date: '2026-12-31' },
    });
  });

  it('explains every refusal in both languages, quoting only the start of a long token', () => {
    const i18n = createI18n();
    for (const locale of ['en', 'ru']) {
      const t = (key: string, variables?: HtmlArgs) => i18n.t(locale, key, variables);
      const long = parseInput({ kind: 'horizon', channelId }, `<${'9'.repeat(4000)}`, today);
      expect(long.ok).toBe(false);
      if (long.ok) return;
      const text = inputErrorText(t, long.code, long.detail);
      expect(text.length).toBeLessThan(200);
      expect(text).toContain('&lt;9999');
      expect(text).not.toContain('<9');
      const prompt = promptFor(
        t,
        { kind: 'price', channelId, formatIndex: 0 },
        defaultChannelSettings(locale),
        locale,
      );
      expect(prompt).toContain('1/24');
    }
  });

  it('renders every prompt and every refusal in both languages (no missing variables)', () => {
    const i18n = createI18n();
    const requests: InputRequest[] = [
      ...(
        [
          'timezone',
          'lead',
          'horizon',
          'blackout',
          'maxday',
          'description',
          'bundle',
          'pinned',
        ] as const
      ).map((kind) => ({ kind, channelId })),
      { kind: 'price', channelId, formatIndex: 3 },
      { kind: 'times', channelId, days: [1] },
      { kind: 'windows', channelId, days: [1], step: 15 },
    ];
    const codes: InputCode[] = [
      'empty',
      'bad_time',
      'too_many',
      'bad_window',
      'bad_step',
      'bad_number',
      'out_of_range',
      'not_positive',
      'too_many_decimals',
      'too_large',
      'bad_timezone',
      'bad_date',
      'past_date',
      'too_long',
    ];
    for (const locale of ['en', 'ru']) {
      const t = (key: string, variables?: HtmlArgs) => i18n.t(locale, key, variables);
      const settings = {
        ...defaultChannelSettings(locale),
        pinned: { hours: 24, price: 100_00 },
        bundleDiscount: { minSlots: 3, percent: 10 },
        maxPerDay: 4,
      };
      for (const request of requests) {
        expect(promptFor(t, request, settings, locale), request.kind).not.toMatch(/\{\s*\$/);
      }
      for (const code of codes) {
        const text = inputErrorText(t, code, { token: 'x', min: 1, max: 2, length: 3 });
        expect(text, code).not.toMatch(/\{\s*\$|^selling-/);
      }
    }
  });
});
