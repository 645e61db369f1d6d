import type { Middleware } from 'koa';

interface HttpErrorLike {
  status?: number;
  statusCode?: number;
  expose?: boolean;
  message?: string;
}

/** The HTTP edge's one error boundary: 4xx keep their message, 5xx are logged and never leak details. */
export function errorBoundary(): Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      const e = (err ?? {}) as HttpErrorLike;
      const status = e.status ?? e.statusCode ?? 500;
      const requestId = ctx.state.requestId as string | undefined;
      if (status >= 500 || !e.expose) {
        ctx.state.log?.error({ err }, 'request failed');
        ctx.status = status >= 400 && status < 500 ? status : 500;
        ctx.body = { error: status >= 500 ? 'internal_error' : 'bad_request', requestId };
      } else {
        ctx.status = status;
        ctx.body = { error: e.message ?? 'bad_request', requestId };
      }
    }
  };
}
