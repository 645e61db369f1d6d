import { z } from 'zod';
import { isWrite, type Operation, type OperationResponse } from './operation.js';
import { problemMediaType, problems, problemSchema, type ProblemSlug } from './problems.js';
import { apiSchemas } from './schemas.js';

type JsonSchema = Record<string, unknown>;
export type OpenApiDocument = Record<string, unknown> & {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, JsonSchema> } & Record<string, unknown>;
};

const componentRef = (id: string) => `#/components/schemas/${id}`;
/** Problems any operation with a key may answer. */
const keyedProblems: ProblemSlug[] = ['validation-failed', 'unauthorized', 'rate-limited'];
const rateLimitHeaders = ['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'];
/** Problems any write may answer (docs/api.md#idempotency). */
const writeProblems: ProblemSlug[] = [
  'idempotency-key-missing',
  'idempotency-key-reused',
  'idempotency-key-in-use',
];
const idempotencyKeyParameter = {
  name: 'Idempotency-Key',
  in: 'header',
  required: true,
  description:
    'A unique key per intended write (a UUID): a retry with the same key and body gets the first answer.',
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
};

/** A JSON Schema (2020-12, OpenAPI 3.1's dialect) of a schema used in place (a parameter, a body). */
function inlineSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io }) as JsonSchema;
  return json;
}

function refTo(schema: z.ZodType): JsonSchema {
  const id = apiSchemas.get(schema)?.id;
  if (!id) throw new Error('an operation answers with a schema not registered by named()');
  return { $ref: componentRef(id) };
}

function parameters(operation: Operation): JsonSchema[] {
  const parts = [
    ['path', operation.params],
    ['query', operation.query],
  ] as const;
  const headers: JsonSchema[] = isWrite(operation) ? [idempotencyKeyParameter] : [];
  const fromSchemas = parts.flatMap(([location, object]) =>
    Object.entries((object?.shape ?? {}) as Record<string, z.ZodType>).map(([name, schema]) => {
      const { description, ...json } = inlineSchema(schema, 'input');
      return {
        name,
        in: location,
        required: location === 'path' || !schema.safeParse(undefined).success,
        ...(typeof description === 'string' ? { description } : {}),
        schema: json,
      };
    }),
  );
  return [...fromSchemas, ...headers];
}

function headersOf(operation: Operation, status: number): Record<string, unknown> | undefined {
  if (operation.public || status === 401) return undefined;
  const retries = status === 429 || (isWrite(operation) && (status === 409 || status === 503));
  const names = retries ? [...rateLimitHeaders, 'Retry-After'] : rateLimitHeaders;
  return Object.fromEntries(names.map((n) => [n, { $ref: `#/components/headers/${n}` }]));
}

function successResponse(response: OperationResponse): JsonSchema {
  const mediaType = response.mediaType ?? 'application/json';
  const schema = response.schema ? refTo(response.schema) : { type: 'string' };
  return { description: response.description, content: { [mediaType]: { schema } } };
}

function problemResponses(operation: Operation): Record<string, JsonSchema> {
  const slugs: ProblemSlug[] = [
    ...(operation.public ? [] : keyedProblems),
    ...(isWrite(operation) ? writeProblems : []),
    ...(operation.problems ?? []),
    'internal-error',
  ];
  const byStatus = new Map<number, ProblemSlug[]>();
  for (const slug of new Set(slugs)) {
    const { status } = problems[slug];
    byStatus.set(status, [...(byStatus.get(status) ?? []), slug]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, slugs]) => [
      String(status),
      {
        description: slugs.map((s) => `${s}: ${problems[s].title}`).join('; '),
        content: { [problemMediaType]: { schema: refTo(problemSchema) } },
      },
    ]),
  );
}

function operationObject(operation: Operation): JsonSchema {
  const responses: Record<string, JsonSchema> = problemResponses(operation);
  for (const [status, response] of Object.entries(operation.responses))
    responses[status] = successResponse(response);
  for (const [status, response] of Object.entries(responses)) {
    const headers = headersOf(operation, Number(status));
    if (headers) response.headers = headers;
  }
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    tags: [operation.tag],
    ...(operation.public ? { security: [] } : {}),
    parameters: parameters(operation),
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: inlineSchema(operation.body, 'input') } },
          },
        }
      : {}),
    responses,
  };
}

const headerComponents = {
  'RateLimit-Limit': 'Requests this key may make per window.',
  'RateLimit-Remaining': 'Requests left in the current window.',
  'RateLimit-Reset': 'Seconds until the current window ends.',
  'Retry-After': 'Seconds to wait before the next request.',
};

/** The registered schemas the paths refer to, directly or through each other (no others). */
function usedComponents(paths: unknown, schemas: Record<string, JsonSchema>) {
  const used: Record<string, JsonSchema> = {};
  const visit = (value: unknown): void => {
    if (!value || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      const id =
        key === '$ref' && typeof inner === 'string' ? inner.replace(componentRef(''), '') : '';
      const schema = schemas[id];
      if (!schema || id in used) {
        visit(inner);
        continue;
      }
      const { $schema: _dialect, $id: _id, ...rest } = schema;
      used[id] = rest;
      visit(rest);
    }
  };
  visit(paths);
  return used;
}

/** The OpenAPI 3.1 document of the partner API, generated from its operations' zod schemas. */
export function buildOpenApiDocument(operations: Operation[]): OpenApiDocument {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    paths[operation.path] = {
      ...paths[operation.path],
      [operation.method]: operationObject(operation),
    };
  }
  const { schemas } = z.toJSONSchema(apiSchemas, { uri: componentRef });
  const components = usedComponents(paths, schemas as Record<string, JsonSchema>);
  return {
    openapi: '3.1.0',
    info: {
      title: 'LytSlot Pro partner API',
      version: '1',
      description:
        'Channels, availability and orders for partners. Keys are created in the bot; see docs/api.md.',
    },
    paths,
    components: {
      schemas: components,
      headers: Object.fromEntries(
        Object.entries(headerComponents).map(([name, description]) => [
          name,
          { description, schema: { type: 'integer' } },
        ]),
      ),
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API key created in the bot: `Authorization: Bearer lsk_live_…`.',
        },
      },
    },
    security: [{ apiKey: [] }],
    tags: [...new Set(operations.map((o) => o.tag))].map((name) => ({ name })),
  };
}
