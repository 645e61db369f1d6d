import Router from '@koa/router';
import type { Clock } from '../../models/clock.js';
import { recordClick } from '../../models/clicks/record-click.js';
import type { Database } from '../../models/db.js';

export interface RedirectRouteDeps {
  database: Database;
  clock: Clock;
}

const codePattern = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * `GET /r/:code` — a tracked link of a published post: 302 to the advertiser's URL (erid= kept),
 * the click counted (bots not). Unknown code ⇒ a plain-text 404 without details. The visitor is the
 * TCP peer (ctx.req.socket.remoteAddress) + User-Agent: X-Forwarded-For is not trusted.
 */
export function redirectRoutes(deps: RedirectRouteDeps): Router {
  const router = new Router();
  router.get('/r/:code', async (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    const code = ctx.params.code ?? '';
    const userAgent = ctx.get('User-Agent');
    const result = codePattern.test(code)
      ? await recordClick(
          deps.database,
          {
            code,
            visitorKey: `${ctx.req.socket.remoteAddress ?? ''}|${userAgent}`,
            userAgent,
          },
          deps.clock,
        )
      : ({ kind: 'unknown' } as const);
    if (result.kind === 'unknown') {
      ctx.status = 404;
      ctx.type = 'text/plain';
      ctx.body = 'Not found';
      return;
    }
    ctx.status = 302;
    ctx.redirect(result.targetUrl);
  });
  return router;
}
