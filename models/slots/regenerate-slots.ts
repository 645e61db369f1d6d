import { sql } from 'drizzle-orm';
import type { ChannelSettings } from '../channels/settings.js';
import type { DbOrTx } from '../db.js';
import { materializeSlots, slotWindow } from './materialize.js';
import { transitionSlotsSql } from './transition-slot.js';

export interface SlotChannel {
  id: string;
  workspaceId: string;
  settings: ChannelSettings;
}

export interface RegenerateCounts {
  /** Free slots inserted (or withdrawn ones offered again). */
  created: number;
  /** Free slots deleted (or withdrawn) because the schedule no longer offers them. */
  removed: number;
}

/** `{…}` array literal of ISO instants / ids, passed as ONE parameter. */
function arrayLiteral(values: readonly string[]): string {
  return `{${values.join(',')}}`;
}

/**
 * Brings a channel's future free slots in line with its settings: inserts the missing ones of the
 * horizon, removes free ones no longer offered. Never touches held, booked, published, done or
 * blocked slots, nor anything before now + lead time.
 */
export async function regenerateChannelSlots(
  tx: DbOrTx,
  channel: SlotChannel,
  now: Date,
): Promise<RegenerateCounts> {
  return regenerateSlotsOf(tx, [channel], now);
}

/**
 * The same for many channels in ONE set-based statement (an insert from unnest arrays, a
 * delete/withdraw of stale free slots), as the daily horizon job and the benchmark use it.
 */
export async function regenerateSlotsOf(
  tx: DbOrTx,
  list: readonly SlotChannel[],
  now: Date,
): Promise<RegenerateCounts> {
  if (list.length === 0) return { created: 0, removed: 0 };
  // Per slot only the channel's position and epoch seconds: small parameters, cheap to parse.
  const slotIndexes: number[] = [];
  const slotEpochs: number[] = [];
  const windowChannels: string[] = [];
  const windowWorkspaces: string[] = [];
  const windowStarts: number[] = [];
  list.forEach((channel, i) => {
    const window = slotWindow(channel.settings, now);
    windowChannels.push(channel.id);
    windowWorkspaces.push(channel.workspaceId);
    windowStarts.push(window.from.getTime() / 1000);
    for (const instant of materializeSlots(channel.settings, window.from, window.to)) {
      slotIndexes.push(i + 1);
      slotEpochs.push(instant / 1000);
    }
  });
  const result = await tx.execute<{ created: string; removed: string }>(sql`
    with windows as (
      select w.channel_id, w.workspace_id, to_timestamp(w.starts_from) as starts_from, w.n
      from unnest(
        ${arrayLiteral(windowChannels)}::uuid[],
        ${arrayLiteral(windowWorkspaces)}::uuid[],
        ${arrayLiteral(windowStarts.map(String))}::float8[]
      ) with ordinality as w(channel_id, workspace_id, starts_from, n)
      -- Only channels this transaction may see, in the workspace given (RLS applies to channels).
      join channels c on c.id = w.channel_id and c.workspace_id = w.workspace_id
    ),
    desired as (
      select w.channel_id, w.workspace_id, to_timestamp(d.epoch) as starts_at
      from unnest(
        ${arrayLiteral(slotIndexes.map(String))}::int[],
        ${arrayLiteral(slotEpochs.map(String))}::float8[]
      ) as d(n, epoch)
      join windows w on w.n = d.n
    ),
    future as (
      -- Per channel, an index range scan from the window start (robust without fresh statistics).
      select s.id, s.channel_id, s.starts_at, s.status
      from windows w
      cross join lateral (
        select id, channel_id, starts_at, status from slots
        where channel_id = w.channel_id and starts_at >= w.starts_from
          and status in ('free', 'cancelled')
      ) s
    ),
    stale as (
      select f.id, exists (select 1 from order_items oi where oi.slot_id = f.id) as referenced
      from future f
      -- NOT IN over a CTE plans as a hashed subplan: linear even when row estimates are off.
      where f.status = 'free'
        and (f.channel_id, f.starts_at) not in (select d.channel_id, d.starts_at from desired d)
    ),
    deleted as (
      delete from slots where id in (select id from stale where not referenced) returning 1
    ),
    withdrawn as (${transitionSlotsSql({
      ids: sql`select id from stale where referenced`,
      from: ['free'],
      to: 'cancelled',
      at: now,
    })}),
    revived as (${transitionSlotsSql({
      ids: sql`select f.id from future f
        join desired d on d.channel_id = f.channel_id and d.starts_at = f.starts_at
        where f.status = 'cancelled'`,
      from: ['cancelled'],
      to: 'free',
      at: now,
    })}),
    inserted as (
      insert into slots (channel_id, workspace_id, starts_at)
      select d.channel_id, d.workspace_id, d.starts_at from desired d
      where not exists (
        select 1 from slots s where s.channel_id = d.channel_id and s.starts_at = d.starts_at
      )
      on conflict (channel_id, starts_at, workspace_id) do nothing
      returning 1
    )
    select
      (select count(*) from inserted) + (select count(*) from revived) as created,
      (select count(*) from deleted) + (select count(*) from withdrawn) as removed
  `);
  const row = result.rows[0];
  return { created: Number(row?.created ?? 0), removed: Number(row?.removed ?? 0) };
}
