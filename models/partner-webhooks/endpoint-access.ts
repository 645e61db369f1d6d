import { eq, type SQL } from 'drizzle-orm';
import type { ApiKeyScope } from '../api-keys/authenticate-api-key.js';
import { keyOwnerAccess } from '../api-keys/key-owner.js';
import type { Database, Scope } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { webhookEndpoints } from './table.js';

/** Whose endpoints: a workspace's (its owner, on Pro) or an advertiser account's own. */
export type WebhookOwner = { workspaceId: string } | { accountId: string };

/** Who manages endpoints: a person in the bot (checked like API keys) or a partner API key. */
export type WebhookActor =
  { kind: 'account'; owner: WebhookOwner; accountId: string } | { kind: 'key'; scope: ApiKeyScope };

/** The scope to work on an owner's endpoints in, the condition selecting only them, and the audit actor. */
export interface EndpointAccess {
  scope: Scope;
  ownedBy: SQL;
  workspaceId: string | null;
  accountId: string | null;
  /** `account:<id>` or `partner:<key id>`. */
  auditActor: string;
  /** The person acting, when known without a query (a key's creator is read by createWebhookEndpoint). */
  actorAccountId: string | null;
}

function accessOf(owner: WebhookOwner, scope: Scope, auditActor: string, actor: string | null) {
  const workspaceId = 'workspaceId' in owner ? owner.workspaceId : null;
  const accountId = 'accountId' in owner ? owner.accountId : null;
  return {
    scope,
    ownedBy:
      workspaceId !== null
        ? eq(webhookEndpoints.workspaceId, workspaceId)
        : eq(webhookEndpoints.accountId, accountId!),
    workspaceId,
    accountId,
    auditActor,
    actorAccountId: actor,
  };
}

/**
 * Checks the actor may manage the owner's endpoints — the same rule as API keys (keyOwnerAccess):
 * a workspace's owner, or the account itself; a key manages the endpoints of its own scope. The
 * returned scope lets RLS hide everyone else's endpoints.
 */
export async function endpointAccess(
  database: Database,
  actor: WebhookActor,
): Promise<Result<EndpointAccess, 'forbidden'>> {
  if (actor.kind === 'key') {
    const { scope } = actor;
    const owner =
      scope.kind === 'workspace'
        ? { workspaceId: scope.workspaceId }
        : { accountId: scope.accountId };
    return ok(accessOf(owner, owner, `partner:${scope.keyId}`, null));
  }
  const checked = await keyOwnerAccess(database, actor.owner, actor.accountId);
  if (!checked.ok) return fail('forbidden');
  return ok(
    accessOf(actor.owner, checked.value.scope, `account:${actor.accountId}`, actor.accountId),
  );
}
