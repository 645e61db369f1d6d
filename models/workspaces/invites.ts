import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { accounts } from '../accounts/table.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { ensureOwnerWorkspace } from './ensure-owner-workspace.js';
import { canPerform } from './permissions.js';
import { workspaceInvites, workspaceMembers } from './table.js';

/** How long an invite link stays valid. */
export const inviteLifetimeMs = 7 * 24 * 60 * 60 * 1000;

/** Invite codes: 18 random bytes, base64url (24 characters, fits a /start payload). */
const invitePattern = /^[A-Za-z0-9_-]{16,48}$/;

export interface CreatedInvite {
  code: string;
  expiresAt: Date;
}

/** Creates a one-time manager invite for the account's own workspace (owners only). */
export async function createInvite(
  database: Database,
  input: { accountId: string },
  clock: Clock,
): Promise<Result<CreatedInvite, 'forbidden'>> {
  const workspace = await ensureOwnerWorkspace(database, input.accountId);
  if (!canPerform(workspace.role, 'members.manage')) return fail('forbidden');
  const code = randomBytes(18).toString('base64url');
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + inviteLifetimeMs);
  await database.withScope(
    { workspaceId: workspace.workspaceId, accountId: input.accountId },
    async (tx) => {
      await tx.insert(workspaceInvites).values({
        workspaceId: workspace.workspaceId,
        code,
        role: 'manager',
        createdByAccountId: input.accountId,
        expiresAt,
        createdAt: now,
      });
      await recordAudit(tx, {
        actor: `account:${input.accountId}`,
        action: 'workspace.invite.create',
        objectType: 'workspace',
        objectId: workspace.workspaceId,
        data: { expiresAt: expiresAt.toISOString() },
        at: now,
        workspaceId: workspace.workspaceId,
      });
    },
  );
  return ok({ code, expiresAt });
}

export type AcceptInviteCode = 'unknown' | 'used' | 'expired' | 'own_workspace' | 'already_member';

/** Someone to tell about a new member. */
export interface InviteRecipient {
  telegramId: number;
  language: string;
}

export interface AcceptedInvite {
  workspaceId: string;
  /** The owner and the members before this one. */
  notify: InviteRecipient[];
}

/**
 * Redeems an invite code: the account becomes a manager of the code's workspace and the code is
 * used up. Cross-tenant look-up by a secret, so it runs as app_system (audited); the conditional
 * UPDATE makes concurrent redemptions of one code end with exactly one winner.
 */
export async function acceptInvite(
  database: Database,
  input: { accountId: string; code: string },
  clock: Clock,
): Promise<Result<AcceptedInvite, AcceptInviteCode>> {
  if (!invitePattern.test(input.code)) return fail('unknown');
  return database.withSystem('invites: redeem a code', async (tx) => {
    const now = clock.now();
    const [invite] = await tx
      .select()
      .from(workspaceInvites)
      .where(eq(workspaceInvites.code, input.code))
      .limit(1);
    if (!invite) return fail('unknown');
    if (invite.usedAt) return fail('used');
    if (invite.expiresAt <= now) return fail('expired');
    const members = await tx
      .select({
        accountId: workspaceMembers.accountId,
        role: workspaceMembers.role,
        telegramId: accounts.telegramId,
        language: accounts.language,
      })
      .from(workspaceMembers)
      .innerJoin(accounts, eq(accounts.id, workspaceMembers.accountId))
      .where(eq(workspaceMembers.workspaceId, invite.workspaceId));
    const mine = members.find((m) => m.accountId === input.accountId);
    if (mine) return fail(mine.role === 'owner' ? 'own_workspace' : 'already_member');
    const claimed = await tx
      .update(workspaceInvites)
      .set({ usedAt: now, usedByAccountId: input.accountId })
      .where(
        and(
          eq(workspaceInvites.id, invite.id),
          isNull(workspaceInvites.usedAt),
          gt(workspaceInvites.expiresAt, now),
        ),
      )
      .returning({ id: workspaceInvites.id });
    if (claimed.length === 0) return fail('used');
    await tx
      .insert(workspaceMembers)
      .values({
        workspaceId: invite.workspaceId,
        accountId: input.accountId,
        role: invite.role,
        createdAt: now,
      })
      .onConflictDoNothing();
    await recordAudit(tx, {
      actor: `account:${input.accountId}`,
      action: 'workspace.invite.accept',
      objectType: 'workspace',
      objectId: invite.workspaceId,
      data: { inviteId: invite.id, role: invite.role, createdBy: invite.createdByAccountId },
      at: now,
      workspaceId: invite.workspaceId,
    });
    return ok({
      workspaceId: invite.workspaceId,
      notify: members.map((m) => ({ telegramId: m.telegramId, language: m.language })),
    });
  });
}

/** Number of unused, unexpired invites of a workspace (for the members screen). */
export async function countOpenInvites(
  database: Database,
  input: { accountId: string; workspaceId: string },
  clock: Clock,
): Promise<number> {
  const [row] = await database.withScope(input, (tx) =>
    tx
      .select({ n: sql<number>`count(*)::int` })
      .from(workspaceInvites)
      .where(
        and(
          eq(workspaceInvites.workspaceId, input.workspaceId),
          isNull(workspaceInvites.usedAt),
          gt(workspaceInvites.expiresAt, clock.now()),
        ),
      ),
  );
  return row?.n ?? 0;
}
