import { Composer } from 'grammy';
import { blockSlot } from '../../../models/slots/block-slot.js';
import { readCalendarDay, readCalendarWeek } from '../../../models/slots/calendar.js';
import { assertNever } from '../../../models/errors.js';
import type { SlotEditCode } from '../../../models/slots/move-slot-status.js';
import type { SlotStatus } from '../../../models/slots/table.js';
import { unblockSlot } from '../../../models/slots/unblock-slot.js';
import type { BotContext, BotDeps } from '../../context.js';
import { showScreen } from '../../kit/show-screen.js';
import {
  dayPattern,
  isoDate,
  openPattern,
  slotPattern,
} from '../../../messages/callback-data/calendar.js';
import { renderDay, renderWeek, slotTime, statusMark } from './render.js';

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
  const chats = feature.chatType('private');

  const loadDay = async (accountId: string, channelId: string, day: string | Date) => {
    const view = await readCalendarDay(deps.database, {
      accountId,
      channelId,
      day,
      now: deps.clock.now(),
    });
    return view.ok ? view.value : undefined;
  };

  chats.callbackQuery(openPattern, async (ctx) => {
    const accountId = ctx.account?.id;
    if (!accountId) return notFound(ctx);
    const view = await readCalendarWeek(deps.database, {
      accountId,
      channelId: ctx.match[1] ?? '',
      weekOffset: Number(ctx.match[2]),
      now: deps.clock.now(),
    });
    if (!view.ok) return notFound(ctx);
    await ctx.answerCallbackQuery();
    await showScreen(ctx, renderWeek(ctx, view.value));
  });

  chats.callbackQuery(dayPattern, async (ctx) => {
    const accountId = ctx.account?.id;
    const view = accountId
      ? await loadDay(accountId, ctx.match[1] ?? '', isoDate(ctx.match[2] ?? ''))
      : undefined;
    if (!view) return notFound(ctx);
    await ctx.answerCallbackQuery();
    await showScreen(ctx, renderDay(ctx, view));
  });

  chats.callbackQuery(slotPattern, async (ctx) => {
    const [, action, channelId = '', minute] = ctx.match;
    const accountId = ctx.account?.id;
    if (!accountId) return notFound(ctx);
    const startsAt = new Date(Number(minute) * 60_000);
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
    const slot = view.days[0]?.slots.find((s) => s.minute === Number(minute));
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
