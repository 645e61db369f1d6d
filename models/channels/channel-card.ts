import type { Database } from '../db.js';
import type { ChannelAccess, Membership } from '../workspaces/access.js';
import { membershipsOf } from '../workspaces/access.js';
import { findChannel, listWorkspaceChannels, nextBookedSlots, type ChannelRow } from './queries.js';
import {
  missingRights,
  offeredFormats,
  readBotRights,
  type BotRightName,
  type BotRights,
} from './rights.js';
import { readChannelSettings, type ChannelSettings } from './settings.js';
import { isUuid } from '../uuid.js';

export interface ChannelCard {
  channel: ChannelRow;
  settings: ChannelSettings;
  rights: BotRights;
  /** Rights the offered formats need that the bot lacks (posting always needed). */
  missing: BotRightName[];
  ready: { schedule: boolean; prices: boolean };
  nextBookings: { startsAt: Date; status: string }[];
}

/** Everything the channel card shows, read in the channel's workspace scope. */
export async function loadChannelCard(
  database: Database,
  access: ChannelAccess,
  accountId: string,
  language: string,
  now: Date,
): Promise<ChannelCard | undefined> {
  const { workspaceId, channelId } = access;
  return database.withScope({ workspaceId, accountId }, async (tx) => {
    const channel = await findChannel(tx, workspaceId, channelId);
    if (!channel) return undefined;
    const settings = readChannelSettings(channel.settings, language);
    const rights = readBotRights(channel.botRights);
    return {
      channel,
      settings,
      rights,
      missing: missingRights(rights, settings),
      ready: { schedule: settings.schedule !== null, prices: offeredFormats(settings).length > 0 },
      nextBookings: await nextBookedSlots(tx, channelId, now, 5),
    };
  });
}

export interface WorkspaceChannels {
  membership: Membership;
  channels: ChannelRow[];
}

/** The channels of every workspace the account belongs to (each read in its own scope). */
export async function listMyChannels(
  database: Database,
  accountId: string,
): Promise<WorkspaceChannels[]> {
  const memberships = await database.withScope({ accountId }, (tx) => membershipsOf(tx, accountId));
  const out: WorkspaceChannels[] = [];
  for (const membership of memberships) {
    const { workspaceId } = membership;
    const rows = await database.withScope({ workspaceId, accountId }, (tx) =>
      listWorkspaceChannels(tx, workspaceId),
    );
    out.push({ membership, channels: rows });
  }
  return out;
}

/** True for a syntactically valid channel id (callback data is untrusted input). */
export function isChannelId(value: string): boolean {
  return isUuid(value);
}
