import { asc, eq } from 'drizzle-orm';
import { accounts } from '../accounts/table.js';
import { channels } from '../channels/table.js';
import type { Database, DbOrTx } from '../db.js';
import { membershipsOf } from '../workspaces/access.js';

/** The workspace an account owns, and the account's time zone (the one its dates are shown in). */
export interface OwnWorkspace {
  workspaceId: string;
  timezone: string;
}

/** A channel of the workspace with its time zone (UTC when its settings name none). */
export interface WorkspaceChannel {
  id: string;
  title: string;
  timezone: string;
}

/**
 * The workspace the account owns — not one it manages for someone else (revenue and payouts are
 * the owner's) — with the account's time zone; undefined when it owns none.
 */
export async function readOwnWorkspace(
  database: Database,
  accountId: string,
): Promise<OwnWorkspace | undefined> {
  return database.withScope({ accountId }, async (tx) => {
    const memberships = await membershipsOf(tx, accountId);
    const own = memberships.find((m) => m.role === 'owner' && m.ownerAccountId === accountId);
    if (!own) return undefined;
    const [row] = await tx
      .select({ timezone: accounts.timezone })
      .from(accounts)
      .where(eq(accounts.id, accountId));
    return { workspaceId: own.workspaceId, timezone: row?.timezone ?? 'UTC' };
  });
}

/** Every channel of the workspace by title (in its scope). */
export async function readWorkspaceChannels(
  tx: DbOrTx,
  workspaceId: string,
): Promise<WorkspaceChannel[]> {
  const rows = await tx
    .select({ id: channels.id, title: channels.title, settings: channels.settings })
    .from(channels)
    .where(eq(channels.workspaceId, workspaceId))
    .orderBy(asc(channels.title), asc(channels.id));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    timezone: typeof r.settings.timezone === 'string' ? r.settings.timezone : 'UTC',
  }));
}
