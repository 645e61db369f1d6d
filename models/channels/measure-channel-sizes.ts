import { and, asc, eq, gt, gte, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db.js';
import { events } from '../events/table.js';
import type { TelegramCall } from '../telegram-call.js';
import {
  channelLocalDay,
  localDaySlackMs,
  membersEventKind,
  recordMemberCount,
} from './member-counts.js';
import { channels, type ChannelStatus } from './table.js';

/** Channels whose size is measured: those the bot sells in, or sold in until a pause. */
export const measuredStatuses: ChannelStatus[] = ['active', 'paused'];

/** getChatMemberCount through the outbound gateway (the jobs edge adapts grammY's Api). */
export type MemberCountOf = (telegramChatId: number) => Promise<TelegramCall<number>>;

/** Why a channel got no sample: the bot lost it (403, chat not found) or another refusal. */
export interface SkippedChannel {
  channelId: string;
  workspaceId: string;
  day: string;
  reason: 'lost_access' | 'telegram_error';
  errorCode: number;
  description: string;
}

export interface MeasureSummary {
  channels: number;
  batches: number;
  /** Samples written by this pass. */
  recorded: number;
  /** Channels that already had their local day's sample (another run or process). */
  alreadyMeasured: number;
  skipped: SkippedChannel[];
}

/** The Bot API's answers that mean the bot cannot see the channel any more. */
function reasonOf(failure: { errorCode: number; description: string }): SkippedChannel['reason'] {
  if (failure.errorCode === 403) return 'lost_access';
  return failure.errorCode === 400 &&
    /chat not found|member list is inaccessible/i.test(failure.description)
    ? 'lost_access'
    : 'telegram_error';
}

/**
 * The daily pass over every active and paused channel (one named withSystem path, in batches by
 * id): a channel without its local day's `members` sample is asked getChatMemberCount, one call
 * at a time, and the answer recorded in its own workspace's scope (recordMemberCount: at most one
 * per local day, channels.subscribers follows). Telegram's refusals are returned, not thrown;
 * network failures throw (the next run picks up where this one stopped).
 */
export async function measureChannelSizes(
  database: Database,
  memberCountOf: MemberCountOf,
  now: () => Date,
  options: { batchSize?: number } = {},
): Promise<MeasureSummary> {
  const batchSize = options.batchSize ?? 200;
  const summary: MeasureSummary = {
    channels: 0,
    batches: 0,
    recorded: 0,
    alreadyMeasured: 0,
    skipped: [],
  };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const startedAt = now();
    const { rows, measured } = await database.withSystem('measure channel sizes', async (tx) => {
      const rows = await tx
        .select({
          id: channels.id,
          workspaceId: channels.workspaceId,
          telegramChatId: channels.telegramChatId,
          timezone: sql<string | null>`${channels.settings}->>'timezone'`,
        })
        .from(channels)
        .where(and(inArray(channels.status, measuredStatuses), gt(channels.id, after)))
        .orderBy(asc(channels.id))
        .limit(batchSize);
      if (rows.length === 0) return { rows, measured: new Set<string>() };
      const samples = await tx
        .selectDistinct({ channelId: events.channelId, day: sql<string>`${events.data}->>'day'` })
        .from(events)
        .where(
          and(
            eq(events.kind, membersEventKind),
            inArray(events.workspaceId, [...new Set(rows.map((r) => r.workspaceId))]),
            inArray(
              events.channelId,
              rows.map((r) => r.id),
            ),
            gte(events.occurredAt, new Date(startedAt.getTime() - localDaySlackMs)),
          ),
        );
      return { rows, measured: new Set(samples.map((s) => `${s.channelId}:${s.day}`)) };
    });
    if (rows.length === 0) return summary;
    summary.channels += rows.length;
    summary.batches += 1;
    for (const channel of rows) {
      const day = channelLocalDay(channel.timezone, startedAt);
      if (measured.has(`${channel.id}:${day}`)) {
        summary.alreadyMeasured += 1;
        continue;
      }
      const answer = await memberCountOf(channel.telegramChatId);
      if (!answer.ok) {
        summary.skipped.push({
          channelId: channel.id,
          workspaceId: channel.workspaceId,
          day,
          reason: reasonOf(answer),
          errorCode: answer.errorCode,
          description: answer.description,
        });
        continue;
      }
      const at = now();
      const recorded = await database.withScope({ workspaceId: channel.workspaceId }, (tx) =>
        recordMemberCount(tx, {
          channelId: channel.id,
          workspaceId: channel.workspaceId,
          count: answer.value,
          day: channelLocalDay(channel.timezone, at),
          at,
        }),
      );
      if (recorded) summary.recorded += 1;
      else summary.alreadyMeasured += 1;
    }
    after = rows[rows.length - 1]!.id;
    if (rows.length < batchSize) return summary;
  }
}
