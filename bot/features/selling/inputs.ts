import { formatMoney } from '../../../format/money.js';
import { fixedFormats } from '../../../models/channels/formats.js';
import {
  descriptionLimit,
  parseBlackoutDate,
  parseBundleDiscount,
  parseDescription,
  parseHorizonDays,
  parseLeadTime,
  parseMaxPerDay,
  parsePinHours,
} from '../../../models/channels/settings-input-values.js';
import {
  parsePrice,
  parseTimes,
  parseTimezone,
  parseWindows,
  type InputCode,
  type WindowStep,
} from '../../../models/channels/settings-input.js';
import type { ChannelSettings } from '../../../models/channels/settings.js';
import type { SettingsChange } from '../../../models/selling/update-settings.js';
import { assertNever, fail, ok, type Result } from '../../../models/errors.js';
import { trustedHtml } from '../../../format/html.js';
import { describeDuration, describePinned, describeSchedule, type Translate } from './format.js';

/** What a selling conversation asks for (JSON: it is a conversation argument). */
export type InputRequest =
  | {
      kind: 'timezone' | 'lead' | 'horizon' | 'blackout' | 'maxday' | 'description' | 'bundle';
      channelId: string;
    }
  | { kind: 'pinned'; channelId: string }
  | { kind: 'price'; channelId: string; formatIndex: number }
  | { kind: 'times'; channelId: string; days: number[] }
  | { kind: 'windows'; channelId: string; days: number[]; step: WindowStep };

/** The prompt for a request, showing the current value. */
export function promptFor(
  t: Translate,
  request: InputRequest,
  s: ChannelSettings,
  locale: string,
): string {
  switch (request.kind) {
    case 'timezone':
      return t('selling-ask-timezone', { current: s.timezone });
    case 'lead':
      return t('selling-ask-lead', {
        current: trustedHtml(describeDuration(t, s.leadTimeMinutes)),
      });
    case 'horizon':
      return t('selling-ask-horizon', { current: s.horizonDays });
    case 'blackout':
      return t('selling-ask-blackout', {
        current: trustedHtml(
          s.blackoutDates.length ? s.blackoutDates.join(', ') : t('selling-none'),
        ),
      });
    case 'maxday':
      return t('selling-ask-maxday', {
        current: s.maxPerDay ?? trustedHtml(t('selling-no-limit')),
      });
    case 'description':
      return t('selling-ask-description', {
        max: descriptionLimit,
        current: s.description ? s.description : trustedHtml(t('selling-none')),
      });
    case 'bundle':
      return t('selling-ask-bundle', {
        current: trustedHtml(
          s.bundleDiscount
            ? t('selling-bundle-value', {
                slots: s.bundleDiscount.minSlots,
                percent: s.bundleDiscount.percent,
              })
            : t('selling-off'),
        ),
      });
    case 'pinned':
      return t('selling-ask-pinned', {
        current: trustedHtml(describePinned(t, s, locale)),
        currency: s.currency,
      });
    case 'price': {
      const format = fixedFormats[request.formatIndex] ?? '1/24';
      const price = s.prices[format];
      return t('selling-ask-price', {
        format,
        currency: s.currency,
        current: trustedHtml(
          price === undefined ? t('selling-off') : formatMoney(price, s.currency, locale),
        ),
      });
    }
    case 'times':
      return t('selling-ask-times', { current: trustedHtml(describeSchedule(t, s.schedule)) });
    case 'windows':
      return t('selling-ask-windows', {
        step: request.step,
        current: trustedHtml(describeSchedule(t, s.schedule)),
      });
    default:
      return assertNever(request);
  }
}

type Parsed = Result<SettingsChange, InputCode>;

function map<T>(parsed: Result<T, InputCode>, to: (value: T) => SettingsChange): Parsed {
  return parsed.ok ? ok(to(parsed.value)) : parsed;
}

/** Parses the owner's text for a request into a settings change; `today` is the channel's date. */
export function parseInput(request: InputRequest, text: string, today: string): Parsed {
  switch (request.kind) {
    case 'timezone':
      return map(parseTimezone(text), (value) => ({ field: 'timezone', value }));
    case 'lead':
      return map(parseLeadTime(text), (value) => ({ field: 'leadTimeMinutes', value }));
    case 'horizon':
      return map(parseHorizonDays(text), (value) => ({ field: 'horizonDays', value }));
    case 'blackout':
      return map(parseBlackoutDate(text, today), (date) => ({ field: 'blackoutToggle', date }));
    case 'maxday':
      return map(parseMaxPerDay(text), (value) => ({ field: 'maxPerDay', value }));
    case 'description':
      return map(parseDescription(text), (value) => ({ field: 'description', value }));
    case 'bundle':
      return map(parseBundleDiscount(text), (value) => ({ field: 'bundleDiscount', value }));
    case 'price': {
      const format = fixedFormats[request.formatIndex];
      if (!format) return fail('bad_number');
      return map(parsePrice(text), (value) => ({ field: 'price', format, value }));
    }
    case 'pinned': {
      const [first = '', ...rest] = text.trim().split(/\s+/);
      const hours = parsePinHours(first);
      if (!hours.ok) return hours;
      if (rest.length === 0) return fail('empty');
      return map(parsePrice(rest.join(' ')), (price) => ({
        field: 'pinned',
        value: { hours: hours.value, price },
      }));
    }
    case 'times':
      return map(parseTimes(text), (times) => ({
        field: 'schedule',
        value: { mode: 'times', days: request.days, times },
      }));
    case 'windows':
      return map(parseWindows(text), (windows) => ({
        field: 'schedule',
        value: { mode: 'windows', days: request.days, windows, stepMinutes: request.step },
      }));
    default:
      return assertNever(request);
  }
}

const tokenLimit = 40;

/** The localized refusal of a bad value (names the bad token where there is one). */
export function inputErrorText(
  t: Translate,
  code: InputCode,
  detail: Record<string, unknown> | undefined,
): string {
  const raw = String(detail?.token ?? '');
  // A whole 4096-character message can be the "token": quote only its start.
  const token = raw.length > tokenLimit ? `${raw.slice(0, tokenLimit)}…` : raw;
  const min = Number(detail?.min ?? 0);
  const max = Number(detail?.max ?? 0);
  switch (code) {
    case 'empty':
      return t('selling-error-empty');
    case 'bad_time':
      return t('selling-error-bad-time', { token });
    case 'too_many':
      return t('selling-error-too-many', { max });
    case 'bad_window':
      return t('selling-error-bad-window', { token });
    case 'bad_step':
      return t('selling-error-bad-step', { token });
    case 'bad_number':
      return t('selling-error-bad-number', { token });
    case 'out_of_range':
      return t('selling-error-out-of-range', { min, max });
    case 'not_positive':
      return t('selling-error-not-positive');
    case 'too_many_decimals':
      return t('selling-error-too-many-decimals');
    case 'too_large':
      return t('selling-error-too-large', { max });
    case 'bad_timezone':
      return t('selling-error-bad-timezone', { token });
    case 'bad_date':
      return t('selling-error-bad-date', { token });
    case 'past_date':
      return t('selling-error-past-date', { token });
    case 'too_long':
      return t('selling-error-too-long', { length: Number(detail?.length ?? 0), max });
    default:
      return assertNever(code);
  }
}
