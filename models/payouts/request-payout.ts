import { recordAudit } from '../audit/record-audit.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import type { Currency } from '../orders/table.js';
import { appendEvent } from '../outbox/events.js';
import { membershipsOf } from '../workspaces/access.js';
import { canPerform } from '../workspaces/permissions.js';
import { availableBalance, lockPayoutBalance, openPayout } from './queries.js';
import { payoutMinimums, validateDestination, type DestinationCode } from './rules.js';
import { payouts } from './table.js';

export interface RequestPayoutInput {
  workspaceId: string;
  /** Who asks: must be the workspace's owner (payouts.manage is owner-only). */
  accountId: string;
  amount: number;
  currency: Currency;
  destination: { method: unknown; details: string };
}

export interface PayoutRequested {
  payoutId: string;
  amount: number;
  currency: Currency;
  available: number;
}

export type RequestPayoutCode =
  | 'forbidden'
  | 'invalid_amount'
  | 'below_minimum'
  | 'insufficient_funds'
  | 'open_request'
  | DestinationCode;

/**
 * The owner asks to withdraw `amount` (≥ the currency's minimum, ≤ what is available) to the given
 * destination. One open (requested or approved) payout per workspace and currency; checked under a
 * per-workspace-and-currency lock. No ledger posting yet (approval posts); `payout.requested` is
 * appended in the same transaction, so the admins' card comes exactly when the request exists.
 */
export async function requestPayout(
  database: Database,
  input: RequestPayoutInput,
  clock: Clock,
): Promise<Result<PayoutRequested, RequestPayoutCode>> {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) return fail('invalid_amount');
  const destination = validateDestination(input.destination);
  if (!destination.ok) return fail(destination.code);
  const minimum = payoutMinimums[input.currency];
  if (input.amount < minimum) return fail('below_minimum', { minimum });
  const scope = { workspaceId: input.workspaceId, accountId: input.accountId };
  const at = clock.now();
  const created = await database.withScope(
    scope,
    async (tx): Promise<Result<PayoutRequested, RequestPayoutCode>> => {
      const member = (await membershipsOf(tx, input.accountId)).find(
        (m) => m.workspaceId === input.workspaceId,
      );
      if (!member || !canPerform(member.role, 'payouts.manage')) return fail('forbidden');
      await lockPayoutBalance(tx, input.workspaceId, input.currency);
      const open = await openPayout(tx, input.workspaceId, input.currency);
      if (open) return fail('open_request', { payoutId: open.id });
      const available = await availableBalance(tx, input.workspaceId, input.currency);
      if (input.amount > available) return fail('insufficient_funds', { available });
      const [row] = await tx
        .insert(payouts)
        .values({
          workspaceId: input.workspaceId,
          requestedByAccountId: input.accountId,
          amount: input.amount,
          currency: input.currency,
          method: destination.value.method,
          destination: { details: destination.value.details },
          createdAt: at,
        })
        .returning({ id: payouts.id });
      if (!row) throw new Error('payout was not inserted');
      await recordAudit(tx, {
        actor: `account:${input.accountId}`,
        action: 'payout.requested',
        objectType: 'payout',
        objectId: row.id,
        data: {
          amount: input.amount,
          currency: input.currency,
          method: destination.value.method,
          available,
        },
        at,
        workspaceId: input.workspaceId,
      });
      await appendEvent(
        tx,
        {
          type: 'payout.requested',
          workspaceId: input.workspaceId,
          payoutId: row.id,
          requestedByAccountId: input.accountId,
          amount: input.amount,
          currency: input.currency,
        },
        at,
      );
      return ok({ payoutId: row.id, amount: input.amount, currency: input.currency, available });
    },
  );
  return created;
}
