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
  'format-not-offered': { status: 400, title: 'The channel does not offer this format' },
  unauthorized: { status: 401, title: 'A valid API key is required' },
  'channel-not-bookable': { status: 403, title: 'This key may not book this channel' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'idempotency-key-missing': { status: 400, title: 'An Idempotency-Key header is required' },
  'idempotency-key-reused': {
    status: 422,
    title: 'The Idempotency-Key was used for another request',
  },
  'idempotency-key-in-use': {
    status: 409,
    title: 'A request with this Idempotency-Key is still running',
  },
  forbidden: { status: 403, title: 'This key may not do that' },
  'slot-unavailable': { status: 409, title: 'The slot cannot be booked' },
  'content-refused': { status: 422, title: 'The creative is refused' },
  'method-unavailable': { status: 422, title: 'The payment method is not available' },
  'order-not-cancellable': { status: 409, title: 'The order can no longer be cancelled' },
  'webhook-endpoint-limit': { status: 409, title: 'The key’s owner has all the endpoints allowed' },
  'payment-link-unavailable': { status: 503, title: 'The payment link could not be created' },
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
    nearest_starts_at: z
      .array(z.string())
      .optional()
      .describe('slot-unavailable: free start times of that channel nearest the one asked for.'),
  }),
);

export type Problem = z.infer<typeof problemSchema>;
export type FieldError = z.infer<typeof fieldError>;
/** Members a problem type adds to the standard ones. */
export type ProblemExtensions = Pick<Problem, 'nearest_starts_at'>;

/** A problem raised inside a /v1 handler; the problem boundary answers with it. */
export class ProblemError extends Error {
  constructor(
    readonly slug: ProblemSlug,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly extensions?: ProblemExtensions,
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

/** The problem document of this request for a slug. */
export function problemBody(
  ctx: Context,
  slug: ProblemSlug,
  extra: { detail?: string; errors?: FieldError[]; extensions?: ProblemExtensions } = {},
): Problem {
  const { status, title } = problems[slug];
  return {
    type: `${problemTypeBase}${slug}`,
    title,
    status,
    ...(extra.detail ? { detail: extra.detail } : {}),
    instance: ctx.path,
    request_id: String(ctx.state.requestId ?? ''),
    ...(extra.errors ? { errors: extra.errors } : {}),
    ...extra.extensions,
  };
}

/** The document of a raised problem. */
export const problemBodyOf = (ctx: Context, err: ProblemError): Problem =>
  problemBody(ctx, err.slug, {
    ...(err.detail ? { detail: err.detail } : {}),
    ...(err.errors ? { errors: err.errors } : {}),
    ...(err.extensions ? { extensions: err.extensions } : {}),
  });

/** Answers the request with a problem document. */
export function answerProblem(
  ctx: Context,
  slug: ProblemSlug,
  extra: { detail?: string; errors?: FieldError[]; extensions?: ProblemExtensions } = {},
): void {
  const body = problemBody(ctx, slug, extra);
  ctx.status = body.status;
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
        const body = problemBodyOf(ctx, err);
        ctx.status = body.status;
        ctx.body = body;
        ctx.type = problemMediaType;
      } else if (err instanceof BodyError) {
        answerProblem(ctx, 'malformed-body', { detail: err.message });
      } else {
        ctx.state.log?.error({ err }, 'request failed');
        answerProblem(ctx, 'internal-error');
      }
    }
  };
}
