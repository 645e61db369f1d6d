import Router, { type RouterMiddleware } from '@koa/router';
import { z } from 'zod';
import type { TestClock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import type { Logger } from '../../models/logger.js';
import { advanceTestClock, syncTestClock } from '../../models/platform/test-clock.js';
import { readJsonBody } from '../middleware/json-body.js';

const advanceBody = z.object({
  minutes: z
    .number({ error: 'minutes must be a whole number' })
    .int('minutes must be a whole number')
    .min(1, 'minutes must be at least 1')
    .max(60 * 24 * 400, 'minutes must be at most 576000 (400 days)'),
});

export interface TestClockRouteDeps {
  database: Database;
  clock: TestClock;
  logger: Logger;
}

/** `GET /test-clock` and `POST /test-clock/advance {"minutes": N}` — mounted only with TEST_CLOCK=on. */
export function testClockRoutes(deps: TestClockRouteDeps): Router {
  const router = new Router();
  // The sandbox page (another origin) drives the clock too; these routes exist only in test mode.
  const allowPage: RouterMiddleware = async (ctx, next) => {
    ctx.set('Access-Control-Allow-Origin', '*');
    ctx.set('Access-Control-Allow-Headers', 'Content-Type');
    ctx.set('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    await next();
  };
  router.options(['/test-clock', '/test-clock/advance'], allowPage, (ctx) => {
    ctx.status = 204;
  });
  router.get('/test-clock', allowPage, async (ctx) => {
    await syncTestClock(deps);
    ctx.body = describe(deps.clock);
  });
  router.post('/test-clock/advance', allowPage, async (ctx) => {
    const parsed = advanceBody.safeParse(await readJsonBody(ctx));
    if (!parsed.success) {
      ctx.status = 400;
      ctx.body = { error: parsed.error.issues.map((i) => i.message).join('; ') };
      return;
    }
    await advanceTestClock(deps, parsed.data.minutes);
    ctx.body = describe(deps.clock);
  });
  return router;
}

function describe(clock: TestClock): { now: string; offsetMinutes: number } {
  return { now: clock.now().toISOString(), offsetMinutes: Math.round(clock.offsetMs() / 60_000) };
}
