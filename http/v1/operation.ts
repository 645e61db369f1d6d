import type Router from '@koa/router';
import type { RouterContext } from '@koa/router';
import { z } from 'zod';
import { readJsonBody } from '../middleware/json-body.js';
import { runIdempotently, type IdempotencyDeps, type StoredAnswer } from './idempotency.js';
import { fieldErrors, ProblemError, type FieldError, type ProblemSlug } from './problems.js';

type AnyObject = z.ZodObject;

export interface OperationResponse {
  description: string;
  /** Absent: the body is not JSON (see `mediaType`). */
  schema?: z.ZodType;
  /** Default application/json. */
  mediaType?: string;
}

export interface OperationInput<P extends AnyObject, Q extends AnyObject, B extends z.ZodType> {
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
}

export interface OperationResult {
  status?: number;
  body: unknown;
  /** Content-Type when not JSON. */
  type?: string;
}

/**
 * One partner API route, declared once: the router validates with these schemas and the OpenAPI
 * document is generated from them (http/v1/openapi.ts).
 */
export interface Operation<
  P extends AnyObject = AnyObject,
  Q extends AnyObject = AnyObject,
  B extends z.ZodType = z.ZodType,
> {
  operationId: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path template: /v1/channels/{id}. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  /** Reachable without a key (the document and its reference page). */
  public?: boolean;
  params?: P;
  query?: Q;
  body?: B;
  /** Answers other than problems, by status. */
  responses: Record<number, OperationResponse>;
  /** Problems beyond those every keyed operation may answer (400, 401, 429, 500). */
  problems?: ProblemSlug[];
  handle(ctx: RouterContext, input: OperationInput<P, Q, B>): Promise<OperationResult>;
  /** A write's answer to a retry with its Idempotency-Key (default: the stored answer as is). */
  replay?(ctx: RouterContext, stored: StoredAnswer): Promise<OperationResult>;
}

/** A keyed operation that changes something: it runs under an Idempotency-Key. */
export const isWrite = (operation: Operation): boolean =>
  operation.method !== 'get' && !operation.public;

/** Declares an operation with its schemas' types inferred for the handler. */
export function defineOperation<
  P extends AnyObject = AnyObject,
  Q extends AnyObject = AnyObject,
  B extends z.ZodType = z.ZodUndefined,
>(operation: Operation<P, Q, B>): Operation {
  return operation as unknown as Operation;
}

/** The router's path for an OpenAPI template: /v1/channels/{id} → /v1/channels/:id. */
export function routerPath(template: string): string {
  return template.replace(/\{(\w+)\}/g, ':$1');
}

function parsePart(
  schema: z.ZodType | undefined,
  value: unknown,
  where: string,
  errors: FieldError[],
): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  errors.push(...fieldErrors(parsed.error, where));
  return undefined;
}

/**
 * Registers an operation: params, query and body validated (all issues in one 400), then handled —
 * a write under its Idempotency-Key (http/v1/idempotency.ts).
 */
export function mountOperation(
  router: Router,
  operation: Operation,
  idempotency?: IdempotencyDeps,
): void {
  router.register(routerPath(operation.path), [operation.method.toUpperCase()], async (ctx) => {
    const errors: FieldError[] = [];
    const params = parsePart(operation.params, ctx.params, 'path', errors);
    const query = parsePart(operation.query, ctx.query, 'query', errors);
    const rawBody = operation.body ? await readJsonBody(ctx) : undefined;
    const body = parsePart(operation.body, rawBody, 'body', errors);
    if (errors.length > 0)
      throw new ProblemError('validation-failed', 'Each rejected member is in `errors`.', errors);
    const input = { params, query, body } as OperationInput<AnyObject, AnyObject, z.ZodType>;
    const run = () => operation.handle(ctx, input);
    const { replay: replayOperation } = operation;
    const replay = replayOperation && ((stored: StoredAnswer) => replayOperation(ctx, stored));
    const result =
      idempotency && isWrite(operation)
        ? await runIdempotently(ctx, idempotency, rawBody, run, replay)
        : await run();
    ctx.status = result.status ?? 200;
    ctx.body = result.body;
    if (result.type) ctx.type = result.type;
  });
}
