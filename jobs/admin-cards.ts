import type { Agenda } from 'agenda';
import { z } from 'zod';
import { postAdminCard } from '../messages/admin-cards/post.js';
import { adminCardRenderJob, resolveAdminCard } from '../models/admin/cards.js';
import { closeMootAdminCards } from '../models/admin/moot-cards.js';
import { adminCardKinds } from '../models/admin/table.js';
import { defineJob } from './define-job.js';
import { createJobScheduler } from './notifications.js';
import type { TellingDeps } from './index.js';

export const mootCardsJob = 'admin.close-moot-cards';

const attempt = z.number().int().min(0).default(0);
export const adminCardRenderData = z.union([
  z.object({ cardId: z.string().uuid(), attempt }),
  // The old shape (a tenant transaction asked for a card by its object): jobs queued before the
  // admin-cards outbox consumer may still wait in a deployed database. Drop after one release.
  z.object({
    kind: z.enum(adminCardKinds),
    objectId: z.string().uuid(),
    data: z.record(z.string(), z.unknown()).default({}),
    attempt,
  }),
]);

/** Renders tried per card before giving up (Telegram down, bot not in the admin chat…). */
export const maxCardRenderAttempts = 5;
const retryBaseMs = 60_000;

/**
 * `admin.card-render`: posts a card into ADMIN_CHAT_ID, or edits its message in place (decided ⇒
 * who, when, what, no buttons). Queued by openAdminCard / decideAdminCard with the card id (an
 * old job with (kind, object) opens its card here first). One at a time,
 * so a card is never posted twice; a failure is retried with backoff (maxCardRenderAttempts).
 */
export function defineAdminCardJobs(agenda: Agenda, deps: TellingDeps): void {
  const log = deps.logger.child({ job: adminCardRenderJob });
  const schedule = createJobScheduler(agenda, deps.clock);
  defineJob(agenda, deps.logger, {
    name: adminCardRenderJob,
    data: adminCardRenderData,
    concurrency: 1,
    run: async (data) => {
      const api = deps.outbound?.api;
      if (!api) return log.debug('no bot token: admin card not posted');
      const { i18n } = deps;
      const cardId = await resolveAdminCard(
        deps.database,
        'cardId' in data ? data : { ...data, at: deps.clock.now() },
      );
      try {
        await postAdminCard({ ...deps, api, i18n }, cardId);
      } catch (err) {
        const next = data.attempt + 1;
        if (next >= maxCardRenderAttempts) return log.error({ err, cardId }, 'admin card given up');
        log.warn({ err, cardId, attempt: next }, 'admin card not posted, retrying later');
        const at = new Date(deps.clock.now().getTime() + retryBaseMs * 2 ** (next - 1));
        await schedule(adminCardRenderJob, { cardId, attempt: next }, at);
      }
    },
  });
  defineJob(agenda, deps.logger, {
    name: mootCardsJob,
    data: z.object({}).passthrough(),
    concurrency: 1,
    run: async () => {
      const closed = await closeMootAdminCards(deps.database, deps.clock);
      if (closed > 0) log.info({ closed }, 'admin cards closed: their objects ended another way');
    },
  });
}

/**
 * `admin.close-moot-cards` (every 5 minutes): open cards whose object no longer waits for an admin
 * (an order the advertiser cancelled, a channel its owner removed…) are closed and re-rendered.
 */
export async function scheduleAdminCardJobs(agenda: Agenda): Promise<void> {
  await agenda.every('5 minutes', mootCardsJob, {});
}
