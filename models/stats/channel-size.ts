import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { localDaySlackMs, membersEventKind } from '../channels/member-counts.js';
import type { DbOrTx } from '../db.js';
import { events } from '../events/table.js';
import { localDaysWindow } from '../slots/local-days.js';

/** A channel's size on one of its local days: the day's last sample. */
export interface ChannelSizePoint {
  /** YYYY-MM-DD in the channel's time zone when it was measured. */
  day: string;
  subscribers: number;
  measuredAt: Date;
}

export interface ChannelGrowth {
  /** The first and last measured days of the range and their sizes. */
  from: ChannelSizePoint;
  to: ChannelSizePoint;
  /** to − from (negative when the channel shrank). */
  change: number;
}

/**
 * A channel's daily size on local days `days.from`..`days.to` (both included) in its time zone:
 * the last `members` sample of each measured day, oldest first (unmeasured days are absent). Runs
 * in the caller's scope; the channel must belong to `workspaceId`.
 */
export async function readChannelSizeSeries(
  tx: DbOrTx,
  channel: { id: string; workspaceId: string; timezone: string },
  days: { from: string; to: string },
): Promise<ChannelSizePoint[]> {
  // Samples carry the local day they were taken on; the window only bounds the partitions read.
  const window = localDaysWindow(channel.timezone, days);
  const day = sql<string>`${events.data}->>'day'`;
  const rows = await tx
    .selectDistinctOn([day], { day, value: events.value, occurredAt: events.occurredAt })
    .from(events)
    .where(
      and(
        eq(events.workspaceId, channel.workspaceId),
        eq(events.kind, membersEventKind),
        eq(events.channelId, channel.id),
        gte(events.occurredAt, new Date(window.from.getTime() - localDaySlackMs)),
        lt(events.occurredAt, new Date(window.to.getTime() + localDaySlackMs)),
        sql`${day} between ${days.from} and ${days.to}`,
      ),
    )
    .orderBy(day, sql`${events.occurredAt} desc`);
  return rows.map((r) => ({ day: r.day, subscribers: r.value, measuredAt: r.occurredAt }));
}

/** Growth over a size series: its first day to its last; undefined when nothing was measured. */
export function channelGrowth(series: readonly ChannelSizePoint[]): ChannelGrowth | undefined {
  const first = series[0];
  const last = series[series.length - 1];
  if (!first || !last) return undefined;
  return { from: first, to: last, change: last.subscribers - first.subscribers };
}
