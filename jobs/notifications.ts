import type { Agenda } from 'agenda';
import { GrammyError, InlineKeyboard } from 'grammy';
import { z } from 'zod';
import type { Translator } from '../messages/i18n.js';
import { formatMoment } from '../format/dates.js';
import { localeOf } from '../format/locale.js';
import { formatMoney } from '../format/money.js';
import type { Clock } from '../models/clock.js';
import type { Logger } from '../models/logger.js';
import {
  notificationJob,
  type NotificationButton,
  type NotificationVars,
} from '../messages/notification.js';
import type { ScheduleJob } from '../models/platform/schedule-job.js';
import { notificationRecipient, type Recipient } from '../models/notifications/recipient.js';
import { currencies } from '../models/orders/table.js';
import { defineJob } from './define-job.js';
import type { TellingDeps } from './index.js';

/** Attempts per notification (a chat that keeps failing is logged and given up). */
export const maxNotificationAttempts = 4;
const retryBaseMs = 30_000;

const value = z.union([z.string().max(2000), z.number()]);
const button = z.object({
  key: z.string().min(1).max(100),
  vars: z.record(z.string(), value).optional(),
  url: z.string().url().max(2000).optional(),
  data: z.string().max(64).optional(),
});
export const notificationData = z
  .object({
    accountId: z.string().uuid().optional(),
    telegramId: z.number().int().optional(),
    key: z.string().min(1).max(100),
    vars: z.record(z.string(), value).optional(),
    buttons: z.array(z.array(button).max(8)).max(8).optional(),
    attempt: z.number().int().min(0).default(0),
  })
  .refine(
    (d) => d.accountId !== undefined || d.telegramId !== undefined,
    'accountId or telegramId',
  );
type NotificationData = z.infer<typeof notificationData>;

/** jobs.scheduleAt for job bodies: platform time in, Agenda's real time stored. */
export function createJobScheduler(agenda: Agenda, clock: Clock): ScheduleJob {
  return async (name, data, at) => {
    await agenda.schedule(new Date(at.getTime() - clock.offsetMs()), name, data);
  };
}

const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const moneyVars = new Set(['amount', 'fee']);

/** Vars as the recipient reads them: ISO times as moments in their zone, money; text as given. */
export function renderVars(vars: NotificationVars, locale: string, timezone: string) {
  const currency = currencies.find((c) => c === vars.currency);
  const out: Record<string, string | number> = {};
  for (const [name, v] of Object.entries(vars)) {
    if (typeof v === 'number' && currency && moneyVars.has(name)) {
      out[name] = formatMoney(v, currency, locale);
    } else if (typeof v === 'string' && isoTime.test(v)) {
      out[name] = formatMoment(new Date(v), timezone, locale);
    } else out[name] = v;
  }
  return out;
}

/** The message text and keyboard of a notification in the recipient's language. */
export function renderNotification(
  i18n: Translator,
  data: Pick<NotificationData, 'key' | 'vars' | 'buttons'>,
  recipient: Recipient,
): { text: string; keyboard: InlineKeyboard | undefined } {
  const locale = localeOf(recipient.language);
  const vars = (v: NotificationVars = {}) => renderVars(v, locale, recipient.timezone);
  const text = i18n.t(locale, data.key, vars(data.vars));
  const rows = (data.buttons ?? []).filter((r) => r.length > 0);
  if (rows.length === 0) return { text, keyboard: undefined };
  const keyboard = new InlineKeyboard();
  rows.forEach((row: NotificationButton[], i) => {
    if (i > 0) keyboard.row();
    for (const b of row) {
      const label = i18n.tPlain(locale, b.key, vars(b.vars));
      if (b.url) keyboard.url(label, b.url);
      else keyboard.text(label, b.data ?? 'noop');
    }
  });
  return { text, keyboard };
}

/** When a message's `attempt`-th retry goes (30 s, 1 min, 2 min… of platform time from now). */
export function retryAt(clock: Clock, attempt: number): Date {
  return new Date(clock.now().getTime() + retryBaseMs * 2 ** (attempt - 1));
}

/**
 * After a failed send of a message job: a refusal (blocked, chat gone) or the last attempt is
 * logged and dropped; anything else queues the job again with `attempt` + 1 at its backoff time.
 */
export async function dropOrRetry<D extends { attempt: number }>(
  retry: { schedule: ScheduleJob; clock: Clock; log: Logger; job: string; what: string },
  data: D,
  err: unknown,
  fields: Record<string, unknown>,
): Promise<void> {
  const attempt = data.attempt + 1;
  if (isPermanent(err) || attempt >= maxNotificationAttempts) {
    retry.log.warn({ err, ...fields, attempt }, `${retry.what} dropped`);
    return;
  }
  retry.log.info({ err, ...fields, attempt }, `${retry.what} failed, retrying later`);
  await retry.schedule(retry.job, { ...data, attempt }, retryAt(retry.clock, attempt));
}

/** Telegram refusals that will not change by retrying: blocked bot, chat gone, bad request. */
export function isPermanent(err: unknown): boolean {
  return err instanceof GrammyError && (err.error_code === 403 || err.error_code === 400);
}

/**
 * `notifications.send` (one-off, queued by enqueueNotification): renders the locale key in the
 * recipient's language and timezone and sends it through the outbound gateway. It never throws:
 * a refusal (blocked, chat gone) is logged and dropped; other failures are re-queued with backoff
 * up to maxNotificationAttempts — a failing chat never blocks other jobs.
 */
export function defineNotificationJobs(agenda: Agenda, deps: TellingDeps): void {
  const log = deps.logger.child({ job: notificationJob });
  const retry = {
    schedule: createJobScheduler(agenda, deps.clock),
    clock: deps.clock,
    log,
    job: notificationJob,
    what: 'notification',
  };
  defineJob(agenda, deps.logger, {
    name: notificationJob,
    data: notificationData,
    concurrency: 10,
    run: async (data) => {
      const api = deps.outbound?.api;
      if (!api) return log.debug({ key: data.key }, 'no bot token: notification skipped');
      const { i18n } = deps;
      const recipient = await notificationRecipient(deps.database, data);
      if (!recipient) return log.warn({ key: data.key }, 'notification recipient unknown');
      const { text, keyboard } = renderNotification(i18n, data, recipient);
      try {
        await api.sendMessage(recipient.telegramId, text, {
          ...(keyboard ? { reply_markup: keyboard } : {}),
        });
      } catch (err) {
        await dropOrRetry(retry, data, err, { key: data.key });
      }
    },
  });
}
