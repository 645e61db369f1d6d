import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import type { Currency } from '../orders/table.js';
import { ensureOwnerWorkspace } from '../workspaces/ensure-owner-workspace.js';
import { canPerform } from '../workspaces/permissions.js';
import { ownerBalances, type CurrencyBalance } from './balances.js';
import { openPayout, payoutHistory, type PayoutRow } from './queries.js';
import { payoutMinimums } from './rules.js';

export interface BalanceOverview {
  workspaceId: string;
  balances: (CurrencyBalance & {
    minimum: number;
    /** An open (requested/approved) payout blocks a new request in this currency. */
    openPayout: boolean;
    /** available ≥ minimum and nothing open. */
    canRequest: boolean;
  })[];
  history: PayoutRow[];
}

/**
 * The "Balance & payouts" screen of the account's own workspace: balances per currency with the
 * payout minimum and whether a request is possible now, and the latest payouts. Owners only.
 */
export async function balanceOverview(
  database: Database,
  accountId: string,
  historyLimit = 5,
): Promise<Result<BalanceOverview, 'forbidden'>> {
  const workspace = await ensureOwnerWorkspace(database, accountId);
  if (!canPerform(workspace.role, 'payouts.manage')) return fail('forbidden');
  const { workspaceId } = workspace;
  const balances = await ownerBalances(database, workspaceId);
  const { history, open } = await database.withScope({ workspaceId, accountId }, async (tx) => {
    const open = new Set<Currency>();
    for (const b of balances)
      if (await openPayout(tx, workspaceId, b.currency)) open.add(b.currency);
    return { history: await payoutHistory(tx, workspaceId, historyLimit), open };
  });
  return ok({
    workspaceId,
    balances: balances.map((b) => {
      const minimum = payoutMinimums[b.currency];
      const openPayout = open.has(b.currency);
      return { ...b, minimum, openPayout, canRequest: !openPayout && b.available >= minimum };
    }),
    history,
  });
}
