import type { ChannelSettings } from '../channels/settings.js';
import { updateChannelSettings } from '../selling/update-settings.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import type { Result } from '../errors.js';

/**
 * Replaces a channel's stop words and blocked domains (owner-level content rules) for a member
 * allowed to edit its settings: one settings change, validated with the whole settings, audited.
 */
export async function setContentRules(
  database: Database,
  input: { accountId: string; channelId: string; stopWords: string[]; blockedDomains: string[] },
  clock: Clock,
): Promise<Result<ChannelSettings, 'not_found' | 'forbidden' | 'invalid'>> {
  const { accountId, channelId, stopWords, blockedDomains } = input;
  return updateChannelSettings(
    database,
    { accountId, channelId, change: { field: 'contentRules', stopWords, blockedDomains } },
    clock,
  );
}
