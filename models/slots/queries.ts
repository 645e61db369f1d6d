import { and, asc, eq, gte, inArray, lt, notInArray, sql } from 'drizzle-orm';
import { channels } from '../channels/table.js';
import { readChannelSettings, type ChannelSettings } from '../channels/settings.js';
import type { DbOrTx } from '../db.js';
import { slots, type SlotStatus } from './table.js';
import { maxTopHours, takenStatuses, topWindowMs } from './top-window.js';

export interface SlotChannelRow {
  id: string;
  workspaceId: string;
  title: string;
  status: string;
  settings: ChannelSettings;
}

/** A channel with its parsed selling settings (RLS decides whether it is visible). */
export async function slotChannelOf(
  tx: DbOrTx,
  channelId: string,
): Promise<SlotChannelRow | undefined> {
  const [row] = await tx
    .select({
      id: channels.id,
      workspaceId: channels.workspaceId,
      title: channels.title,
      status: channels.status,
      settings: channels.settings,
      language: channels.language,
    })
    .from(channels)
    .where(eq(channels.id, channelId))
    .limit(1);
  if (!row) return undefined;
  return { ...row, settings: readChannelSettings(row.settings, row.language ?? 'en') };
}

export interface SlotRow {
  id: string;
  startsAt: Date;
  status: SlotStatus;
  format: string | null;
}

/** Every slot of a channel starting in [from, to), any status, in time order. */
export async function slotsBetween(
  tx: DbOrTx,
  channelId: string,
  from: Date,
  to: Date,
): Promise<SlotRow[]> {
  return tx
    .select({ id: slots.id, startsAt: slots.startsAt, status: slots.status, format: slots.format })
    .from(slots)
    .where(and(eq(slots.channelId, channelId), gte(slots.startsAt, from), lt(slots.startsAt, to)))
    .orderBy(asc(slots.startsAt));
}

const taken = sql.raw(`(${takenStatuses.map((s) => `'${s}'`).join(', ')})`);
const topHoursOf = (alias: string) =>
  sql.raw(
    `case when ${alias}.format ~ '^[0-9]+/[0-9]+$' then split_part(${alias}.format, '/', 1)::int else 0 end`,
  );

/**
 * Free slots of a channel in [from, to) that can be sold now: not inside the top window of a
 * taken slot, on a local day below max per day (taken slots count), and — given the format being
 * booked — whose own top window would not cover a later taken slot. Lead time and horizon are the
 * caller's `from`/`to`.
 */
export async function availableSlots(
  tx: DbOrTx,
  channelId: string,
  from: Date,
  to: Date,
  options: { format?: string } = {},
): Promise<{ id: string; startsAt: Date }[]> {
  const channel = await slotChannelOf(tx, channelId);
  if (!channel) return [];
  const { timezone, maxPerDay } = channel.settings;
  const ownTopMs = topWindowMs(options.format);
  const result = await tx.execute<{ id: string; starts_at: string | Date }>(sql`
    select s.id, s.starts_at from slots s
    where s.channel_id = ${channelId} and s.status = 'free'
      and s.starts_at >= ${from.toISOString()}::timestamptz
      and s.starts_at < ${to.toISOString()}::timestamptz
      and not exists (
        select 1 from slots t
        where t.channel_id = s.channel_id and t.status in ${taken}
          and t.starts_at <= s.starts_at
          and t.starts_at > s.starts_at - make_interval(hours => ${maxTopHours})
          and s.starts_at < t.starts_at + make_interval(hours => ${topHoursOf('t')})
      )
      and (${ownTopMs} = 0 or not exists (
        select 1 from slots t
        where t.channel_id = s.channel_id and t.status in ${taken}
          and t.starts_at > s.starts_at
          and t.starts_at < s.starts_at + make_interval(secs => ${ownTopMs / 1000})
      ))
      and (${maxPerDay}::int is null or (
        select count(*) from slots t
        where t.channel_id = s.channel_id and t.status in ${taken}
          and t.starts_at > s.starts_at - interval '26 hours'
          and t.starts_at < s.starts_at + interval '26 hours'
          and (t.starts_at at time zone ${timezone})::date = (s.starts_at at time zone ${timezone})::date
      ) < ${maxPerDay}::int)
    order by s.starts_at
  `);
  return result.rows.map((r) => ({ id: r.id, startsAt: new Date(r.starts_at) }));
}

/** Slots that count as sold for a fill rate, and those that were never on offer. */
const soldSlotStatuses = ['booked', 'published', 'done'] as const;
const unofferedSlotStatuses = ['cancelled', 'blocked'] as const;

/**
 * The fill of these channels' slots starting in [from, to): sold (booked, published, done) of
 * offered (anything not cancelled or blocked), and the rounded percentage (0 when none was
 * offered). The catalog card's fill rate and the owner dashboard's both read it.
 */
export async function slotFill(
  tx: DbOrTx,
  channelIds: string[],
  range: { from: Date; to: Date },
): Promise<{ sold: number; offered: number; percent: number }> {
  if (channelIds.length === 0) return { sold: 0, offered: 0, percent: 0 };
  const [row] = await tx
    .select({
      sold: sql<number>`(count(*) filter (where ${inArray(slots.status, [...soldSlotStatuses])}))::int`,
      offered: sql<number>`(count(*) filter (where ${notInArray(slots.status, [...unofferedSlotStatuses])}))::int`,
    })
    .from(slots)
    .where(
      and(
        inArray(slots.channelId, channelIds),
        gte(slots.startsAt, range.from),
        lt(slots.startsAt, range.to),
      ),
    );
  const sold = row?.sold ?? 0;
  const offered = row?.offered ?? 0;
  return { sold, offered, percent: offered > 0 ? Math.round((sold * 100) / offered) : 0 };
}
