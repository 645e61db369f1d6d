import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { DateTime, IANAZone } from 'luxon';
import type { Tx } from '../db.js';
import { events } from '../events/table.js';
import { channels } from './table.js';

/** The `events.kind` of a channel's measured size: value = its member count, data.day = local day. */
export const membersEventKind = 'members';

/** How far from a sample's instant its local day can start or end (offsets are within ±14 h). */
export const localDaySlackMs = 2 * 86_400_000;

/** The local date (YYYY-MM-DD) of `at` in a channel's time zone; an unknown zone counts as UTC. */
export function channelLocalDay(timezone: string | null | undefined, at: Date): string {
  const zone = IANAZone.create(timezone && IANAZone.isValidZone(timezone) ? timezone : 'UTC');
  return DateTime.fromMillis(at.getTime(), { zone }).toISODate() ?? at.toISOString().slice(0, 10);
}

export interface MemberCountSample {
  channelId: string;
  workspaceId: string;
  count: number;
  /** The channel's local day of `at` (channelLocalDay). */
  day: string;
  at: Date;
}

/**
 * Records a channel's member count for its local day and makes it the catalog's number
 * (channels.subscribers), in the caller's workspace-scoped transaction. At most one sample per
 * channel and local day: concurrent callers serialize on the day's lock and the later one records
 * nothing (false).
 */
export async function recordMemberCount(tx: Tx, sample: MemberCountSample): Promise<boolean> {
  const { channelId, workspaceId, day, at } = sample;
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`channel-members:${channelId}:${day}`}))`,
  );
  const [seen] = await tx
    .select({ id: events.id })
    .from(events)
    .where(
      and(
        eq(events.workspaceId, workspaceId),
        eq(events.kind, membersEventKind),
        eq(events.channelId, channelId),
        gte(events.occurredAt, new Date(at.getTime() - localDaySlackMs)),
        lt(events.occurredAt, new Date(at.getTime() + localDaySlackMs)),
        sql`${events.data}->>'day' = ${day}`,
      ),
    )
    .limit(1);
  if (seen) return false;
  const count = Math.max(0, Math.floor(sample.count));
  await tx.insert(events).values({
    occurredAt: at,
    workspaceId,
    kind: membersEventKind,
    channelId,
    value: count,
    data: { day },
  });
  await tx
    .update(channels)
    .set({ subscribers: count })
    .where(and(eq(channels.id, channelId), eq(channels.workspaceId, workspaceId)));
  return true;
}
