import type { Agenda } from 'agenda';
import { GrammyError, type Api } from 'grammy';
import { z } from 'zod';
import type { Config } from '../config.js';
import { sendCreativePreview } from '../messages/creative-preview.js';
import { refundOrder } from '../telegram/refund-order.js';
import { rewriteLinks } from '../models/clicks/links.js';
import type { Clock } from '../models/clock.js';
import type { Creative } from '../models/creatives/content.js';
import type { Database } from '../models/db.js';
import type { Logger } from '../models/logger.js';
import { publishJob } from '../models/placements/create-placements.js';
import {
  applyLateDefault,
  isLate,
  lateDefaultJob,
  offerLatePublication,
} from '../models/placements/late-offer.js';
import {
  claimPlacement,
  completePlacement,
  deleteJob,
  finishJob,
  markSendStarted,
  readLivePlacement,
  recordDeleted,
  recordPublished,
  unpinJob,
  type PublishTarget,
} from '../models/placements/publish.js';
import { requestProbe } from '../models/verification/schedule-probes.js';
import {
  recordSendFailure,
  type PublishFailureCause,
} from '../models/placements/record-send-failure.js';
import { renderCreative } from '../models/creatives/render.js';
import { inviteInPlaceOf } from '../models/joins/invite-link.js';
import { promotedUsername } from '../models/joins/invite-target.js';
import { defineJob } from './define-job.js';
import { ensurePostInvite, type PostInvite } from './publish-invites.js';
import type { JobsDeps } from './index.js';

export interface PublishDeps {
  database: Database;
  clock: Clock;
  logger: Logger;
  /** The flood-limited Api (the outbound gateway's). */
  api: Api;
  /**
   * PUBLIC_URL when the Telegram in use can open it: the post's links point at
   * `${publicUrl}/r/<code>`. Undefined ⇒ the advertiser's own links, clicks not tracked.
   */
  publicUrl: string | undefined;
  /** Gives a failed order's payment back in full and tells the advertiser. */
  refund(order: { workspaceId: string; orderId: string }): Promise<void>;
  /** Test seam: runs after the post is sent and before it is recorded (a crash there). */
  afterSend?: () => Promise<void>;
  /** Test seam: runs right after the post is recorded, before anything else (a crash there). */
  afterRecord?: () => Promise<void>;
}

export type PublishOutcome =
  'published' | 'skipped' | 'needs_review' | 'retry' | 'failed' | 'interrupted' | 'asked';

/**
 * Telegram's "the bot cannot post here": 403 (kicked, not a member) by code; Telegram gives only
 * 400 for "need administrator rights" / "not enough rights" / CHAT_ADMIN_REQUIRED /
 * CHAT_WRITE_FORBIDDEN, so those are told apart by description.
 */
export function isLostRights(error: unknown): boolean {
  if (!(error instanceof GrammyError)) return false;
  if (error.error_code === 403) return true;
  return (
    error.error_code === 400 &&
    /rights|CHAT_ADMIN_REQUIRED|CHAT_WRITE_FORBIDDEN|not a member|chat not found/i.test(
      error.description,
    )
  );
}

/**
 * Why Telegram's error answer to the send stopped the post: rights (isLostRights); a refused link,
 * length or other 400 (the post itself: sending it again fails again); else Telegram failing.
 * Links first: Telegram quotes the refused URL, which may contain any word ("…/rights").
 */
export function sendFailureCause(error: GrammyError): PublishFailureCause {
  const refusedLink = /BUTTON_URL_INVALID|Wrong HTTP URL|URL_INVALID/i.test(error.description);
  if (error.error_code === 400 && refusedLink) return 'link';
  if (isLostRights(error)) return 'rights';
  if (error.error_code !== 400) return 'telegram';
  if (/too long|TOO_LONG/i.test(error.description)) return 'too_long';
  return 'refused';
}

let cachedBotId: { api: Api; id: number } | undefined;
async function botIdOf(api: Api): Promise<number> {
  if (cachedBotId?.api === api) return cachedBotId.id;
  const me = await api.getMe();
  cachedBotId = { api, id: me.id };
  return me.id;
}

/** Rights the bot lacks to post (and pin/delete per format) in the channel; [] = all there. */
async function missingRights(api: Api, target: PublishTarget): Promise<string[]> {
  const member = await api.getChatMember(target.chatId, await botIdOf(api));
  if (member.status === 'creator') return [];
  if (member.status !== 'administrator') return ['administrator'];
  const rights = member as unknown as Record<string, unknown>;
  const needed = ['can_post_messages', ...target.format.needs];
  return needed.filter((right) => rights[right] !== true);
}

/**
 * The rendered post as it goes out: every link swapped for its `/r/<code>` redirect (with a public
 * base), and links to the chat the placement's invite link opens swapped for that link where they
 * are not tracked (a tracked one redirects to it).
 */
function postLinks(
  rendered: Creative,
  codes: string[],
  publicUrl: string | undefined,
  invite: PostInvite | undefined,
): Creative {
  if (publicUrl === undefined && !invite) return rendered;
  return rewriteLinks(rendered, (index, url) => {
    const code = publicUrl === undefined ? undefined : codes[index];
    if (code) return `${publicUrl}/r/${code}`;
    return invite && promotedUsername(url)?.toLowerCase() === invite.username
      ? inviteInPlaceOf(invite, url)
      : url;
  });
}

/**
 * One publish attempt of a placement (the `placements.publish` job): claim it (never twice),
 * re-check the channel status and the bot's rights, send the rendered creative with buttons and
 * marking, record ids and delay, then pin when the format pins. Rights lost or Telegram refusing ⇒
 * retried every 5 min, owners told at once, failed + refunded 15 min after the slot. A post that
 * would be late (any cause) is not sent unless the advertiser agreed: they are asked ('asked').
 */
export async function publishPlacement(
  deps: PublishDeps,
  placementId: string,
): Promise<PublishOutcome> {
  const { database, clock, logger, api } = deps;
  const log = logger.child({ placementId });
  const claim = await claimPlacement(database, placementId, clock, {
    trackClicks: deps.publicUrl !== undefined,
  });
  if (claim.kind === 'skip') return 'skipped';
  if (claim.kind === 'needs_review') {
    log.error({ orderId: claim.orderId }, 'publish interrupted after sending: needs review');
    return 'needs_review';
  }
  const { target } = claim;
  const failed = async (error: string, cause: PublishFailureCause, missing?: string[]) => {
    const outcome = await recordSendFailure(
      database,
      { target, error, cause, ...(missing ? { missing } : {}) },
      clock,
    );
    log.warn({ error, outcome }, 'placement not published');
    if (outcome.kind === 'retry') return 'retry' as const;
    if (outcome.kind === 'skipped') return 'skipped' as const;
    if (outcome.orderFailed) await deps.refund(outcome);
    return 'failed' as const;
  };
  if (!target.channelPublishes) return failed(`channel_${target.channelStatus}`, 'channel');
  try {
    const missing = await missingRights(api, target);
    if (missing.length) return await failed('missing_rights', 'rights', missing);
  } catch (error) {
    // getChatMember refused (403, or 400 "member list is inaccessible" once the bot is no admin):
    // the bot cannot see the channel's admins, so it cannot post there either.
    if (error instanceof GrammyError && (error.error_code === 400 || error.error_code === 403)) {
      return failed(`${error.error_code}: ${error.description}`, 'rights');
    }
    throw error;
  }
  if (!target.lateAccepted && isLate(target.dueAt, clock.now())) {
    const offer = await offerLatePublication(database, target, clock);
    log.warn(
      { dueAt: target.dueAt, defaultAt: offer?.defaultAt },
      'would be late: advertiser asked',
    );
    return offer ? 'asked' : 'skipped';
  }
  const invite = await ensurePostInvite(
    { database, api, logger: log, botId: () => botIdOf(api) },
    placementId,
    renderCreative(target.creative, target.marking),
  );
  if (!(await markSendStarted(database, placementId, clock))) return 'skipped';
  let messageIds: number[];
  try {
    messageIds = await sendCreativePreview(
      api,
      target.chatId,
      target.creative,
      target.marking,
      undefined,
      (rendered) => postLinks(rendered, target.linkCodes, deps.publicUrl, invite),
    );
  } catch (error) {
    // Telegram answered with an error: nothing was posted (retried, or failed when refused).
    if (error instanceof GrammyError) {
      return failed(`${error.error_code}: ${error.description}`, sendFailureCause(error));
    }
    // No answer: maybe posted. Leave send_started_at set; the next attempt parks it for review.
    throw error;
  }
  await deps.afterSend?.();
  const published = await recordPublished(database, { target, messageIds }, clock);
  await deps.afterRecord?.();
  if (published.delayed) {
    log.warn({ delaySeconds: published.delaySeconds, cause: published.cause }, 'published late');
  }
  if (target.format.pinHours !== null && messageIds[0] !== undefined) {
    try {
      await api.pinChatMessage(target.chatId, messageIds[0], { disable_notification: true });
    } catch (error) {
      // The post is up; the pin checks record a missing pin as a violation.
      log.warn({ err: error }, 'pin failed');
    }
  }
  return 'published';
}

/**
 * Telegram answers "message to delete not found" / "message not modified"… as 400: already done
 * (false: Telegram found nothing to change).
 */
async function tolerate400(run: () => Promise<unknown>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (error) {
    if (error instanceof GrammyError && error.error_code === 400) return false;
    throw error;
  }
}

/** Unpins the post at pin_until; nothing to unpin is a sign the post may be gone: a probe at once. */
export async function unpinPlacement(deps: PublishDeps, placementId: string): Promise<void> {
  const live = await readLivePlacement(deps.database, placementId);
  const first = live?.messageIds[0];
  if (!live || live.chatId === null || first === undefined) return;
  if (live.status !== 'published' && live.status !== 'completed') return;
  if (!(await tolerate400(() => deps.api.unpinChatMessage(live.chatId!, first))))
    await requestProbe(deps.database, placementId, deps.clock.now());
}

/** Deletes the post (and an album's button message) at delete_at; deleted_at recorded. */
export async function deletePlacementPost(deps: PublishDeps, placementId: string): Promise<void> {
  const live = await readLivePlacement(deps.database, placementId);
  if (!live || live.chatId === null || live.deletedAt || live.messageIds.length === 0) return;
  if (live.status !== 'published' && live.status !== 'completed') return;
  await tolerate400(() => deps.api.deleteMessages(live.chatId!, live.messageIds));
  await recordDeleted(deps.database, placementId, deps.clock);
}

/** A late offer left unanswered: refunded (the default); a failed order is refunded in full. */
export async function applyLateOfferDefault(deps: PublishDeps, placementId: string): Promise<void> {
  const answer = await applyLateDefault(deps.database, placementId, deps.clock);
  if (answer?.orderFailed) await deps.refund(answer);
}

/** The lifetime is over: completed, and `placements.settle` (settlement) queued. */
export async function finishPlacement(deps: PublishDeps, placementId: string): Promise<void> {
  await completePlacement(deps.database, placementId, deps.clock);
}

/**
 * The line to log once when the jobs start if real Telegram cannot open PUBLIC_URL (development
 * against a real bot): posts then keep the advertiser's own links and clicks are not counted.
 */
export function clickTrackingWarning(
  config: Pick<Config, 'publicUrl' | 'publicUrlReach'>,
): { fields: { publicUrl: string }; message: string } | undefined {
  if (config.publicUrlReach !== 'local') return undefined;
  return {
    fields: { publicUrl: config.publicUrl },
    message:
      "PUBLIC_URL is not an https URL on a public host: published posts keep the advertisers' links and clicks are not tracked",
  };
}

/** The publishing deps of the jobs process (none without a bot token). */
export function createPublishDeps(deps: JobsDeps): PublishDeps | undefined {
  const api = deps.outbound?.api;
  if (!api) return undefined;
  const refundDeps = { ...deps, api };
  return {
    database: deps.database,
    clock: deps.clock,
    logger: deps.logger,
    api,
    publicUrl: deps.config.publicUrlReach === 'local' ? undefined : deps.config.publicUrl,
    refund: (order) => refundOrder(refundDeps, order, `system:${publishJob}`),
  };
}

const data = z.object({ placementId: z.string().uuid() });

/**
 * Lock lifetime of the placement jobs: a publication whose process died is re-run this soon after
 * (plus one poll), well inside the 2 minutes after which a post counts as delayed.
 */
export const placementLockMs = 30_000;

/**
 * `placements.publish` (one-off at due_at, queued with the placement), `placements.unpin`
 * (pin_until), `placements.delete` (delete_at), `placements.finish` (end of lifetime ⇒
 * completed, settled) and `placements.late-default` (an unanswered late offer ⇒ refunded). Jobs live in agenda_jobs, so they survive restarts; a job whose process
 * died is taken again when its lock expires (placementLockMs: runs touch it while they live), and
 * claimPlacement with markSendStarted keep that from posting twice.
 */
export function definePublishJobs(agenda: Agenda, jobsDeps: JobsDeps): void {
  let deps: PublishDeps | undefined;
  const get = () => (deps ??= createPublishDeps(jobsDeps));
  const job = (
    name: `${string}.${string}`,
    run: (d: PublishDeps, id: string) => Promise<unknown>,
  ) =>
    defineJob(agenda, jobsDeps.logger, {
      name,
      data,
      concurrency: 20,
      lockLifetimeMs: placementLockMs,
      run: async ({ placementId }) => {
        const d = get();
        if (!d) {
          jobsDeps.logger.warn({ job: name, placementId }, 'no bot token: placement job skipped');
          return;
        }
        await run(d, placementId);
      },
    });
  job(publishJob, publishPlacement);
  job(unpinJob, unpinPlacement);
  job(deleteJob, deletePlacementPost);
  job(finishJob, finishPlacement);
  job(lateDefaultJob, applyLateOfferDefault);
}
