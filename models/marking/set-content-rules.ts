import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import {
  channelSettingsSchema,
  readChannelSettings,
  type ChannelSettings,
} from '../channels/settings.js';
import { channels } from '../channels/table.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { channelAccess } from '../workspaces/access.js';
import { canPerform } from '../workspaces/permissions.js';

/**
 * Replaces a channel's stop words and blocked domains (owner-level content rules) for a member
 * allowed to edit its settings; validated with the whole settings, audited.
 */
export async function setContentRules(
  database: Database,
  input: { accountId: string; channelId: string; stopWords: string[]; blockedDomains: string[] },
  clock: Clock,
): Promise<Result<ChannelSettings, 'not_found' | 'forbidden' | 'invalid'>> {
  const access = await channelAccess(database, input.accountId, input.channelId);
  if (!access) return fail('not_found');
  if (!canPerform(access.role, 'channels.edit')) return fail('forbidden');
  const { workspaceId } = access;
  return database.withScope({ workspaceId, accountId: input.accountId }, async (tx) => {
    const [row] = await tx
      .select({ language: channels.language, settings: channels.settings })
      .from(channels)
      .where(and(eq(channels.id, input.channelId), eq(channels.workspaceId, workspaceId)))
      .for('update');
    if (!row) return fail('not_found');
    const before = readChannelSettings(row.settings, row.language ?? 'en');
    const parsed = channelSettingsSchema.safeParse({
      ...before,
      stopWords: input.stopWords,
      blockedDomains: input.blockedDomains,
    });
    if (!parsed.success) return fail('invalid');
    const now = clock.now();
    await tx
      .update(channels)
      .set({ settings: parsed.data as unknown as Record<string, unknown>, updatedAt: now })
      .where(eq(channels.id, input.channelId));
    await recordAudit(tx, {
      actor: `account:${input.accountId}`,
      action: 'channel.content_rules.set',
      objectType: 'channel',
      objectId: input.channelId,
      data: { stopWords: input.stopWords, blockedDomains: input.blockedDomains },
      at: now,
      workspaceId,
    });
    return ok(parsed.data);
  });
}
