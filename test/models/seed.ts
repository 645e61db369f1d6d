import { randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '../../models/db.js';
import { accounts, channels, workspaces } from '../../models/schema.js';

export interface Tenant {
  accountId: string;
  workspaceId: string;
  channelId: string;
}

let telegramSeq = 1_000_000 + Math.floor(Math.random() * 1_000_000);

/** An owner account with a workspace and one channel, written through the system path. */
export async function seedTenant(database: Database, title = 'Tenant'): Promise<Tenant> {
  return database.withSystem('test seed', async (tx) => {
    telegramSeq += 1;
    const [account] = await tx
      .insert(accounts)
      .values({ telegramId: telegramSeq })
      .returning({ id: accounts.id });
    if (!account) throw new Error('no account');
    const workspaceId = randomUUID();
    await tx.insert(workspaces).values({ id: workspaceId, ownerAccountId: account.id, title });
    const [channel] = await tx
      .insert(channels)
      .values({
        workspaceId,
        telegramChatId: -1_000_000_000_000 - telegramSeq,
        title: `${title} channel`,
        shareCode: randomBytes(6).toString('hex'),
      })
      .returning({ id: channels.id });
    if (!channel) throw new Error('no channel');
    return { accountId: account.id, workspaceId, channelId: channel.id };
  });
}

/** The PostgreSQL error code (SQLSTATE) a promise rejects with, looking through drizzle's wrapper. */
export async function pgErrorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    let current: unknown = err;
    while (current instanceof Error) {
      const code = (current as { code?: unknown }).code;
      if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
      current = current.cause;
    }
    throw err;
  }
  throw new Error('expected the promise to reject');
}
