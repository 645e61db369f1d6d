import { Composer } from 'grammy';
import { blockSlot } from '../../../models/slots/block-slot.js';
import { readCalendarDay, readCalendarWeek } from '../../../models/slots/calendar.js';
import { assertNever } from '../../../models/errors.js';
import type { SlotEditCode } from '../../../models/slots/move-slot-status.js';
import type { SlotStatus } from '../../../models/slots/table.js';
import { unblockSlot } from '../../../models/slots/unblock-slot.js';
import type { BotContext, BotDeps } from '../../context.js';
import { showScreen } from '../../kit/show-screen.js';
import { dayData, openData, slotData } from '../../../messages/callback-data/calendar.js';
import { renderDay, renderWeek, slotTime, statusMark } from './render.js';
import { privateChats } from '../../kit/account.js';

function notFound(ctx: BotContext) {
  return ctx.answerCallbackQuery({ text: ctx.t('calendar-not-found'), show_alert: true });
}

function editFailure(ctx: BotContext, code: SlotEditCode): string {
  switch (code) {
    case 'not_found':
      return ctx.t('calendar-slot-gone');
    case 'forbidden':
      return ctx.t('calendar-forbidden');
    case 'past':
      return ctx.t('calendar-slot-past');
    case 'not_free':
    case 'not_blocked':
      return ctx.t('calendar-slot-changed');
    default:
      return assertNever(code);
  }
}

function slotInfo(ctx: BotContext, time: string, status: SlotStatus, past: boolean): string {
  const mark = statusMark[status];
  if (past && (status === 'free' || status === 'blocked'))
    return ctx.t('calendar-info-past', { time, mark });
  switch (status) {
    case 'held':
      return ctx.t('calendar-info-held', { time, mark });
    case 'booked':
      return ctx.t('calendar-info-booked', { time, mark });
    case 'published':
      return ctx.t('calendar-info-published', { time, mark });
    case 'done':
      return ctx.t('calendar-info-done', { time, mark });
    case 'cancelled':
      return ctx.t('calendar-info-cancelled', { time, mark });
    case 'free':
    case 'blocked':
      return ctx.t('calendar-slot-changed');
    default:
      return assertNever(status);
  }
}

/**
 * Calendar (issue 3): `cal:open:<channel>:<week>` shows a week of slots in the channel's timezone;
 * a day's screen blocks and unblocks free slots. Every press re-checks access (channel ids in
 * callback data are untrusted); another workspace's channel is simply "not found".
 */
export function createCalendarFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const chats = privateChats(feature);

  const loadDay = async (accountId: string, channelId: string, day: string | Date) => {
    const view = await readCalendarDay(deps.database, {
      accountId,
      channelId,
      day,
      now: deps.clock.now(),
    });
    return view.ok ? view.value : undefined;
  };

  chats.callbackQuery(openData.filter, async (ctx) => {
    const accountId = ctx.account.id;
    const { channelId, week } = openData.parse(ctx.callbackQuery.data);
    const view = await readCalendarWeek(deps.database, {
      accountId,
      channelId,
      weekOffset: week,
      now: deps.clock.now(),
    });
    if (!view.ok) return notFound(ctx);
    await ctx.answerCallbackQuery();
    await showScreen(ctx, renderWeek(ctx, view.value));
  });

  chats.callbackQuery(dayData.filter, async (ctx) => {
    const accountId = ctx.account.id;
    const { channelId, date } = dayData.parse(ctx.callbackQuery.data);
    const view = await loadDay(accountId, channelId, date);
    if (!view) return notFound(ctx);
    await ctx.answerCallbackQuery();
    await showScreen(ctx, renderDay(ctx, view));
  });

  chats.callbackQuery(slotData.filter, async (ctx) => {
    const { action, channelId, minute } = slotData.parse(ctx.callbackQuery.data);
    const accountId = ctx.account.id;
    const startsAt = new Date(minute * 60_000);
    let failure: string | undefined;
    if (action === 'b' || action === 'u') {
      const input = { accountId, channelId, startsAt, now: deps.clock.now() };
      const result =
        action === 'b'
          ? await blockSlot(deps.database, input)
          : await unblockSlot(deps.database, input);
      if (!result.ok) failure = editFailure(ctx, result.code);
    }
    // Also decides visibility: another workspace's channel answers "not found" and nothing more.
    const view = await loadDay(accountId, channelId, startsAt);
    if (!view) return notFound(ctx);
    const slot = view.days[0]?.slots.find((s) => s.minute === minute);
    let text = failure;
    if (!text && !slot) text = ctx.t('calendar-slot-gone');
    else if (!text && slot) {
      const time = slotTime(ctx, view, slot);
      text =
        action === 'b'
          ? ctx.t('calendar-blocked', { time })
          : action === 'u'
            ? ctx.t('calendar-unblocked', { time })
            : slotInfo(ctx, time, slot.status, slot.past);
    }
    await ctx.answerCallbackQuery({ text: text ?? '' });
    await showScreen(ctx, renderDay(ctx, view));
  });

  return feature;
}
