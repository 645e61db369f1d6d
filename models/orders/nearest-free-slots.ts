import type { ChannelSettings } from '../channels/settings.js';
import type { Database } from '../db.js';
import { availableSlots } from '../slots/queries.js';

const dayMs = 86_400_000;

/** Up to `limit` free start times of a channel closest to `around` (within a week either side), sellable now. */
export async function nearestFreeSlots(
  database: Database,
  channel: { id: string; workspaceId: string; settings: ChannelSettings },
  around: Date,
  format: string,
  now: Date,
  limit = 3,
): Promise<Date[]> {
  const earliest = now.getTime() + channel.settings.leadTimeMinutes * 60_000;
  const latest = now.getTime() + channel.settings.horizonDays * dayMs;
  const from = new Date(Math.max(earliest, around.getTime() - 7 * dayMs));
  const to = new Date(Math.min(latest, around.getTime() + 7 * dayMs) + 1);
  if (from >= to) return [];
  const free = await database.withScope({ workspaceId: channel.workspaceId }, (tx) =>
    availableSlots(tx, channel.id, from, to, { format }),
  );
  return free
    .map((s) => s.startsAt)
    .sort(
      (a, b) =>
        Math.abs(a.getTime() - around.getTime()) - Math.abs(b.getTime() - around.getTime()) ||
        a.getTime() - b.getTime(),
    )
    .slice(0, limit)
    .sort((a, b) => a.getTime() - b.getTime());
}
