import { join } from 'node:path';
import type { Config } from '../config.js';
import { isTestClock, type Clock } from '../models/clock.js';
import type { Database } from '../models/db.js';
import type { Logger } from '../models/logger.js';
import { advanceTestClock, syncTestClock } from '../models/platform/test-clock.js';
import { createEmulator } from './emulator.js';
import { startFakeQuickChart } from './fakes/quickchart.js';
import { startStripeFake } from './fakes/stripe.js';
import { startYooKassaFake } from './fakes/yookassa.js';
import { readJson, sendJson, type RouteHook } from './http-utils.js';
import { createPartnerInbox } from './partner-inbox.js';
import { partnerRoutes } from './partner-routes.js';
import { createSandboxWorld } from './seed.js';

/** Fixed, so that sessions and accounts in ./data keep matching the seeded world across restarts. */
const sandboxBotToken = '7000000001:SANDBOX-local-token-not-a-secret-000';

export interface BootedSandbox {
  /** The config the app runs with: the emulator's token and API root, the seeded chat ids. */
  config: Config;
  url: string;
  /** Tells the local fakes where the app's HTTP server is (their webhooks go there). */
  useHttpUrl(httpUrl: string): void;
  /** Where the fake YooKassa notifies from (loopback), when the sandbox runs it. */
  yookassaSources: string[] | undefined;
  close(): Promise<void>;
}

export interface SandboxDeps {
  config: Config;
  database: Database;
  clock: Clock;
  logger: Logger;
}

/** Starts the Bot API emulator with the demo world and points the app's config at it. */
export async function bootSandbox(deps: SandboxDeps): Promise<BootedSandbox> {
  const log = deps.logger.child({ role: 'sandbox' });
  const emulator = createEmulator({
    clock: deps.clock,
    // Click redirects (PUBLIC_URL) and the fake payment pages are local: the sandbox allows them.
    allowLocalLinks: true,
    // With the embedded database, chats live beside it in DATA_DIR so both survive a restart together.
    ...(deps.config.databaseUrl || deps.config.dataDir.includes('://')
      ? {}
      : { persistFile: join(deps.config.dataDir, 'sandbox-world.json') }),
    onError: (err, context) => log.error({ err, context }, 'sandbox error'),
  });
  const world = createSandboxWorld(emulator, { botToken: sandboxBotToken });
  emulator.addRoute(requestLog(log));
  emulator.addRoute(clockRoutes(deps));
  // The page's «Partner API» section: test keys and an inbox its webhooks are delivered to.
  let httpUrl: string | undefined;
  emulator.addRoute(
    partnerRoutes({
      ...deps,
      world: emulator.world,
      inbox: createPartnerInbox(deps.clock),
      sandboxUrl: () => emulator.url,
      httpUrl: () => httpUrl,
    }),
  );
  const { url } = await emulator.listen(deps.config.sandboxPort, '127.0.0.1');
  // Without Stripe keys, a local fake Stripe (its Checkout link opens a test "Pay" page).
  const ports = deps.config.sandboxFakePorts;
  const stripe = deps.config.stripe ? undefined : await startStripeFake({ port: ports.stripe });
  // Likewise a local fake YooKassa (its confirmation page pays or cancels, then notifies).
  const yookassa = deps.config.yookassa
    ? undefined
    : await startYooKassaFake({ port: ports.yookassa });
  // Without QUICKCHART_URL, charts are drawn locally (Chart.js), so /stats has them offline.
  const charts = deps.config.quickchartUrl
    ? undefined
    : await startFakeQuickChart({ port: ports.quickchart });
  return {
    url,
    useHttpUrl(url) {
      httpUrl = url;
      if (stripe) stripe.webhookUrl = `${url}/webhooks/stripe`;
      if (yookassa) yookassa.webhookUrl = `${url}/webhooks/yookassa`;
    },
    yookassaSources: yookassa ? ['127.0.0.1/32'] : undefined,
    close: async () => {
      await stripe?.close();
      await yookassa?.close();
      await charts?.close();
      await emulator.close();
    },
    config: {
      ...deps.config,
      ...(stripe
        ? {
            stripe: {
              secretKey: stripe.secretKey,
              webhookSecret: stripe.webhookSecret,
              apiRoot: stripe.apiRoot,
            },
          }
        : {}),
      ...(yookassa
        ? {
            yookassa: {
              shopId: yookassa.shopId,
              secretKey: yookassa.secretKey,
              apiRoot: yookassa.apiRoot,
              trustedProxy: undefined,
            },
          }
        : {}),
      quickchartUrl: charts?.url ?? deps.config.quickchartUrl,
      botToken: world.botToken,
      telegramApiRoot: url,
      adminTelegramIds: deps.config.adminTelegramIds.length
        ? deps.config.adminTelegramIds
        : world.adminTelegramIds,
      adminChatId: deps.config.adminChatId ?? world.adminChatId,
      verifyChatId: deps.config.verifyChatId ?? world.verifyChatId,
    },
  };
}

/**
 * One line per finished request: what a person does in the page (POSTs to the control API) at
 * info; the page's static files, reads, the event stream and the bot's Bot API calls at debug.
 * Never answers (returns false), so the request goes on to its handler.
 */
function requestLog(log: Logger): RouteHook {
  return (req, res, url) => {
    const started = Date.now();
    res.once('finish', () => {
      const action = req.method === 'POST' && url.pathname.startsWith('/sandbox/api/');
      // A Bot API path carries the token: log the method name only.
      const path = url.pathname.replace(/^\/(file\/)?bot[^/]+/, '/$1bot<token>');
      log[action ? 'info' : 'debug'](
        { method: req.method, path, status: res.statusCode, ms: Date.now() - started },
        'sandbox request',
      );
    });
    return false;
  };
}

/** `GET /sandbox/api/clock` and `POST /sandbox/api/clock/advance {"minutes": N}` for the page. */
function clockRoutes(deps: SandboxDeps): RouteHook {
  return async (req, res, url) => {
    if (!url.pathname.startsWith('/sandbox/api/clock')) return false;
    const { clock } = deps;
    if (!isTestClock(clock)) {
      sendJson(res, 404, { ok: false, error: 'the test clock is off' });
      return true;
    }
    const describe = () => ({
      now: clock.now().toISOString(),
      offsetMinutes: Math.round(clock.offsetMs() / 60_000),
    });
    if (req.method === 'GET' && url.pathname === '/sandbox/api/clock') {
      await syncTestClock({ database: deps.database, clock });
      sendJson(res, 200, { ok: true, result: describe() });
      return true;
    }
    if (req.method === 'POST' && url.pathname === '/sandbox/api/clock/advance') {
      const body = await readJson(req).catch(() => ({}) as Record<string, unknown>);
      const minutes = body.minutes;
      if (
        typeof minutes !== 'number' ||
        !Number.isInteger(minutes) ||
        minutes < 1 ||
        minutes > 576_000
      ) {
        sendJson(res, 400, { ok: false, error: 'minutes must be a whole number from 1 to 576000' });
        return true;
      }
      await advanceTestClock({ database: deps.database, clock, logger: deps.logger }, minutes);
      sendJson(res, 200, { ok: true, result: describe() });
      return true;
    }
    return false;
  };
}
