import { randomUUID } from 'node:crypto';
import type { Database } from '../../models/db.js';
import { workspaceMembers, workspaces } from '../../models/schema.js';
import type { WorkspacePlan } from '../../models/workspaces/table.js';
import { makeAccount } from './accounts.js';

export interface MadeWorkspace {
  workspaceId: string;
  ownerAccountId: string;
}

/**
 * A workspace of `owner` (a new account otherwise) with the owner's membership unless
 * `membership: false`; Free unless `plan` (and `planExpiresAt`) say otherwise.
 */
export async function makeWorkspace(
  database: Database,
  overrides: {
    owner?: string;
    title?: string | null;
    membership?: boolean;
    plan?: WorkspacePlan;
    planExpiresAt?: Date | null;
  } = {},
): Promise<MadeWorkspace> {
  const ownerAccountId = overrides.owner ?? (await makeAccount(database)).id;
  const workspaceId = randomUUID();
  await database.withSystem('test factory: workspace', async (tx) => {
    await tx.insert(workspaces).values({
      id: workspaceId,
      ownerAccountId,
      title: overrides.title ?? null,
      plan: overrides.plan ?? 'free',
      planExpiresAt: overrides.planExpiresAt ?? null,
    });
    if (overrides.membership !== false)
      await tx
        .insert(workspaceMembers)
        .values({ workspaceId, accountId: ownerAccountId, role: 'owner' });
  });
  return { workspaceId, ownerAccountId };
}
