import { randomBytes, randomUUID } from 'node:crypto';
import {
  defaultChannelSettings,
  type ChannelCategory,
  type ChannelSettings,
} from '../../../models/channels/settings.js';
import type { ChannelStatus } from '../../../models/channels/table.js';
import type { Database } from '../../../models/db.js';
import { accounts, channels, workspaces } from '../../../models/schema.js';
import { regenerateChannelSlots } from '../../../models/slots/regenerate-slots.js';

let seq = 7_000_000 + Math.floor(Math.random() * 1_000_000);

export interface SeedChannel {
  title: string;
  username?: string | null;
  subscribers?: number;
  status?: ChannelStatus;
  category?: ChannelCategory | null;
  language?: string;
  /** Settings changes on top of a sellable default (schedule every day 10:00 and 18:00, 1/24 price). */
  settings?: Partial<ChannelSettings>;
  /** Materialize slots for the horizon (as the selling settings do). */
  slotsAt?: Date;
}

/** A workspace (own owner) with one channel, written through the system path. */
export async function seedCatalogChannel(
  database: Database,
  spec: SeedChannel,
): Promise<{ id: string; workspaceId: string; shareCode: string }> {
  const language = spec.language ?? 'en';
  const settings: ChannelSettings = {
    ...defaultChannelSettings(language),
    schedule: { mode: 'times', days: [1, 2, 3, 4, 5, 6, 7], times: ['10:00', '18:00'] },
    prices: { '1/24': 150_000 },
    category: spec.category === undefined ? 'travel' : spec.category,
    ...spec.settings,
  };
  return database.withSystem('test: seed catalog', async (tx) => {
    seq += 1;
    const [account] = await tx
      .insert(accounts)
      .values({ telegramId: seq, language })
      .returning({ id: accounts.id });
    if (!account) throw new Error('no account');
    const workspaceId = randomUUID();
    await tx
      .insert(workspaces)
      .values({ id: workspaceId, ownerAccountId: account.id, title: spec.title });
    const shareCode = randomBytes(8).toString('base64url');
    const [row] = await tx
      .insert(channels)
      .values({
        workspaceId,
        telegramChatId: -1_000_500_000_000 - seq,
        title: spec.title,
        username: spec.username === undefined ? null : spec.username,
        subscribers: spec.subscribers ?? 1_000,
        status: spec.status ?? 'active',
        category: settings.category,
        language: settings.language,
        settings: settings as unknown as Record<string, unknown>,
        shareCode,
      })
      .returning({ id: channels.id });
    if (!row) throw new Error('no channel');
    if (spec.slotsAt) {
      await regenerateChannelSlots(tx, { id: row.id, workspaceId, settings }, spec.slotsAt);
    }
    return { id: row.id, workspaceId, shareCode };
  });
}
