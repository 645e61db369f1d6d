import { fixedFormats } from '../../../models/channels/formats.js';
import { commonTimezones, maskToWeekdays } from '../../../models/channels/settings-input.js';
import { channelCategories } from '../../../models/channels/settings.js';
import type { SellingView, SettingsChange } from '../../../models/selling/update-settings.js';
import { catalogLanguages } from './format.js';
import type { InputRequest } from './inputs.js';

type Args = string[];

/** The change a one-tap action makes (and the screen to show after it), or undefined. */
export function tapChange(
  view: SellingView,
  action: string,
  args: Args,
): { change: SettingsChange; then: string } | undefined {
  const s = view.settings;
  const n = Number(args[0]);
  switch (action) {
    case 'tzs': {
      const zone = commonTimezones[n];
      return zone ? { change: { field: 'timezone', value: zone }, then: 'open' } : undefined;
    }
    case 'schx':
      return { change: { field: 'schedule', value: null }, then: 'sch' };
    case 'poff': {
      const format = fixedFormats[n];
      return format ? { change: { field: 'price', format, value: null }, then: 'fmt' } : undefined;
    }
    case 'pinoff':
      return { change: { field: 'pinned', value: null }, then: 'fmt' };
    case 'cur':
      return args[0] === 'RUB' || args[0] === 'USD'
        ? { change: { field: 'currency', value: args[0] }, then: 'fmt' }
        : undefined;
    case 'catc': {
      const category = channelCategories[n];
      return category ? { change: { field: 'category', value: category }, then: 'cat' } : undefined;
    }
    case 'lng': {
      const code = catalogLanguages.find((c) => c === args[0]);
      return code ? { change: { field: 'language', value: code }, then: 'cat' } : undefined;
    }
    case 'revs':
      if (n === 0) return { change: { field: 'review', value: { mode: 'auto' } }, then: 'open' };
      return Number.isInteger(n) && n >= 1 && n <= 72
        ? { change: { field: 'review', value: { mode: 'manual', deadlineHours: n } }, then: 'open' }
        : undefined;
    case 'wl':
      return { change: { field: 'whitelistOnly', value: !s.whitelistOnly }, then: 'open' };
    case 'mk':
      return { change: { field: 'requiresMarking', value: !s.requiresMarking }, then: 'open' };
    default:
      return undefined;
  }
}

/** What `sell:in:<id>:<kind>[:args]` asks for; undefined for malformed data. */
export function inputRequest(channelId: string, args: Args): InputRequest | undefined {
  const [kind, a, b] = args;
  switch (kind) {
    case 'timezone':
    case 'lead':
    case 'horizon':
    case 'blackout':
    case 'maxday':
    case 'description':
    case 'bundle':
    case 'pinned':
      return { kind, channelId };
    case 'price': {
      const formatIndex = Number(a);
      return fixedFormats[formatIndex] ? { kind, channelId, formatIndex } : undefined;
    }
    case 'times': {
      const days = maskToWeekdays(Number(a) & 127);
      return days.length ? { kind, channelId, days } : undefined;
    }
    case 'windows': {
      const days = maskToWeekdays(Number(a) & 127);
      const step = Number(b);
      return days.length && (step === 15 || step === 30 || step === 60)
        ? { kind, channelId, days, step }
        : undefined;
    }
    default:
      return undefined;
  }
}
