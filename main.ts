import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Api } from 'grammy';
import { readConfig, type Config } from './config.js';
import { createBot, type BotDeps } from './bot/index.js';
import { allowedUpdates, setBotCommands, startBot } from './bot/runner.js';
import { createIntake, type IntakeMetrics } from './bot/intake/index.js';
import { createWebhookHandler } from './bot/webhook.js';
import { createHttpApp } from './http/app.js';
import { createMetrics, registerShardMetrics, type Metrics } from './http/metrics.js';
import { startShards } from './bot/shards/index.js';
import type { ReadinessCheck } from './http/routes/health.js';
import { assertPortsFree, PortInUseError, wantedPorts } from './http/ports.js';
import { startHttpServer } from './http/server.js';
import { redirectRoutes } from './http/routes/redirect.js';
import { testClockRoutes } from './http/routes/test-clock.js';
import { v1Routes } from './http/v1/router.js';
import { stripeWebhookRoutes } from './http/webhooks/stripe.js';
import { yooKassaWebhookRoutes } from './http/webhooks/yookassa.js';
import { createJobs, type Jobs } from './jobs/index.js';
import { heartbeatJob } from './jobs/platform.js';
import { createSystemClock, createTestClock, isTestClock, type Clock } from './models/clock.js';
import { openDatabase, type Database } from './models/db.js';
import { lastHeartbeat } from './models/heartbeats/queries.js';
import { createLogger, maskSecrets, type Logger } from './models/logger.js';
import { createKeyedLogThrottle } from './models/log-throttle.js';
import { closeRedis, createRedis } from './models/redis.js';
import { installShutdown } from './shutdown.js';
import { syncModerationDefault } from './models/moderation/moderation-policy.js';
import { createPaymentProviders } from './models/providers/create-providers.js';
import { moderationFromConfig } from './models/providers/moderation.js';
import { createI18n } from './messages/i18n.js';
import { loadTestClockOffset, syncTestClock } from './models/platform/test-clock.js';
import type { BootedSandbox } from './sandbox/boot.js';
import { createOutboundGateway, type OutboundGateway } from './telegram/gateway.js';
import { botApiOptions } from './telegram/http-fetch.js';

export interface App {
  /** The effective config (in sandbox mode: the emulator's token, API root and seeded chat ids). */
  readonly config: Config;
  readonly database: Database;
  readonly clock: Clock;
  /** The jobs role, when this process runs it. */
  readonly jobs: Jobs | undefined;
  readonly httpUrl: string | undefined;
  readonly sandboxUrl: string | undefined;
  /** Graceful: stop fetching updates and finish in-flight ones, stop HTTP, drain Agenda, close pools. */
  stop(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  clock?: Clock;
}

/** Starts the roles named in config.roles against one database; the sandbox stands in for Telegram without a token. */
export async function startApp(initial: Config, options: StartOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger({ level: initial.logLevel });
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) {
      await stop().catch((err: unknown) => logger.error({ err }, 'error while stopping'));
    }
  };
  try {
    // Without a token the sandbox stands in for Telegram, with the test clock on (docs/sandbox.md).
    const sandboxMode = !initial.botToken && initial.roles.includes('bot');
    let config: Config = sandboxMode ? { ...initial, testClock: true } : initial;
    await assertPortsFree(wantedPorts(config));
    const database = await openDatabase({
      url: config.databaseUrl,
      dataDir: config.dataDir,
      logger,
    });
    stops.push(() => database.close());
    const clock = options.clock ?? (await createClock(config, database));
    if (isTestClock(clock)) {
      // Another process may advance the shared clock; follow the stored offset.
      const quiet = createKeyedLogThrottle(logger);
      const timer = setInterval(() => {
        syncTestClock({ database, clock }).catch((err: unknown) =>
          quiet.warn('clock sync', { err }, 'clock sync failed'),
        );
      }, 1000);
      stops.push(async () => clearInterval(timer));
    }
    let sandboxUrl: string | undefined;
    let sandboxBoot: BootedSandbox | undefined;
    if (sandboxMode) {
      // Imported only here: a process with a bot token never loads the emulator and the fakes.
      const { bootSandbox } = await import('./sandbox/boot.js');
      const sandbox = await bootSandbox({ config, database, clock, logger });
      stops.push(sandbox.close);
      config = sandbox.config;
      sandboxUrl = sandbox.url;
      sandboxBoot = sandbox;
    }
    const token = config.botToken;
    const redis = config.redisUrl ? createRedis(config.redisUrl, logger) : undefined;
    if (redis) stops.push(() => closeRedis(redis));
    // The one way out to Telegram for the bot's notices and every job (docs/telegram.md).
    const outbound = token
      ? createOutboundGateway({ token, apiRoot: config.telegramApiRoot, redis, logger })
      : undefined;
    const providers = createPaymentProviders(config);
    const moderation = moderationFromConfig(config.moderation, logger);
    // Pre-moderation defaults to on when there is an admin chat to moderate in (docs/admin.md).
    await syncModerationDefault(database, {
      adminChatConfigured: config.adminChatId !== undefined,
    });
    const deps = { config, database, logger, clock, redis, providers };
    const metrics = createMetrics();
    const has = (role: string) => config.roles.includes(role as Config['roles'][number]);

    const jobs = has('jobs') ? createJobs({ ...deps, outbound, metrics }) : undefined;
    if (jobs) {
      await jobs.start();
      stops.push(() => jobs.stop());
    }

    const sharded = config.botMode === 'sharded';
    // Sharded mode: `bot` means both parts in this process; fetcher and worker may run apart.
    // With SHARD_SOURCE=webhook the http role appends what Telegram posts, and no one polls.
    const byWebhook = sharded && config.shardSource === 'webhook';
    const runsFetcher = sharded && !byWebhook && (has('fetcher') || has('bot'));
    const runsWorker = sharded && (has('worker') || has('bot'));
    const shardWebhook = byWebhook && has('http');
    const botDeps = has('bot') || runsWorker ? withOutbound(deps, outbound) : undefined;
    const bot = botDeps ? createBot(botDeps) : undefined;
    const readiness: Record<string, ReadinessCheck> = {
      database: () => database.ping(),
      jobs: jobs
        ? async () => assert(jobs.isRunning(), 'jobs stopped')
        : heartbeatCheck(database, clock),
      ...(outbound ? { telegram: telegramCheck(bot?.api ?? outbound.api, clock) } : {}),
    };
    const intakeOptions = { metrics: intakeMetrics(metrics) };
    const shards =
      (runsFetcher || runsWorker || shardWebhook) && token && redis && config.redisUrl
        ? await startShards({
            fetcher: runsFetcher,
            worker:
              bot && botDeps && runsWorker
                ? { bot, deps: botDeps, intake: intakeOptions }
                : undefined,
            token,
            apiRoot: config.telegramApiRoot,
            redisUrl: config.redisUrl,
            redis,
            partitions: config.shardPartitions,
            logger,
            metrics: intakeOptions.metrics,
          })
        : undefined;
    if (shards) {
      stops.push(() => shards.stop());
      Object.assign(readiness, shards.readiness);
      registerShardMetrics(metrics, () => shards.snapshot());
    }
    // Webhook mode: updates are answered 200 once stored; this process also resumes unfinished
    // updates whose lease ran out (another process may still be handling the others).
    const webhookIntake =
      bot && botDeps && config.botMode === 'webhook'
        ? createIntake(bot, botDeps, intakeOptions)
        : undefined;
    if (webhookIntake) stops.push(async () => void (await webhookIntake.stop(4_000)));
    let httpUrl: string | undefined;
    if (shards && !has('http')) {
      // A fetcher or worker process serves /healthz, /readyz and /metrics only.
      const server = await startHttpServer(
        createHttpApp({ logger, metrics, readiness }),
        config.httpHost,
        config.httpPort,
      );
      stops.push(() => server.close());
      httpUrl = server.url;
    }
    if (has('http')) {
      // The secret travels in Telegram's header, never in the path (paths reach logs and metrics).
      const webhookPath = '/telegram/webhook';
      const app = createHttpApp({
        logger,
        metrics,
        readiness,
        routers: [
          redirectRoutes({ database, clock }),
          v1Routes({
            database,
            clock,
            logger,
            redis,
            rateLimit: config.apiRateLimit,
            webhookAllowPrivate: config.webhookAllowPrivate,
            orders: {
              ...(outbound ? { telegram: outbound.api } : {}),
              providers,
              starsRates: { starsPerRub: config.starsPerRub, starsPerUsd: config.starsPerUsd },
              ...(moderation ? { moderation } : {}),
              i18n: createI18n(),
              publicUrl: config.publicUrl,
            },
          }),
          ...(providers.yookassa
            ? [
                yooKassaWebhookRoutes({
                  database,
                  clock,
                  logger,
                  gateway: providers.yookassa,
                  trustedProxy: config.yookassa?.trustedProxy,
                  // The sandbox's fake YooKassa notifies from loopback; production: the published ranges.
                  ...(sandboxBoot?.yookassaSources
                    ? { allowedAddresses: sandboxBoot.yookassaSources }
                    : {}),
                }),
              ]
            : []),
          ...(providers.stripe
            ? [
                stripeWebhookRoutes({
                  database,
                  clock,
                  logger,
                  gateway: providers.stripe,
                }),
              ]
            : []),
          ...(isTestClock(clock) ? [testClockRoutes({ database, clock, logger })] : []),
        ],
        ...(webhookIntake && botDeps
          ? {
              botWebhook: {
                path: webhookPath,
                handler: createWebhookHandler(webhookIntake, botDeps),
              },
            }
          : shards && shardWebhook
            ? {
                botWebhook: {
                  path: webhookPath,
                  handler: createWebhookHandler(shards.intake, { config, logger }),
                },
              }
            : {}),
      });
      const server = await startHttpServer(app, config.httpHost, config.httpPort);
      stops.push(() => server.close());
      httpUrl = server.url;
      sandboxBoot?.useHttpUrl(server.url);
      if (bot && webhookIntake) {
        await bot.init();
        await webhookIntake.recover(false);
        await bot.api.setWebhook(`${config.publicUrl}${webhookPath}`, {
          ...(config.botWebhookSecret ? { secret_token: config.botWebhookSecret } : {}),
          allowed_updates: [...allowedUpdates],
        });
        await setBotCommands(bot.api);
      }
      if (shards && shardWebhook && token) {
        const api = new Api(token, botApiOptions(config.telegramApiRoot));
        await api.setWebhook(`${config.publicUrl}${webhookPath}`, {
          ...(config.botWebhookSecret ? { secret_token: config.botWebhookSecret } : {}),
          allowed_updates: [...allowedUpdates],
        });
        await setBotCommands(api);
      }
    }
    if (bot && botDeps && config.botMode === 'polling') {
      const handle = await startBot(bot, botDeps, { intake: intakeOptions });
      stops.push(() => handle.stop());
    }
    logger.info({ roles: config.roles, httpUrl, sandboxUrl }, 'started');
    let stopping: Promise<void> | undefined;
    return {
      config,
      database,
      clock,
      jobs,
      httpUrl,
      sandboxUrl,
      stop: () => (stopping ??= stopAll().then(() => logger.info('stopped'))),
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

/** The system clock, or with TEST_CLOCK=on a test clock resumed from its stored offset. */
async function createClock(config: Config, database: Database): Promise<Clock> {
  if (!config.testClock) return createSystemClock();
  return createTestClock(await loadTestClockOffset(database));
}

function assert(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

/** Jobs running in another process prove themselves by a recent heartbeat row. */
function heartbeatCheck(database: Database, clock: Clock): ReadinessCheck {
  return async () => {
    const at = await database.withScope({}, (tx) => lastHeartbeat(tx, heartbeatJob));
    assert(!!at && clock.now().getTime() - at.getTime() < 3 * 60_000, 'no recent jobs heartbeat');
  };
}

/** getMe, cached for 30 s so frequent probes don't hammer Telegram. */
function telegramCheck(api: Api, clock: Clock): ReadinessCheck {
  let okUntil = 0;
  return async () => {
    if (clock.now().getTime() < okUntil) return;
    await api.getMe();
    okUntil = clock.now().getTime() + 30_000;
  };
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger({ level: config.logLevel });
  const app = await startApp(config, { logger });
  if (app.sandboxUrl) {
    process.stdout.write(`\nLytSlot sandbox: open ${app.sandboxUrl} to chat with the bot.\n`);
  }
  if (app.httpUrl)
    process.stdout.write(
      `HTTP server: ${app.httpUrl} (/healthz, /readyz, /metrics, partner API /v1/docs)\n\n`,
    );
  installShutdown(app, logger);
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main().catch((err: unknown) => {
    const text =
      err instanceof PortInUseError
        ? err.message
        : err instanceof Error
          ? (err.stack ?? err.message)
          : String(err);
    process.stderr.write(`Failed to start: ${maskSecrets(text)}\n`);
    process.exit(1);
  });
}

/** The bot's deps: the process's deps and its outbound gateway (the bot role needs a token). */
function withOutbound<T extends Omit<BotDeps, 'outbound'>>(
  deps: T,
  outbound: OutboundGateway | undefined,
): T & BotDeps {
  if (!outbound) throw new Error('the bot role needs a bot token (the sandbox gives one)');
  return { ...deps, outbound };
}

/** The intake's counters and gauge on the process's Prometheus registry. */
function intakeMetrics(metrics: Metrics): IntakeMetrics {
  return {
    received: (kind) => metrics.botUpdates.inc({ type: kind }),
    outcome: (outcome) => metrics.intakeOutcomes.inc({ outcome }),
    parked: (count) => metrics.intakeParked.set(count),
  };
}
