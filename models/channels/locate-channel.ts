import { eq } from 'drizzle-orm';
import type { Database } from '../db.js';
import { channels, type ChannelStatus } from './table.js';

export interface LocatedChannel {
  id: string;
  workspaceId: string;
  status: ChannelStatus;
}

/**
 * Which workspace holds a Telegram channel (telegram_chat_id is unique platform-wide). The one
 * audited cross-tenant look-up of channels by chat: callers never show another tenant's data.
 */
export async function locateChannelByChat(
  database: Database,
  telegramChatId: number,
): Promise<LocatedChannel | undefined> {
  const rows = await database.withSystem('channels: locate by telegram chat id', (tx) =>
    tx
      .select({ id: channels.id, workspaceId: channels.workspaceId, status: channels.status })
      .from(channels)
      .where(eq(channels.telegramChatId, telegramChatId))
      .limit(1),
  );
  return rows[0];
}
