import type { Agenda } from 'agenda';
import type { Api } from 'grammy';
import { z } from 'zod';
import {
  measureChannelSizes,
  type MemberCountOf,
  type SkippedChannel,
} from '../models/channels/measure-channel-sizes.js';
import { defineJob } from './define-job.js';
import type { JobsDeps } from './index.js';
import { call } from './verify.js';

export const measureChannelSizesJob = 'channels.measure-size';

const measureData = z.object({ batchSize: z.number().int().min(1).max(5000).optional() });

/** getChatMemberCount on the outbound gateway's Api; refusals are values, network errors throw. */
export function memberCountOn(api: Api): MemberCountOf {
  return (chatId) => call(() => api.getChatMemberCount(chatId));
}

/**
 * `channels.measure-size` (daily, platform clock): every active and paused channel's member
 * count, once per local day (measureChannelSizes). A channel Telegram refuses is warned about
 * once per local day by this process, however often the job runs. Without a bot token it skips.
 */
export function defineChannelSizeJobs(agenda: Agenda, deps: JobsDeps): void {
  const log = deps.logger.child({ role: 'jobs', job: measureChannelSizesJob });
  /** The local day each refused channel was last warned about (one entry per channel). */
  const warned = new Map<string, string>();
  const warnOnce = (skip: SkippedChannel) => {
    if (warned.get(skip.channelId) === skip.day) return;
    warned.set(skip.channelId, skip.day);
    const { channelId, workspaceId, day, errorCode, description } = skip;
    log.warn(
      { channelId, workspaceId, day, errorCode, description },
      skip.reason === 'lost_access'
        ? 'channel size not measured: the bot has no access to the channel'
        : 'channel size not measured: Telegram refused getChatMemberCount',
    );
  };
  defineJob(agenda, deps.logger, {
    name: measureChannelSizesJob,
    data: measureData,
    lockLifetimeMs: 30 * 60_000,
    run: async (data) => {
      const api = deps.outbound?.api;
      if (!api) {
        log.warn('no bot token: channel sizes not measured');
        return;
      }
      const summary = await measureChannelSizes(
        deps.database,
        memberCountOn(api),
        () => deps.clock.now(),
        data.batchSize ? { batchSize: data.batchSize } : {},
      );
      for (const skip of summary.skipped) warnOnce(skip);
      const { skipped, ...counts } = summary;
      log.info({ ...counts, skipped: skipped.length }, 'channel sizes measured');
    },
  });
}

/** Schedules the daily measurement (also runs once at start; `every` keeps one job per name). */
export async function scheduleChannelSizeJobs(agenda: Agenda): Promise<void> {
  await agenda.every('1 day', measureChannelSizesJob, {});
}
