import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db.js';
import type { ChannelRow } from './queries.js';
import {
  canSell,
  missingRights,
  readBotRights,
  type BotRightName,
  type BotRights,
} from './rights.js';
import { readChannelSettings } from './settings.js';
import { channels, type ChannelStatus } from './table.js';
import { transitionChannel } from './transition-channel.js';

/** Why a channel is paused: by its owner, because the bot lost its rights, or by the plan. */
export const pauseReasons = ['owner', 'bot_rights', 'plan'] as const;
export type PauseReason = (typeof pauseReasons)[number];

/**
 * Whether already booked ads still go out in a channel: active ones, and ones paused only because
 * the Pro plan ended (new bookings stop; what was sold is delivered). Owner, rights and admin stops
 * halt publication.
 */
export function publishesBookedAds(status: ChannelStatus, statusReason: string | null): boolean {
  return status === 'active' || (status === 'paused' && statusReason === 'plan');
}

/** What a new rights snapshot did to a channel. */
export type RightsTransition = 'paused' | 'resumed' | 'degraded' | 'none';

export interface RightsOutcome {
  transition: RightsTransition;
  status: ChannelStatus;
  missing: BotRightName[];
}

/**
 * Stores a rights snapshot. Lost posting pauses an active channel (reason bot_rights); posting
 * restored resumes only a channel paused for rights (never one the owner paused or an admin blocked).
 */
export async function applyRightsSnapshot(
  tx: Tx,
  channel: Pick<
    ChannelRow,
    'id' | 'workspaceId' | 'status' | 'statusReason' | 'settings' | 'botRights'
  >,
  rights: BotRights,
  language: string,
  now: Date,
): Promise<RightsOutcome> {
  const settings = readChannelSettings(channel.settings, language);
  const before = missingRights(readBotRights(channel.botRights), settings);
  const missing = missingRights(rights, settings);
  let status = channel.status;
  let reason = channel.statusReason;
  let transition: RightsTransition = 'none';
  // A channel waiting for an admin stays waiting (approval pauses it if rights are still missing).
  if (!canSell(rights) && status === 'active') {
    status = 'paused';
    reason = 'bot_rights';
    transition = 'paused';
  } else if (canSell(rights) && status === 'paused' && reason === 'bot_rights') {
    status = 'active';
    reason = null;
    transition = 'resumed';
  } else if (missing.length > 0 && missing.some((r) => !before.includes(r))) {
    transition = 'degraded';
  }
  await tx
    .update(channels)
    .set({ botRights: { ...rights }, rightsCheckedAt: now, updatedAt: now })
    .where(and(eq(channels.id, channel.id), eq(channels.workspaceId, channel.workspaceId)));
  if (status !== channel.status) {
    const moved = await transitionChannel(tx, {
      channelId: channel.id,
      workspaceId: channel.workspaceId,
      from: [channel.status],
      to: status,
      reason,
      at: now,
    });
    // Read without a lock and moved since (an admin's block, say): the rights change nothing.
    if (!moved.ok) return { transition: 'none', status: channel.status, missing };
  }
  return { transition, status, missing };
}
