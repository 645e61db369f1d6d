import type { Agenda } from 'agenda';
import { z } from 'zod';
import { tellHoldsExpired, type ExpiryNoticeDeps } from '../bot/features/booking/expired-notice.js';
import { createI18n } from '../bot/i18n.js';
import { expireHolds } from '../models/orders/expire-holds.js';
import { defineJob } from './define-job.js';
import type { JobsDeps } from './index.js';
import { sharedTelegramSender } from './telegram-sender.js';

export const expireHoldsJob = 'orders.expire-holds';

const expireData = z.object({ batchSize: z.number().int().min(1).max(5000).optional() });

/** The Telegram side of the job (none without a token: expiry still runs, nobody is told). */
function createNotices(deps: JobsDeps): ExpiryNoticeDeps | undefined {
  const token = deps.config.botToken;
  if (!token) return undefined;
  const { api } = sharedTelegramSender(token, deps.config.telegramApiRoot);
  return { api, i18n: createI18n(), database: deps.database, logger: deps.logger };
}

/**
 * `orders.expire-holds` (every minute, platform time via deps.clock): frees expired holds, marks
 * the orders expired and tells each advertiser once per checkout.
 */
export function defineOrderJobs(agenda: Agenda, deps: JobsDeps): void {
  let notices: ExpiryNoticeDeps | undefined;
  defineJob(agenda, deps.logger, {
    name: expireHoldsJob,
    data: expireData,
    concurrency: 1,
    lockLifetimeMs: 5 * 60_000,
    run: async (data) => {
      const expired = await expireHolds(deps.database, deps.clock.now(), data.batchSize);
      if (expired.length === 0) return;
      deps.logger.info({ job: expireHoldsJob, expired: expired.length }, 'order holds expired');
      notices ??= createNotices(deps);
      if (notices) await tellHoldsExpired(notices, expired);
    },
  });
}

/** Schedules the minutely hold expiry. */
export async function scheduleOrderJobs(agenda: Agenda): Promise<void> {
  await agenda.every('1 minute', expireHoldsJob, {});
}
