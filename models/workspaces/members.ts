import { and, eq } from 'drizzle-orm';
import { accounts } from '../accounts/table.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { ensureOwnerWorkspace } from './ensure-owner-workspace.js';
import { canPerform } from './permissions.js';
import { workspaceMembers, type MemberRole } from './table.js';

export interface MemberRow {
  accountId: string;
  role: MemberRole;
  telegramId: number;
  firstName: string | null;
  username: string | null;
  language: string;
  since: Date;
}

export interface WorkspaceMembers {
  workspaceId: string;
  members: MemberRow[];
}

/** The members of the account's own workspace (owner first); owners only. */
export async function listMembers(
  database: Database,
  input: { accountId: string },
): Promise<Result<WorkspaceMembers, 'forbidden'>> {
  const workspace = await ensureOwnerWorkspace(database, input.accountId);
  if (!canPerform(workspace.role, 'members.manage')) return fail('forbidden');
  const { workspaceId } = workspace;
  const members = await database.withScope({ workspaceId, accountId: input.accountId }, (tx) =>
    tx
      .select({
        accountId: workspaceMembers.accountId,
        role: workspaceMembers.role,
        telegramId: accounts.telegramId,
        firstName: accounts.firstName,
        username: accounts.username,
        language: accounts.language,
        since: workspaceMembers.createdAt,
      })
      .from(workspaceMembers)
      .innerJoin(accounts, eq(accounts.id, workspaceMembers.accountId))
      .where(eq(workspaceMembers.workspaceId, workspaceId))
      .orderBy(workspaceMembers.createdAt),
  );
  members.sort((a, b) => (a.role === b.role ? 0 : a.role === 'owner' ? -1 : 1));
  return ok({ workspaceId, members });
}

export type RevokeMemberCode = 'forbidden' | 'not_member' | 'is_owner';

/**
 * Removes a manager from the account's own workspace (owners only). Access ends at once: every
 * channel look-up goes through the membership row that is deleted here.
 */
export async function revokeMember(
  database: Database,
  input: { accountId: string; memberAccountId: string },
  clock: Clock,
): Promise<Result<MemberRow, RevokeMemberCode>> {
  const workspace = await ensureOwnerWorkspace(database, input.accountId);
  if (!canPerform(workspace.role, 'members.manage')) return fail('forbidden');
  if (input.memberAccountId === input.accountId) return fail('is_owner');
  const { workspaceId } = workspace;
  return database.withScope({ workspaceId, accountId: input.accountId }, async (tx) => {
    const [member] = await tx
      .select({
        accountId: workspaceMembers.accountId,
        role: workspaceMembers.role,
        telegramId: accounts.telegramId,
        firstName: accounts.firstName,
        username: accounts.username,
        language: accounts.language,
        since: workspaceMembers.createdAt,
      })
      .from(workspaceMembers)
      .innerJoin(accounts, eq(accounts.id, workspaceMembers.accountId))
      .where(
        and(
          eq(workspaceMembers.workspaceId, workspaceId),
          eq(workspaceMembers.accountId, input.memberAccountId),
        ),
      )
      .limit(1);
    if (!member) return fail('not_member');
    if (member.role === 'owner') return fail('is_owner');
    await tx
      .delete(workspaceMembers)
      .where(
        and(
          eq(workspaceMembers.workspaceId, workspaceId),
          eq(workspaceMembers.accountId, input.memberAccountId),
        ),
      );
    await recordAudit(tx, {
      actor: `account:${input.accountId}`,
      action: 'workspace.member.revoke',
      objectType: 'account',
      objectId: input.memberAccountId,
      data: { role: member.role },
      at: clock.now(),
      workspaceId,
    });
    return ok(member);
  });
}
