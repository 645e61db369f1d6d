import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { Redis } from 'ioredis';
import { expect } from 'vitest';
import { createHttpApp } from '../../../http/app.js';
import { createMetrics } from '../../../http/metrics.js';
import { startHttpServer, type HttpServer } from '../../../http/server.js';
import type { OpenApiDocument } from '../../../http/v1/openapi.js';
import type { Operation } from '../../../http/v1/operation.js';
import { createV1Router, v1Operations, type V1Deps } from '../../../http/v1/router.js';
import { createApiKey } from '../../../models/api-keys/create-api-key.js';
import type { Clock } from '../../../models/clock.js';
import type { Database } from '../../../models/db.js';
import { createLogger, type Logger } from '../../../models/logger.js';
import { makeAccount } from '../../factories/accounts.js';
import { makeWorkspace } from '../../factories/workspaces.js';
import { createTestDatabase } from '../../helpers/db.js';
import { manualClock } from '../../helpers/manual-clock.js';

export interface ApiAnswer {
  status: number;
  headers: Headers;
  text: string;
  body: unknown;
}

export interface ApiCall {
  method?: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** The operation's path template (/v1/channels/{id}); the answer is checked against it. */
  path: string;
  params?: Record<string, string>;
  query?: Record<string, string | number>;
  key?: string;
  headers?: Record<string, string>;
  /** Sent as is (application/json). */
  body?: string;
}

export interface V1World {
  database: Database;
  clock: Clock;
  server: HttpServer;
  document: OpenApiDocument;
  /** Calls the API and checks the answer against the OpenAPI document (media type and schema). */
  call(call: ApiCall): Promise<ApiAnswer>;
  /** A Pro workspace and an owner key for it. */
  ownerKey(): Promise<{ key: string; keyId: string; workspaceId: string; accountId: string }>;
  /** An advertiser account (a new one unless given) and a key for it. */
  advertiserKey(accountId?: string): Promise<{ key: string; keyId: string; accountId: string }>;
  close(): Promise<void>;
}

export interface V1WorldOptions {
  database?: Database;
  /** The platform clock (default: a manual one at 2032-05-10 09:00:30 UTC). */
  clock?: Clock;
  /** Booking through the API (POST /v1/orders): without it those operations are not mounted. */
  orders?: V1Deps['orders'];
  /** Test-only operations mounted beside every production one. */
  operations?: Operation[];
  rateLimit?: number;
  redis?: Redis;
  logger?: Logger;
}

/** Validates bodies against the document's schemas (JSON Schema 2020-12, OpenAPI 3.1's dialect). */
function createResponseChecker(document: OpenApiDocument) {
  const base = 'https://lytslot.test/openapi.json';
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    // The formats zod writes for z.iso.date() and z.iso.datetime() (no ajv-formats here).
    formats: {
      date: /^\d{4}-\d{2}-\d{2}$/,
      'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
    },
  });
  ajv.addSchema({ $id: base, components: document.components });
  const compiled = new Map<string, ValidateFunction>();
  return (schema: Record<string, unknown>, body: unknown) => {
    const key = JSON.stringify(schema);
    let validate = compiled.get(key);
    if (!validate) {
      const ref = typeof schema.$ref === 'string' ? schema.$ref : undefined;
      validate = ref ? ajv.getSchema(`${base}${ref}`) : ajv.compile(schema);
      if (!validate) throw new Error(`no schema at ${ref}`);
      compiled.set(key, validate);
    }
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
  };
}

function answerSchema(document: OpenApiDocument, call: ApiCall, answer: ApiAnswer) {
  const mediaType = (answer.headers.get('content-type') ?? '').split(';')[0]!;
  const problem = { $ref: '#/components/schemas/Problem' };
  const operation = document.paths[call.path]?.[call.method ?? 'get'] as
    { responses: Record<string, { content?: Record<string, { schema: object }> }> } | undefined;
  // A route the document does not have is answered with a problem.
  if (!operation) return { mediaType, expected: 'application/problem+json', schema: problem };
  const response = operation.responses[String(answer.status)];
  expect(response, `${call.path} documents ${answer.status}`).toBeDefined();
  const [expected, content] = Object.entries(response?.content ?? {})[0] ?? [];
  return { mediaType, expected, schema: content?.schema as Record<string, unknown> };
}

/** The partner API over a real database (PGlite unless TEST_DATABASE_URL), on a free port. */
export async function startV1World(options: V1WorldOptions = {}): Promise<V1World> {
  const database = options.database ?? (await createTestDatabase());
  const clock = options.clock ?? manualClock(new Date(Date.UTC(2032, 4, 10, 9, 0, 30)));
  const logger = options.logger ?? createLogger({ level: 'silent' });
  const deps: V1Deps = {
    database,
    clock,
    logger,
    ...(options.redis ? { redis: options.redis } : {}),
    rateLimit: options.rateLimit ?? 1000,
    // The tests' webhook receivers listen on 127.0.0.1, as the sandbox's inbox does.
    webhookAllowPrivate: true,
    ...(options.orders ? { orders: options.orders } : {}),
  };
  // What main mounts, so every test exercises the deployed routes and the whole document.
  const router = createV1Router(deps, [...v1Operations(deps), ...(options.operations ?? [])]);
  const app = createHttpApp({ logger, metrics: createMetrics(), readiness: {}, routers: [router] });
  const server = await startHttpServer(app, '127.0.0.1', 0);
  const document = (await (await fetch(`${server.url}/v1/openapi.json`)).json()) as OpenApiDocument;
  const check = createResponseChecker(document);

  const call = async (c: ApiCall): Promise<ApiAnswer> => {
    const path = c.path.replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeURIComponent(c.params?.[name] ?? ''),
    );
    const query = new URLSearchParams(
      Object.entries(c.query ?? {}).map(([k, v]): [string, string] => [k, String(v)]),
    ).toString();
    const response = await fetch(`${server.url}${path}${query ? `?${query}` : ''}`, {
      method: (c.method ?? 'get').toUpperCase(),
      headers: {
        ...(c.key ? { authorization: `Bearer ${c.key}` } : {}),
        ...(c.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...c.headers,
      },
      ...(c.body !== undefined ? { body: c.body } : {}),
    });
    const text = await response.text();
    const isJson = /json/.test(response.headers.get('content-type') ?? '');
    const answer = {
      status: response.status,
      headers: response.headers,
      text,
      body: isJson ? (JSON.parse(text) as unknown) : text,
    };
    const { mediaType, expected, schema } = answerSchema(document, c, answer);
    expect(mediaType).toBe(expected);
    if (schema) check(schema, answer.body);
    expect(text).not.toMatch(/\n\s+at |Error:|node_modules/);
    return answer;
  };

  const keyFor = async (owner: { workspaceId: string } | { accountId: string }, actor: string) => {
    const created = await createApiKey(
      database,
      { owner, actorAccountId: actor, name: 'test' },
      clock,
    );
    if (!created.ok) throw new Error(`createApiKey: ${created.code}`);
    return { key: created.value.key, keyId: created.value.id };
  };

  return {
    database,
    clock,
    server,
    document,
    call,
    async ownerKey() {
      const { workspaceId, ownerAccountId } = await makeWorkspace(database, { plan: 'pro' });
      return {
        ...(await keyFor({ workspaceId }, ownerAccountId)),
        workspaceId,
        accountId: ownerAccountId,
      };
    },
    async advertiserKey(accountId) {
      const id = accountId ?? (await makeAccount(database)).id;
      return { ...(await keyFor({ accountId: id }, id)), accountId: id };
    },
    async close() {
      await server.close();
      if (!options.database) await database.close();
    },
  };
}
