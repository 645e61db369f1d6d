import type { Middleware } from 'koa';
import { isDecodablePath } from '../../models/urls.js';

/** Error codes of the statuses koa-router's allowedMethods sets after the 404 fallback answered. */
const routerRefusals: Partial<Record<number, string>> = {
  405: 'method_not_allowed',
  501: 'not_implemented',
};

/**
 * Refuses a path with a broken %-escape (400 before any route decodes it) and gives a method the
 * routes do not allow its own error code instead of the fallback's `not_found`.
 */
export function requestShape(): Middleware {
  return async (ctx, next) => {
    const requestId = ctx.state.requestId as string | undefined;
    if (!isDecodablePath(ctx.path)) {
      ctx.status = 400;
      ctx.body = { error: 'bad_request', requestId };
      return;
    }
    await next();
    const refusal = routerRefusals[ctx.status];
    // The partner API answers its own refusals as problem documents (http/v1/problems.ts).
    if (refusal && ctx.response.type !== 'application/problem+json')
      ctx.body = { error: refusal, requestId };
  };
}
