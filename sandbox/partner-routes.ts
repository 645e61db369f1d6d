import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Config } from '../config.js';
import { createApiKey, type CreateApiKeyCode } from '../models/api-keys/create-api-key.js';
import type { Clock } from '../models/clock.js';
import type { Database } from '../models/db.js';
import type { Logger } from '../models/logger.js';
import {
  createWebhookEndpoint,
  type CreateWebhookEndpointCode,
} from '../models/partner-webhooks/create-webhook-endpoint.js';
import { deleteWebhookEndpoint } from '../models/partner-webhooks/delete-webhook-endpoint.js';
import type { WebhookActor } from '../models/partner-webhooks/endpoint-access.js';
import { listWebhookEndpoints } from '../models/partner-webhooks/list-webhook-endpoints.js';
import { readBody } from './body.js';
import { readJson, sendJson, type RouteHook } from './http-utils.js';
import { partnerInboxPath, type PartnerInbox, type PartnerScope } from './partner-inbox.js';
import { BadInput, partnerOwners, scopeOf } from './partner-owners.js';
import type { World } from './world.js';

export interface PartnerRoutesDeps {
  config: Config;
  database: Database;
  clock: Clock;
  logger: Logger;
  world: World;
  inbox: PartnerInbox;
  /** The emulator's base URL once listening (the inbox's receiver is on it). */
  sandboxUrl: () => string | null;
  /** The HTTP app's base URL (the API), once it listens. */
  httpUrl: () => string | undefined;
}

const apiPrefix = '/sandbox/api/partner/';

const keyRefusals: Record<Exclude<CreateApiKeyCode, 'name_invalid'>, string> = {
  plan: 'workspace keys need Pro in force: send /plan to the bot (the sandbox pays with test Stars)',
  forbidden: 'only the workspace owner may create its keys',
  too_many: 'this owner already has 10 live keys: revoke one with /apikeys in the bot',
};
const webhookRefusals: Partial<Record<CreateWebhookEndpointCode, string>> = {
  plan: keyRefusals.plan,
  forbidden: 'only the workspace owner may add its webhook endpoints',
  url_invalid:
    'WEBHOOK_ALLOW_PRIVATE is off, so the sandbox inbox (on 127.0.0.1) is refused: unset it',
  too_many:
    'this owner already has 5 webhook endpoints: delete one in the bot (/apikeys → Webhooks)',
};

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  try {
    return await readJson(req);
  } catch {
    throw new BadInput('the body must be a JSON object');
  }
}

/**
 * The page's «Partner API» section: test keys and a webhook inbox for a sandbox user, made with the
 * real use-cases (createApiKey, createWebhookEndpoint) for the account the bot makes for that
 * Telegram user and the workspace they own. `POST /sandbox/partner-inbox/<inbox id>` is the
 * receiver (unauthenticated, like a partner's server).
 */
export function partnerRoutes(deps: PartnerRoutesDeps): RouteHook {
  const { database, clock, inbox } = deps;

  const { userOf, existing, ownerFor } = partnerOwners(deps);
  const apiLinks = (key?: string) => {
    const base = deps.httpUrl() ?? null;
    const root = base ?? '<http url>';
    return {
      httpUrl: base,
      docsUrl: `${root}/v1/docs`,
      openapiUrl: `${root}/v1/openapi.json`,
      ...(key ? { curl: `curl -H "Authorization: Bearer ${key}" ${root}/v1/channels` } : {}),
    };
  };

  const get: Record<string, (url: URL) => Promise<unknown>> = {
    status: async (url) => {
      const user = userOf(url.searchParams.get('user'));
      const { accountId, workspace } = await existing(user);
      const inboxOf = (scope: PartnerScope) => inbox.endpointOf(user.id, scope)?.endpointId ?? null;
      return {
        userId: user.id,
        accountId: accountId ?? null,
        workspace: workspace ?? null,
        webhooks: { account: inboxOf('account'), workspace: inboxOf('workspace') },
        ...apiLinks(),
      };
    },
    inbox: async (url) => {
      const user = url.searchParams.get('user');
      return inbox.list(user === null ? undefined : userOf(user).id);
    },
  };

  const post: Record<string, (body: Record<string, unknown>) => Promise<unknown>> = {
    keys: async (body) => {
      const scope = scopeOf(body.scope);
      const { user, accountId, owner } = await ownerFor(body.userId, scope);
      const name = `Sandbox page (${user.first_name})`.slice(0, 60);
      const created = await createApiKey(
        database,
        { owner, actorAccountId: accountId, name },
        clock,
      );
      if (!created.ok) {
        if (created.code === 'name_invalid') throw new Error(`sandbox key name refused: ${name}`);
        throw new BadInput(keyRefusals[created.code]);
      }
      return { scope, owner, ...created.value, ...apiLinks(created.value.key) };
    },
    webhooks: async (body) => {
      const scope = scopeOf(body.scope);
      const { user, accountId, owner } = await ownerFor(body.userId, scope);
      const actor: WebhookActor = { kind: 'account', owner, accountId };
      const base = deps.sandboxUrl();
      if (!base) throw new Error('the sandbox is not listening yet');
      const inboxId = randomUUID();
      const created = await createWebhookEndpoint(
        database,
        { actor, url: `${base}${partnerInboxPath}${inboxId}`, description: 'Sandbox page inbox' },
        { allowPrivate: deps.config.webhookAllowPrivate },
        clock,
      );
      if (!created.ok) {
        const refusal = webhookRefusals[created.code];
        if (!refusal) throw new Error(`sandbox webhook endpoint refused: ${created.code}`);
        throw new BadInput(refusal);
      }
      const { endpoint, secret } = created.value;
      inbox.register({
        inboxId,
        endpointId: endpoint.id,
        userId: user.id,
        scope,
        secrets: [secret],
      });
      await dropEarlierInboxes(actor, endpoint.id);
      const { id, url, events } = endpoint;
      return { scope, owner, endpointId: id, url, events, secret };
    },
  };

  /** One sandbox inbox per owner: earlier ones (an older registration, a restart) are deleted. */
  async function dropEarlierInboxes(actor: WebhookActor, keptId: string): Promise<void> {
    const listed = await listWebhookEndpoints(database, { actor }, clock);
    if (!listed.ok) return;
    for (const endpoint of listed.value.endpoints) {
      if (endpoint.id === keptId || !new URL(endpoint.url).pathname.startsWith(partnerInboxPath))
        continue;
      await deleteWebhookEndpoint(database, { actor, endpointId: endpoint.id }, clock);
    }
  }

  async function receive(req: IncomingMessage, url: URL) {
    const inboxId = url.pathname.slice(partnerInboxPath.length);
    const body = (await readBody(req)).toString('utf8');
    const stored = inbox.receive(inboxId, req.headers, body);
    return stored
      ? { status: 200, body: { ok: true, result: { received: stored.seq } } }
      : { status: 404, body: { ok: false, error: `no sandbox inbox ${inboxId}` } };
  }

  return async (req, res, url) => {
    const { pathname } = url;
    const inboxPost = req.method === 'POST' && pathname.startsWith(partnerInboxPath);
    if (!inboxPost && !pathname.startsWith(apiPrefix)) return false;
    try {
      if (inboxPost) {
        const answer = await receive(req, url);
        sendJson(res, answer.status, answer.body);
        return true;
      }
      const name = pathname.slice(apiPrefix.length);
      const result =
        req.method === 'GET' && get[name]
          ? await get[name](url)
          : req.method === 'POST' && post[name]
            ? await post[name](await jsonBody(req))
            : undefined;
      if (result === undefined)
        sendJson(res, 404, {
          ok: false,
          error: `no such endpoint: ${req.method ?? ''} ${pathname}`,
        });
      else sendJson(res, 200, { ok: true, result });
    } catch (error) {
      if (error instanceof BadInput) sendJson(res, 400, { ok: false, error: error.message });
      else {
        deps.logger.error({ err: error, path: pathname }, 'sandbox partner route failed');
        sendJson(res, 500, { ok: false, error: 'internal error (see the log)' });
      }
    }
    return true;
  };
}
