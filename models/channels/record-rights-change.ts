import { recordAudit } from '../audit/record-audit.js';
import type { Database } from '../db.js';
import { applyRightsSnapshot, type RightsOutcome } from './apply-rights.js';
import { locateChannelByChat } from './locate-channel.js';
import { findChannel, paidSlotsSince, workspaceRecipients } from './queries.js';
import { botRightsOf, lostRightsGraceMs, type MemberFacts } from './rights.js';
import { readChannelSettings } from './settings.js';

/** How many paid slots a rights notice names at most. */
const paidAheadShown = 5;

export type RightsChangeResult =
  | { registered: false }
  | (RightsOutcome & {
      registered: true;
      channelId: string;
      title: string;
      recipients: { telegramId: number; language: string }[];
      /** When paused: the paid slots still to be posted (first few), in the channel's zone. */
      paidAhead: { startsAt: Date; orderId: string | null }[];
      timezone: string;
      /** How long after a slot's time the bot may still post it. */
      graceMinutes: number;
    });

/**
 * Applies Telegram's news of the bot's new membership in a channel (my_chat_member): stores the
 * rights, pauses or resumes the channel, audits it, and says whom to tell (every workspace member)
 * and, when selling paused, which paid ads are at risk (still postable within the grace period).
 */
export async function recordRightsChange(
  database: Database,
  input: { telegramChatId: number; bot: MemberFacts; byTelegramId: number | null; now: Date },
): Promise<RightsChangeResult> {
  const located = await locateChannelByChat(database, input.telegramChatId);
  if (!located) return { registered: false };
  const workspaceId = located.workspaceId;
  return database.withScope({ workspaceId }, async (tx) => {
    const channel = await findChannel(tx, workspaceId, located.id);
    if (!channel) return { registered: false as const };
    const recipients = await workspaceRecipients(tx, workspaceId);
    const language = recipients.find((r) => r.role === 'owner')?.language ?? 'en';
    const rights = botRightsOf(input.bot);
    const outcome = await applyRightsSnapshot(tx, channel, rights, language, input.now);
    await recordAudit(tx, {
      actor: 'system:my_chat_member',
      action: 'channel.rights_changed',
      objectType: 'channel',
      objectId: channel.id,
      data: { rights, transition: outcome.transition, byTelegramId: input.byTelegramId },
      at: input.now,
      workspaceId,
    });
    const since = new Date(input.now.getTime() - lostRightsGraceMs);
    const paidAhead =
      outcome.transition === 'paused'
        ? await paidSlotsSince(tx, channel.id, since, paidAheadShown)
        : [];
    return {
      ...outcome,
      registered: true as const,
      channelId: channel.id,
      title: channel.title,
      recipients: recipients.map(({ telegramId, language: l }) => ({ telegramId, language: l })),
      paidAhead,
      timezone: readChannelSettings(channel.settings, language).timezone,
      graceMinutes: Math.round(lostRightsGraceMs / 60_000),
    };
  });
}
