import { localeFromLanguageCode } from '../bot/i18n.js';
import { ensureAccount } from '../models/accounts/ensure-account.js';
import { findAccountByTelegramId } from '../models/accounts/queries.js';
import type { ApiKeyOwner } from '../models/api-keys/key-owner.js';
import type { Clock } from '../models/clock.js';
import type { Database } from '../models/db.js';
import { membershipsOf } from '../models/workspaces/access.js';
import { workspaceEffectivePlan } from '../models/workspaces/plan-limits.js';
import type { PartnerScope } from './partner-inbox.js';
import type { ApiUser } from './types.js';
import type { World } from './world.js';

/** A request the page (or a test) got wrong: answered 400 with its message, nothing changed. */
export class BadInput extends Error {}

/** `"account"` or `"workspace"`, else BadInput. */
export function scopeOf(value: unknown): PartnerScope {
  if (value === 'account' || value === 'workspace') return value;
  throw new BadInput('"scope" must be "account" or "workspace"');
}

/**
 * Who a sandbox user is to the partner API: their account (made as the bot makes it on first
 * contact, ensureAccount) and the workspace they own, with its plan in force.
 */
export function partnerOwners(deps: { database: Database; clock: Clock; world: World }) {
  const { database, clock, world } = deps;
  const userOf = (value: unknown) => {
    const id = typeof value === 'string' && value !== '' ? Number(value) : value;
    const user = typeof id === 'number' ? world.users.get(id) : undefined;
    if (!user || user.is_bot) throw new BadInput('"userId" must be the id of a sandbox user');
    return user;
  };
  const accountOf = async (user: ApiUser) => {
    const profile = {
      telegramId: user.id,
      username: user.username,
      firstName: user.first_name,
      language: localeFromLanguageCode(user.language_code),
    };
    const account = await database.withScope({}, (tx) => ensureAccount(tx, profile, clock));
    return { user, accountId: account.id };
  };
  /** The workspace the account owns and its plan in force, if it owns one. */
  const ownedWorkspace = async (accountId: string) => {
    const memberships = await database.withScope({ accountId }, (tx) =>
      membershipsOf(tx, accountId),
    );
    const own = memberships.find((m) => m.role === 'owner' && m.ownerAccountId === accountId);
    if (!own) return undefined;
    const { workspaceId } = own;
    const plan = await database.withScope({ workspaceId, accountId }, (tx) =>
      workspaceEffectivePlan(tx, workspaceId, clock.now()),
    );
    return { id: workspaceId, plan };
  };
  /** The user's account and owned workspace as they are (read only: nothing is made). */
  const existing = async (user: ApiUser) => {
    const account = await database.withScope({}, (tx) => findAccountByTelegramId(tx, user.id));
    return { accountId: account?.id, workspace: account && (await ownedWorkspace(account.id)) };
  };
  /** Whose key or endpoint: the account (made as the bot makes it) or the workspace it owns. */
  const ownerFor = async (userId: unknown, scope: PartnerScope) => {
    const user = userOf(userId);
    if (scope === 'account') {
      const { accountId } = await accountOf(user);
      return { user, accountId, owner: { accountId } as ApiKeyOwner };
    }
    // Read only: a refusal changes nothing (no account is made for a user who never wrote).
    const { accountId, workspace } = await existing(user);
    if (!accountId || !workspace)
      throw new BadInput('this user owns no workspace yet: add a channel in the bot first');
    return { user, accountId, owner: { workspaceId: workspace.id } as ApiKeyOwner };
  };
  return { userOf, existing, ownerFor };
}
