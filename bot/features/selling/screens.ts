import { InlineKeyboard } from 'grammy';
import {
  commonTimezones,
  maskToWeekdays,
  weekdaysToMask,
  windowSteps,
} from '../../../models/channels/settings-input.js';
import type { SellingView } from '../../../models/selling/update-settings.js';
import { trustedHtml } from '../../../format/html.js';
import { contentRulesData } from '../../../messages/callback-data/marking.js';
import { sellingData } from '../../../messages/callback-data/selling.js';
import { describeSchedule, onOff, summaryText, weekdayName, type Translate } from './format.js';
import { channelCardData } from '../../../messages/callback-data/channels.js';
import type { KeyboardScreen as Screen } from '../../kit/show-screen.js';

export type { KeyboardScreen as Screen } from '../../kit/show-screen.js';

/** Callback data of this feature: `sell:<action>:<channelId>[:<args>]`. */
export const sellData = (action: string, channelId: string, ...args: (string | number)[]) =>
  sellingData.pack({ action, channelId, args: args.map(String) });

/** The summary with one button per setting and Back to the channel card. */
export function mainScreen(t: Translate, view: SellingView, locale: string): Screen {
  const id = view.channelId;
  const s = view.settings;
  const keyboard = new InlineKeyboard()
    .text(t('selling-button-timezone'), sellData('tz', id))
    .text(t('selling-button-schedule'), sellData('sch', id))
    .row()
    .text(t('selling-button-formats'), sellData('fmt', id))
    .text(t('selling-button-lead'), sellData('in', id, 'lead'))
    .row()
    .text(t('selling-button-horizon'), sellData('in', id, 'horizon'))
    .text(t('selling-button-blackout'), sellData('in', id, 'blackout'))
    .row()
    .text(t('selling-button-maxday'), sellData('in', id, 'maxday'))
    .text(t('selling-button-catalog'), sellData('cat', id))
    .row()
    .text(t('selling-button-review'), sellData('rev', id))
    .text(t('selling-button-bundle'), sellData('in', id, 'bundle'))
    .row()
    .text(t('selling-button-whitelist', { state: onOff(t, s.whitelistOnly) }), sellData('wl', id))
    .row()
    .text(t('selling-button-marking', { state: onOff(t, s.requiresMarking) }), sellData('mk', id))
    .row()
    .text(t('marking-rules-button'), contentRulesData.pack({ channelId: id }))
    .row()
    .text(t('selling-back-card'), channelCardData.pack({ channelId: id }));
  return { text: summaryText(t, view, locale), keyboard };
}

export function timezoneScreen(t: Translate, view: SellingView): Screen {
  const id = view.channelId;
  const keyboard = new InlineKeyboard();
  commonTimezones.forEach((zone, i) => {
    const mark = zone === view.settings.timezone ? '✅ ' : '';
    keyboard.text(`${mark}${zone}`, sellData('tzs', id, i));
    if (i % 2 === 1) keyboard.row();
  });
  keyboard
    .row()
    .text(t('selling-timezone-other'), sellData('in', id, 'timezone'))
    .row();
  keyboard.text(t('selling-back'), sellData('open', id));
  return {
    text: t('selling-timezone-text', {
      title: view.title,
      timezone: view.settings.timezone,
    }),
    keyboard,
  };
}

export function scheduleScreen(t: Translate, view: SellingView): Screen {
  const id = view.channelId;
  const schedule = view.settings.schedule;
  const mask = schedule ? weekdaysToMask(schedule.days) : weekdaysToMask([1, 2, 3, 4, 5, 6, 7]);
  const keyboard = new InlineKeyboard()
    .text(t('selling-schedule-mode-times'), sellData('days', id, 't', mask))
    .row()
    .text(t('selling-schedule-mode-windows'), sellData('days', id, 'w', mask))
    .row();
  if (schedule) keyboard.text(t('selling-schedule-clear'), sellData('schx', id)).row();
  keyboard.text(t('selling-back'), sellData('open', id));
  return {
    text: t('selling-schedule-text', {
      title: view.title,
      schedule: trustedHtml(describeSchedule(t, schedule)),
      timezone: view.settings.timezone,
    }),
    keyboard,
  };
}

/** Weekday toggles for a schedule being edited; the choice travels in the callback data. */
export function daysScreen(t: Translate, view: SellingView, mode: 't' | 'w', mask: number): Screen {
  const id = view.channelId;
  const keyboard = new InlineKeyboard();
  for (let day = 1; day <= 7; day++) {
    const bit = 1 << (day - 1);
    const on = (mask & bit) !== 0;
    keyboard.text(
      `${on ? '✅' : '▫️'} ${weekdayName(t, day)}`,
      sellData('days', id, mode, mask ^ bit),
    );
    if (day === 4) keyboard.row();
  }
  const next = mode === 't' ? sellData('in', id, 'times', mask) : sellData('step', id, mask);
  keyboard.row().text(t('selling-next'), next).row().text(t('selling-back'), sellData('sch', id));
  const days = maskToWeekdays(mask).map((d) => weekdayName(t, d));
  return {
    text: t('selling-days-text', {
      days: trustedHtml(days.length ? days.join(', ') : t('selling-none')),
    }),
    keyboard,
  };
}

/** Step of a windows schedule: only 15, 30 and 60 minutes are offered. */
export function stepScreen(t: Translate, view: SellingView, mask: number): Screen {
  const id = view.channelId;
  const keyboard = new InlineKeyboard();
  for (const step of windowSteps) {
    keyboard.text(t('selling-step-button', { step }), sellData('in', id, 'windows', mask, step));
  }
  keyboard.row().text(t('selling-back'), sellData('days', id, 'w', mask));
  return { text: t('selling-step-text'), keyboard };
}
