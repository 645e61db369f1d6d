import type { ApiKeyOwner } from '../../../models/api-keys/key-owner.js';
import type { Database } from '../../../models/db.js';
import { ensureOwnerWorkspace } from '../../../models/workspaces/ensure-owner-workspace.js';
import type { ApiKeysOwnerKind } from '../../../messages/callback-data/api-keys.js';

/** The presser's own keys of a kind: their workspace's (created on first need) or their account's. */
export async function ownKeyOwner(
  database: Database,
  accountId: string,
  kind: ApiKeysOwnerKind,
): Promise<ApiKeyOwner> {
  if (kind === 'account') return { accountId };
  const own = await ensureOwnerWorkspace(database, accountId);
  return { workspaceId: own.workspaceId };
}
