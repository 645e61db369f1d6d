import { and, eq } from 'drizzle-orm';
import { accounts } from '../accounts/table.js';
import { readChannelSettings, type ChannelSettings } from '../channels/settings.js';
import { channels, type ChannelStatus } from '../channels/table.js';
import type { Database } from '../db.js';
import { workspaceMembers, workspaces } from '../workspaces/table.js';
import { channelAccess, type ChannelAccessStatus } from './access-table.js';

export interface BookingChannel {
  id: string;
  workspaceId: string;
  title: string;
  status: ChannelStatus;
  settings: ChannelSettings;
  /** The advertiser is a member of the channel's workspace (cannot buy from itself). */
  ownChannel: boolean;
  advertiserBlocked: boolean;
  /** The advertiser's own timezone (times are shown in both). */
  advertiserTimezone: string;
  /** The advertiser's whitelist entry for this channel, if any. */
  access: ChannelAccessStatus | null;
}

/**
 * The one audited cross-tenant read of booking: a channel by id as an advertiser sees it, with the
 * advertiser's relation to it. Everything after this runs scoped to the channel's workspace.
 */
export async function bookingChannelOf(
  database: Database,
  channelId: string,
  accountId: string,
): Promise<BookingChannel | undefined> {
  return database.withSystem('booking: channel look-up for an advertiser', async (tx) => {
    const [row] = await tx
      .select({
        id: channels.id,
        workspaceId: channels.workspaceId,
        title: channels.title,
        status: channels.status,
        settings: channels.settings,
        language: channels.language,
        ownerAccountId: workspaces.ownerAccountId,
      })
      .from(channels)
      .innerJoin(workspaces, eq(workspaces.id, channels.workspaceId))
      .where(eq(channels.id, channelId))
      .limit(1);
    if (!row) return undefined;
    const [member] = await tx
      .select({ role: workspaceMembers.role })
      .from(workspaceMembers)
      .where(
        and(
          eq(workspaceMembers.workspaceId, row.workspaceId),
          eq(workspaceMembers.accountId, accountId),
        ),
      )
      .limit(1);
    const [account] = await tx
      .select({ blockedAt: accounts.blockedAt, timezone: accounts.timezone })
      .from(accounts)
      .where(eq(accounts.id, accountId))
      .limit(1);
    const [access] = await tx
      .select({ status: channelAccess.status })
      .from(channelAccess)
      .where(and(eq(channelAccess.channelId, channelId), eq(channelAccess.accountId, accountId)))
      .limit(1);
    return {
      id: row.id,
      workspaceId: row.workspaceId,
      title: row.title,
      status: row.status,
      settings: readChannelSettings(row.settings, row.language ?? 'en'),
      ownChannel: member !== undefined || row.ownerAccountId === accountId,
      advertiserBlocked: account?.blockedAt != null,
      advertiserTimezone: account?.timezone ?? 'UTC',
      access: access?.status ?? null,
    };
  });
}

/** The price of a format on a channel in minor units; undefined when the format is not offered. */
export function formatPrice(settings: ChannelSettings, format: string): number | undefined {
  if (format.startsWith('pin:')) {
    return settings.pinned && format === `pin:${settings.pinned.hours}`
      ? settings.pinned.price
      : undefined;
  }
  return (settings.prices as Record<string, number | undefined>)[format];
}
