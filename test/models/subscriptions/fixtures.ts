import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Clock } from '../../../models/clock.js';
import { deliverEvents } from '../../helpers/outbox.js';
import type { Database } from '../../../models/db.js';
import { channels } from '../../../models/schema.js';

/** A clock the test moves by hand. */
export function manualClock(start: Date): Clock & { set(at: Date): void; add(ms: number): void } {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    offsetMs: () => 0,
    set: (at) => {
      now = at.getTime();
    },
    add: (ms) => {
      now += ms;
    },
  };
}

let chatSeq = 5_000_000 + Math.floor(Math.random() * 1_000_000);

export const postingRights = {
  status: 'administrator',
  can_post_messages: true,
  can_edit_messages: true,
  can_delete_messages: true,
};

/** One more channel in a workspace (active with posting rights unless told otherwise). */
export async function addChannel(
  database: Database,
  workspaceId: string,
  options: {
    title: string;
    createdAt: Date;
    status?: 'active' | 'paused' | 'pending_review';
    statusReason?: string | null;
    rights?: Record<string, unknown>;
  },
): Promise<string> {
  chatSeq += 1;
  const [row] = await database.withSystem('test seed channel', (tx) =>
    tx
      .insert(channels)
      .values({
        workspaceId,
        telegramChatId: -1_000_000_000_000 - chatSeq,
        title: options.title,
        status: options.status ?? 'active',
        statusReason: options.statusReason ?? null,
        botRights: options.rights ?? postingRights,
        shareCode: randomBytes(6).toString('hex'),
        createdAt: options.createdAt,
      })
      .returning({ id: channels.id }),
  );
  return row!.id;
}

/**
 * Agenda jobs queued with a name (in-transaction enqueues land in agenda_jobs); notifications once
 * the pending domain events have been delivered, as the jobs process would.
 */
export async function queuedJobs(
  database: Database,
  name: string,
): Promise<{ data: Record<string, unknown>; next_run_at: Date }[]> {
  if (name === 'notifications.send') await deliverEvents(database);
  const result = await database.db.execute(
    sql`select data, next_run_at from agenda_jobs where name = ${name} order by next_run_at`,
  );
  return result.rows as { data: Record<string, unknown>; next_run_at: Date }[];
}
