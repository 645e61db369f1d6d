import type { Context, Middleware } from 'koa';
import { z } from 'zod';
import { BodyError } from '../middleware/json-body.js';
import { named } from './schemas.js';

/** Base of every problem `type` URI; the list is documented in docs/api.md#errors. */
export const problemTypeBase = 'https://lytslot.dev/problems/';

/** Every problem the partner API answers with: slug (the end of its `type` URI) → status and title. */
export const problems = {
  'validation-failed': { status: 400, title: 'The request is not valid' },
  'invalid-cursor': { status: 400, title: 'The cursor is not one this API issued' },
  'malformed-body': { status: 400, title: 'The request body is not valid JSON' },
  unauthorized: { status: 401, title: 'A valid API key is required' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  'internal-error': { status: 500, title: 'Internal error' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemSlug = keyof typeof problems;

export const problemMediaType = 'application/problem+json';

/** One field-level complaint of a `validation-failed` problem (a zod issue without the input). */
const fieldError = z.object({
  code: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});

/** RFC 9457 problem details plus this API's `request_id` (and `errors` for validation). */
export const problemSchema = named(
  'Problem',
  z.object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string(),
    request_id: z.string(),
    errors: z.array(fieldError).optional(),
  }),
);

export type Problem = z.infer<typeof problemSchema>;
export type FieldError = z.infer<typeof fieldError>;

/** A problem raised inside a /v1 handler; the problem boundary answers with it. */
export class ProblemError extends Error {
  constructor(
    readonly slug: ProblemSlug,
    readonly detail?: string,
    readonly errors?: FieldError[],
  ) {
    super(detail ?? problems[slug].title);
    this.name = 'ProblemError';
  }
}

/** Zod issues as `errors` members: code, path and message only (never the rejected input). */
export function fieldErrors(error: z.ZodError, prefix: string): FieldError[] {
  return error.issues.map((issue) => ({
    code: issue.code,
    path: [prefix, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))],
    message: issue.message,
  }));
}

/** Answers the request with a problem document. */
export function answerProblem(
  ctx: Context,
  slug: ProblemSlug,
  extra: { detail?: string; errors?: FieldError[] } = {},
): void {
  const { status, title } = problems[slug];
  const body: Problem = {
    type: `${problemTypeBase}${slug}`,
    title,
    status,
    ...(extra.detail ? { detail: extra.detail } : {}),
    instance: ctx.path,
    request_id: String(ctx.state.requestId ?? ''),
    ...(extra.errors ? { errors: extra.errors } : {}),
  };
  ctx.status = status;
  ctx.body = body;
  ctx.type = problemMediaType;
}

/**
 * The partner API's error boundary: a ProblemError is answered as itself, a bad request body as
 * `malformed-body`, anything else is logged and answered `internal-error` with no message or stack.
 */
export function problemBoundary(): Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      if (err instanceof ProblemError) {
        answerProblem(ctx, err.slug, {
          ...(err.detail ? { detail: err.detail } : {}),
          ...(err.errors ? { errors: err.errors } : {}),
        });
      } else if (err instanceof BodyError) {
        answerProblem(ctx, 'malformed-body', { detail: err.message });
      } else {
        ctx.state.log?.error({ err }, 'request failed');
        answerProblem(ctx, 'internal-error');
      }
    }
  };
}
