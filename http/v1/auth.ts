import type { Context, Middleware } from 'koa';
import {
  authenticateApiKey,
  type ApiKeyScope,
} from '../../models/api-keys/authenticate-api-key.js';
import type { ApiKeyOwner } from '../../models/api-keys/key-owner.js';
import type { Clock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { answerProblem } from './problems.js';

export interface ApiKeyAuthDeps {
  database: Database;
  clock: Clock;
}

/** Longer than any key this API issues: refused without a look-up. */
const maxPresentedLength = 200;
const bearerPattern = /^Bearer +(\S+) *$/i;

/** The scope of the key that authenticated this request (set by requireApiKey). */
export function apiKeyScopeOf(ctx: Context): ApiKeyScope {
  const scope = ctx.state.apiKey as ApiKeyScope | undefined;
  if (!scope) throw new Error('requireApiKey did not run before this handler');
  return scope;
}

/** Whose data this request's key reads: its workspace (owner keys) or its account (advertiser keys). */
export function apiKeyOwnerOf(ctx: Context): ApiKeyOwner {
  const scope = apiKeyScopeOf(ctx);
  return scope.kind === 'workspace'
    ? { workspaceId: scope.workspaceId }
    : { accountId: scope.accountId };
}

/**
 * `Authorization: Bearer <key>` → the key's scope on ctx.state.apiKey. Missing, malformed,
 * unknown, wrong, revoked or blocked: one and the same 401 problem, answered at once (no oracle).
 */
export function requireApiKey(deps: ApiKeyAuthDeps): Middleware {
  return async (ctx, next) => {
    const presented = bearerPattern.exec(ctx.get('Authorization'))?.[1];
    const scope =
      presented && presented.length <= maxPresentedLength
        ? await authenticateApiKey(deps.database, presented, deps.clock)
        : undefined;
    if (!scope) {
      ctx.set('WWW-Authenticate', 'Bearer');
      answerProblem(ctx, 'unauthorized', {
        detail: 'Send an API key from the bot as "Authorization: Bearer <key>".',
      });
      return;
    }
    ctx.state.apiKey = scope;
    ctx.state.log = ctx.state.log?.child({ apiKeyId: scope.keyId });
    await next();
  };
}
