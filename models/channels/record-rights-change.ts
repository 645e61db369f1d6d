import { recordAudit } from '../audit/record-audit.js';
import type { Database } from '../db.js';
import { applyRightsSnapshot, type RightsOutcome } from './apply-rights.js';
import { locateChannelByChat } from './locate-channel.js';
import { findChannel, workspaceRecipients } from './queries.js';
import { botRightsOf, type MemberFacts } from './rights.js';

export type RightsChangeResult =
  | { registered: false }
  | (RightsOutcome & {
      registered: true;
      channelId: string;
      title: string;
      recipients: { telegramId: number; language: string }[];
    });

/**
 * Applies Telegram's news of the bot's new membership in a channel (my_chat_member): stores the
 * rights, pauses or resumes the channel, audits it, and says whom to tell (every workspace member).
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
    return {
      ...outcome,
      registered: true as const,
      channelId: channel.id,
      title: channel.title,
      recipients: recipients.map(({ telegramId, language: l }) => ({ telegramId, language: l })),
    };
  });
}
