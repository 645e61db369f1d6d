import type { Agenda } from 'agenda';
import { GrammyError, type Api } from 'grammy';
import { z } from 'zod';
import { checkPin } from '../models/verification/check-pin.js';
import { probePlacement, type CheckDeps } from '../models/verification/probe-placement.js';
import { pinCheckJob, probeJob } from '../models/verification/schedule-probes.js';
import type { TelegramCall, VerifyTelegram } from '../models/verification/telegram-port.js';
import { defineJob } from './define-job.js';
import type { JobsDeps } from './index.js';

/** Runs a Bot API call; Telegram's refusals become values, network failures still throw (retry). */
export async function call<T>(run: () => Promise<T>): Promise<TelegramCall<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof GrammyError)
      return { ok: false, errorCode: error.error_code, description: error.description };
    throw error;
  }
}

/** The verification calls over grammY's Api (pass the outbound gateway's Api: limits, 429s). */
export function createVerifyTelegram(api: Api): VerifyTelegram {
  return {
    copyMessage: (chatId, fromChatId, messageId) =>
      call(async () => (await api.copyMessage(chatId, fromChatId, messageId)).message_id),
    deleteMessage: (chatId, messageId) =>
      call(async () => (await api.deleteMessage(chatId, messageId)) as true),
    pinnedMessageId: (chatId) =>
      call(async () => {
        const chat = await api.getChat(chatId);
        return chat.pinned_message?.message_id ?? null;
      }),
  };
}

const data = z.object({ placementId: z.string().uuid() });

/**
 * `verify.probe` and `verify.pin-check` (one-off, scheduled by scheduleProbes when a placement is
 * published): existence probes through VERIFY_CHAT_ID and pin checks. Without a bot token or a
 * verification chat they log and skip (nothing is recorded, nothing is guessed).
 */
export function defineVerifyJobs(agenda: Agenda, deps: JobsDeps): void {
  let checks: CheckDeps | undefined;
  const checkDeps = (): CheckDeps | undefined => {
    const api = deps.outbound?.api;
    const verifyChatId = deps.config.verifyChatId;
    if (!api || verifyChatId === undefined) return undefined;
    if (checks) return checks;
    checks = {
      database: deps.database,
      clock: deps.clock,
      telegram: createVerifyTelegram(api),
      verifyChatId,
    };
    return checks;
  };
  const log = deps.logger.child({ role: 'jobs', domain: 'verify' });
  for (const [name, check] of [
    [probeJob, probePlacement],
    [pinCheckJob, checkPin],
  ] as const) {
    defineJob(agenda, deps.logger, {
      name: name as `${string}.${string}`,
      data,
      concurrency: 5,
      run: async ({ placementId }) => {
        const d = checkDeps();
        if (!d) {
          log.warn({ job: name, placementId }, 'no bot token or VERIFY_CHAT_ID: check skipped');
          return;
        }
        const result = await check(d, placementId);
        if (result.checked && result.notice)
          log.info({ job: name, placementId, kind: result.notice.violation.kind }, 'violation');
      },
    });
  }
}
