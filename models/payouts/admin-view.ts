import { asc, eq } from 'drizzle-orm';
import { accounts } from '../accounts/table.js';
import { channels } from '../channels/table.js';
import type { Database } from '../db.js';
import { workspaces } from '../workspaces/table.js';
import { availableBalance, payoutById, type PayoutRow } from './queries.js';

/** What the payout card in the admin chat shows. */
export interface PayoutCardView {
  payout: PayoutRow;
  workspaceTitle: string | null;
  /** Titles of the workspace's channels (what the earnings came from). */
  channelTitles: string[];
  owner: { telegramId: number; firstName: string | null; username: string | null };
  /** The owner's available balance in the payout's currency right now. */
  available: number;
}

/** Reads a payout for its admin card (platform read path, no changes). Undefined when unknown. */
export async function readPayoutCard(
  database: Database,
  payoutId: string,
): Promise<PayoutCardView | undefined> {
  return database.withSystem('admin: read a payout card', async (tx) => {
    const payout = await payoutById(tx, payoutId);
    if (!payout) return undefined;
    const [row] = await tx
      .select({
        title: workspaces.title,
        telegramId: accounts.telegramId,
        firstName: accounts.firstName,
        username: accounts.username,
      })
      .from(workspaces)
      .innerJoin(accounts, eq(accounts.id, payout.requestedByAccountId))
      .where(eq(workspaces.id, payout.workspaceId));
    if (!row) return undefined;
    const available = await availableBalance(tx, payout.workspaceId, payout.currency);
    const titles = await tx
      .select({ title: channels.title })
      .from(channels)
      .where(eq(channels.workspaceId, payout.workspaceId))
      .orderBy(asc(channels.createdAt))
      .limit(10);
    return {
      payout,
      workspaceTitle: row.title,
      channelTitles: titles.map((c) => c.title),
      owner: { telegramId: row.telegramId, firstName: row.firstName, username: row.username },
      available,
    };
  });
}
