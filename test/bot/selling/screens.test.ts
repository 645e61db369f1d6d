import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../bot/i18n.js';
import type { HtmlArgs } from '../../../messages/i18n.js';
import {
  catalogScreen,
  formatsScreen,
  reviewScreen,
} from '../../../bot/features/selling/screens-offer.js';
import {
  daysScreen,
  mainScreen,
  scheduleScreen,
  stepScreen,
  timezoneScreen,
} from '../../../bot/features/selling/screens.js';
import { defaultChannelSettings } from '../../../models/channels/settings.js';
import type { SellingView } from '../../../models/selling/update-settings.js';

const channelId = '0b6f2c1e-1234-4abc-8def-0123456789ab';

function view(locale: string, full: boolean): SellingView {
  const base = defaultChannelSettings(locale);
  return {
    channelId,
    workspaceId: '1b6f2c1e-1234-4abc-8def-0123456789ab',
    title: 'A <b>&',
    username: null,
    role: 'owner',
    settings: full
      ? {
          ...base,
          schedule: {
            mode: 'windows',
            days: [1, 7],
            windows: [{ from: '10:00', to: '22:00' }],
            stepMinutes: 30,
          },
          prices: { '1/24': 150_000, '1/0': 99 },
          pinned: { hours: 24, price: 500_00 },
          blackoutDates: ['2099-01-01'],
          maxPerDay: 3,
          category: 'travel',
          description: 'Trips <3',
          review: { mode: 'auto' },
          bundleDiscount: { minSlots: 3, percent: 10 },
        }
      : base,
  };
}

describe('selling screens', () => {
  it('render in both languages with escaped titles and callback data within 64 bytes', () => {
    const i18n = createI18n();
    for (const locale of ['en', 'ru']) {
      const t = (key: string, variables?: HtmlArgs) => i18n.t(locale, key, variables);
      for (const full of [false, true]) {
        const v = view(locale, full);
        const screens = [
          mainScreen(t, v, locale),
          timezoneScreen(t, v),
          scheduleScreen(t, v),
          daysScreen(t, v, 't', 127),
          daysScreen(t, v, 'w', 0),
          stepScreen(t, v, 31),
          formatsScreen(t, v, locale),
          catalogScreen(t, v),
          reviewScreen(t, v),
        ];
        for (const screen of screens) {
          expect(screen.text).not.toMatch(/\{\s*\$|<b>&/);
          expect(screen.text.length).toBeLessThan(4096);
          for (const button of screen.keyboard.inline_keyboard.flat()) {
            const data = 'callback_data' in button ? button.callback_data : '';
            expect(Buffer.byteLength(data ?? ''), data).toBeLessThanOrEqual(64);
            expect(button.text).not.toMatch(/\{\s*\$/);
          }
        }
        if (full) expect(screens[0]?.text).toContain('A &lt;b&gt;&amp;');
      }
    }
  });
});
