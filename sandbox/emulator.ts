import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createSystemClock, type Clock } from '../models/clock.js';
import { maskSecrets } from '../models/logger.js';
import { isDecodablePath } from '../models/urls.js';
import { createBotApi, type Envelope } from './api.js';
import { handleBotApi, handleFile } from './bot-http.js';
import { createControlApi } from './control-api.js';
import { createEmulatorActions, type EmulatorActions } from './emulator-actions.js';
import { createFloodControl, type FloodLimits } from './flood.js';
import { sendJson, type RouteHook } from './http-utils.js';
import { createStaticFiles } from './static-files.js';
import { startPersistence } from './persistence.js';
import { loadSpec } from './spec/load-spec.js';
import { createWebhookMethods, startWebhookDelivery } from './webhooks.js';
import { createWorld, type BotState, type World } from './world.js';

export type { RouteHook } from './http-utils.js';

export interface EmulatorOptions {
  /** Dates of messages and updates (the platform's test clock in the sandbox). */
  clock?: Clock;
  /**
   * Answer 429 like Telegram when sends exceed ≈30/s per bot, 20/min per group, 1/s per chat
   * (`true`); an object replaces some of those limits (tests scale a minute down).
   */
  floodLimits?: boolean | Partial<FloodLimits>;
  callbackTtlMs?: number;
  preCheckoutTimeoutMs?: number;
  webhookRetryMs?: number;
  /** The page's files, served at `/` (default sandbox/public; a placeholder without index.html). */
  publicDir?: string;
  /** Extra HTTP routes, tried before the control API and the page (e.g. /sandbox/api/clock). */
  extraRoutes?: RouteHook[];
  /** Keep the world in this JSON file: restored at start, saved every 2 s when changed and on close. */
  persistFile?: string;
  /**
   * Accept URL buttons to localhost and private addresses, which Telegram refuses ("Wrong HTTP
   * URL"): on in the sandbox (its redirect and fake payment pages run on 127.0.0.1); default off.
   */
  allowLocalLinks?: boolean;
  /** Unexpected errors (bugs in the emulator); default: console.error. */
  onError?: (error: unknown, context: string) => void;
}

export interface Emulator extends EmulatorActions {
  readonly world: World;
  /** Base URL once listening (e.g. http://127.0.0.1:8080), else null. */
  readonly url: string | null;
  /** True when the world was restored from `persistFile` (then don't seed it again). */
  readonly restored: boolean;
  listen(port?: number, host?: string): Promise<{ url: string }>;
  close(): Promise<void>;
  addRoute(hook: RouteHook): void;
  /** Calls a Bot API method in-process, exactly as over HTTP. */
  callApi(token: string, method: string, params?: Record<string, unknown>): Promise<Envelope>;
}

/** Creates the Telegram Bot API emulator: world state, Bot API, control API and web page. */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const world = createWorld(options.clock ?? createSystemClock(), options);
  const onError =
    options.onError ??
    ((error, context) => console.error(`sandbox: ${maskSecrets(context)}`, error));
  const stops = new Map<BotState, () => void>();
  const stopDelivery = (bot: BotState): void => {
    stops.get(bot)?.();
    stops.delete(bot);
  };
  const startDelivery = (bot: BotState): void => {
    stopDelivery(bot);
    stops.set(bot, startWebhookDelivery(world, bot, { retryMs: options.webhookRetryMs ?? 500 }));
  };
  const api = createBotApi({
    world,
    spec: loadSpec(),
    extraMethods: createWebhookMethods(startDelivery, stopDelivery),
    flood: options.floodLimits
      ? createFloodControl(
          undefined,
          typeof options.floodLimits === 'object' ? options.floodLimits : {},
        )
      : null,
    allowLocalLinks: options.allowLocalLinks ?? false,
    onError: (error, method) => onError(error, `Bot API method ${method}`),
  });
  const callApi = async (
    token: string,
    method: string,
    params: Record<string, unknown> = {},
  ): Promise<Envelope> =>
    (
      await api.call({
        token,
        method,
        params,
        files: new Map(),
        form: false,
        signal: new AbortController().signal,
      })
    ).body;
  world.events.on(
    'webhook_reply',
    ({ bot, body }: { bot: BotState; body: Record<string, unknown> }) => {
      const { method, ...params } = body;
      void callApi(bot.token, String(method), params);
    },
  );
  const actions = createEmulatorActions(world);
  const persistence = options.persistFile
    ? startPersistence(world, options.persistFile, onError)
    : null;
  const routes: RouteHook[] = [...(options.extraRoutes ?? [])];
  const control = createControlApi(world, actions);
  const page = createStaticFiles(
    options.publicDir ?? fileURLToPath(new URL('./public/', import.meta.url)),
  );

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://sandbox.local');
    if (!isDecodablePath(url.pathname))
      return sendJson(res, 400, {
        ok: false,
        error_code: 400,
        description: 'Bad Request: malformed %-encoding in the path',
      });
    const botCall = /^\/bot([^/]+)\/([A-Za-z0-9_]+)\/?$/.exec(url.pathname);
    if (botCall?.[1] && botCall[2])
      return handleBotApi(world, api, { req, res, url }, botCall[1], botCall[2]);
    const fileCall = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (fileCall?.[1] && fileCall[2])
      return handleFile(world, res, fileCall[1], decodeURIComponent(fileCall[2]));
    for (const route of routes) if (await route(req, res, url)) return;
    if (await control(req, res, url)) return;
    if (await page(req, res, url)) return;
    sendJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
  };

  let server: Server | null = null;
  let baseUrl: string | null = null;
  return {
    ...actions,
    world,
    get url() {
      return baseUrl;
    },
    restored: persistence?.restored ?? false,
    addRoute: (hook) => void routes.push(hook),
    callApi,
    listen(port = 0, host = '127.0.0.1') {
      if (server) throw new Error('the emulator is already listening');
      const s = createServer((req, res) => {
        handle(req, res).catch((error: unknown) => {
          onError(error, `${req.method ?? ''} ${req.url ?? ''}`);
          if (!res.headersSent)
            sendJson(res, 500, {
              ok: false,
              error_code: 500,
              description: 'Internal Server Error',
            });
          else res.destroy();
        });
      });
      server = s;
      s.keepAliveTimeout = 65_000;
      return new Promise((resolve, reject) => {
        s.once('error', reject);
        s.listen(port, host, () => {
          const address = s.address() as AddressInfo;
          const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          baseUrl = `http://${shownHost}:${address.port}`;
          resolve({ url: baseUrl });
        });
      });
    },
    async close() {
      persistence?.stop();
      for (const bot of [...stops.keys()]) stopDelivery(bot);
      for (const bot of world.bots.values()) bot.updates.poller?.deliver();
      world.events.emit('close');
      world.events.removeAllListeners();
      const s = server;
      server = null;
      if (!s) return;
      await new Promise<void>((resolve) => {
        s.close(() => resolve());
        s.closeAllConnections();
      });
    },
  };
}
