import { eq } from 'drizzle-orm';
import { accounts } from '../accounts/table.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import {
  actorOf,
  normalizeBlockReason,
  type AdminActor,
  type BlockCode,
  type UnblockCode,
} from './block-rules.js';
import { appendEvent } from '../outbox/events.js';

/**
 * An admin blocks an account: blocked_at/blocked_reason set, so it can no longer book or add
 * channels (the bot stops it with the reason). Channels of its workspaces are left as they are —
 * an admin blocks those separately. Audited.
 */
export async function blockAccount(
  database: Database,
  input: { accountId: string; admin: AdminActor; reason: string },
  clock: Clock,
): Promise<Result<{ accountId: string; telegramId: number }, BlockCode>> {
  const reason = normalizeBlockReason(input.reason);
  if (!reason) return fail('reason_invalid');
  return database.withSystem('admin: block an account', async (tx) => {
    const at = clock.now();
    const [account] = await tx
      .select({ id: accounts.id, telegramId: accounts.telegramId, blockedAt: accounts.blockedAt })
      .from(accounts)
      .where(eq(accounts.id, input.accountId))
      .for('update');
    if (!account) return fail('not_found');
    if (account.blockedAt) return fail('already_blocked');
    await tx
      .update(accounts)
      .set({ blockedAt: at, blockedReason: reason, updatedAt: at })
      .where(eq(accounts.id, account.id));
    await recordAudit(tx, {
      actor: actorOf(input.admin),
      action: 'account.blocked',
      objectType: 'account',
      objectId: account.id,
      data: { reason, admin: input.admin.name, telegramId: account.telegramId },
      at,
    });
    await appendEvent(
      tx,
      { type: 'account.blocked', workspaceId: null, accountId: account.id, reason },
      at,
    );
    return ok({ accountId: account.id, telegramId: account.telegramId });
  });
}

/** An admin lifts an account's block (audited); the account is told it may use the bot again. */
export async function unblockAccount(
  database: Database,
  input: { accountId: string; admin: AdminActor; reason?: string },
  clock: Clock,
): Promise<Result<{ accountId: string; telegramId: number }, UnblockCode>> {
  return database.withSystem('admin: unblock an account', async (tx) => {
    const at = clock.now();
    const [account] = await tx
      .select({
        id: accounts.id,
        telegramId: accounts.telegramId,
        blockedAt: accounts.blockedAt,
        blockedReason: accounts.blockedReason,
      })
      .from(accounts)
      .where(eq(accounts.id, input.accountId))
      .for('update');
    if (!account) return fail('not_found');
    if (!account.blockedAt) return fail('not_blocked');
    await tx
      .update(accounts)
      .set({ blockedAt: null, blockedReason: null, updatedAt: at })
      .where(eq(accounts.id, account.id));
    await recordAudit(tx, {
      actor: actorOf(input.admin),
      action: 'account.unblocked',
      objectType: 'account',
      objectId: account.id,
      data: {
        blockedFor: account.blockedReason,
        admin: input.admin.name,
        ...(input.reason ? { reason: input.reason } : {}),
      },
      at,
    });
    await appendEvent(
      tx,
      { type: 'account.unblocked', workspaceId: null, accountId: account.id, reason: null },
      at,
    );
    return ok({ accountId: account.id, telegramId: account.telegramId });
  });
}
