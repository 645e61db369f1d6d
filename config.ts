import { isIP } from 'node:net';
import { z } from 'zod';
import { isPublicHttpsUrl, maskUrlPasswords } from './models/urls.js';

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const optionalUrl = optionalString.pipe(z.url().optional());

const telegramId = z
  .string()
  .trim()
  .regex(/^-?\d{1,20}$/, 'must be a Telegram id (an integer)')
  .transform(Number);

const idList = z
  .string()
  .default('')
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(telegramId.pipe(z.number().int())));

const roleNames = ['bot', 'jobs', 'http', 'fetcher', 'worker'] as const;
export type Role = (typeof roleNames)[number];

const positiveNumber = z
  .string()
  .trim()
  .regex(/^\d+(\.\d+)?$/, 'must be a positive decimal number')
  .transform(Number)
  .pipe(z.number().positive());

/** "a.b.c.d", "a.b.c.d/n", an IPv6 address or an IPv6 range. */
function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, extra] = entry.trim().split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

const port = z.coerce
  .number({ error: 'must be a port number from 0 to 65535' })
  .int('must be a port number from 0 to 65535')
  .min(0, 'must be a port number from 0 to 65535')
  .max(65535, 'must be a port number from 0 to 65535');

const shape = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BOT_TOKEN: optionalString.pipe(
    z
      .string()
      .regex(/^\d+:[\w-]{20,}$/, 'must look like 123456:ABC-DEF… (from @BotFather)')
      .optional(),
  ),
  TELEGRAM_API_ROOT: z.url().default('https://api.telegram.org'),
  BOT_MODE: z.enum(['polling', 'webhook', 'sharded']).default('polling'),
  BOT_WEBHOOK_SECRET: optionalString.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,256}$/, 'may contain only A-Z, a-z, 0-9, _ and -')
      .optional(),
  ),
  ROLES: z
    .string()
    .default('bot,jobs,http')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(
          z.enum(roleNames, {
            error: 'must be a comma-separated list of bot, jobs, http, fetcher, worker',
          }),
        )
        .min(1, 'must name at least one of bot, jobs, http, fetcher, worker'),
    ),
  DATABASE_URL: optionalUrl,
  DATA_DIR: z.string().trim().min(1).default('./data'),
  REDIS_URL: optionalUrl,
  SHARD_SOURCE: z.enum(['polling', 'webhook']).default('polling'),
  SHARD_PARTITIONS: z.coerce
    .number({ error: 'must be a whole number from 1 to 1024' })
    .int('must be a whole number from 1 to 1024')
    .min(1, 'must be a whole number from 1 to 1024')
    .max(1024, 'must be a whole number from 1 to 1024')
    .default(16),
  HTTP_HOST: z.string().trim().min(1).default('127.0.0.1'),
  HTTP_PORT: port.default(3000),
  SANDBOX_PORT: port.default(8080),
  SANDBOX_STRIPE_PORT: port.default(0),
  SANDBOX_YOOKASSA_PORT: port.default(0),
  SANDBOX_QUICKCHART_PORT: port.default(0),
  PUBLIC_URL: optionalUrl,
  ADMIN_TELEGRAM_IDS: idList,
  ADMIN_CHAT_ID: optionalString.pipe(telegramId.optional()),
  VERIFY_CHAT_ID: optionalString.pipe(telegramId.optional()),
  STARS_PER_RUB: positiveNumber.default(0.77),
  STARS_PER_USD: positiveNumber.default(77),
  STRIPE_SECRET_KEY: optionalString,
  STRIPE_WEBHOOK_SECRET: optionalString,
  STRIPE_API_ROOT: optionalUrl,
  YOOKASSA_SHOP_ID: optionalString,
  YOOKASSA_SECRET_KEY: optionalString,
  YOOKASSA_API_ROOT: z.url().default('https://api.yookassa.ru/v3'),
  YOOKASSA_TRUSTED_PROXY: optionalString.refine(
    (v) => v === undefined || v.split(',').every(isAddressOrRange),
    'must be comma-separated IP addresses or CIDR ranges (e.g. 10.0.0.5 or 10.0.0.0/24)',
  ),
  QUICKCHART_URL: optionalUrl,
  MODERATION_API_URL: optionalUrl,
  MODERATION_API_KEY: optionalString,
  TEST_CLOCK: z.enum(['on', 'off']).default('off'),
  WEBHOOK_ALLOW_PRIVATE: optionalString.pipe(z.enum(['on', 'off']).optional()),
  SENTRY_DSN: optionalUrl,
  API_RATE_LIMIT: z.coerce
    .number({ error: 'must be a whole number of requests per minute, 1 to 100000' })
    .int('must be a whole number of requests per minute, 1 to 100000')
    .min(1, 'must be a whole number of requests per minute, 1 to 100000')
    .max(100_000, 'must be a whole number of requests per minute, 1 to 100000')
    .default(120),
});

/** Names of every environment variable the app reads (documented one by one in .env.example). */
export const configVariables = Object.keys(shape.shape);

const schema = shape.superRefine((c, ctx) => {
  if (c.TEST_CLOCK === 'on' && c.NODE_ENV === 'production') {
    ctx.addIssue({
      code: 'custom',
      path: ['TEST_CLOCK'],
      message: 'is refused when NODE_ENV=production (the test clock is for the sandbox and tests)',
    });
  }
  if (c.WEBHOOK_ALLOW_PRIVATE === 'on' && c.NODE_ENV === 'production') {
    ctx.addIssue({
      code: 'custom',
      path: ['WEBHOOK_ALLOW_PRIVATE'],
      message:
        'is refused when NODE_ENV=production (partner webhooks never go to private addresses there)',
    });
  }
  if (c.NODE_ENV === 'production' && !c.BOT_TOKEN && c.ROLES.includes('bot')) {
    ctx.addIssue({
      code: 'custom',
      path: ['BOT_TOKEN'],
      message: 'is required when NODE_ENV=production (without it the sandbox would start)',
    });
  }
  const webhookSource =
    c.BOT_MODE === 'webhook' || (c.BOT_MODE === 'sharded' && c.SHARD_SOURCE === 'webhook');
  if (c.NODE_ENV === 'production' && webhookSource && !c.BOT_WEBHOOK_SECRET) {
    ctx.addIssue({
      code: 'custom',
      path: ['BOT_WEBHOOK_SECRET'],
      message:
        'is required when NODE_ENV=production and updates come by webhook (BOT_MODE=webhook, or sharded with SHARD_SOURCE=webhook): without it anyone who finds the URL can post forged updates',
    });
  }
  if (webhookSource && !c.PUBLIC_URL) {
    ctx.addIssue({
      code: 'custom',
      path: ['PUBLIC_URL'],
      message:
        c.BOT_MODE === 'webhook'
          ? 'is required when BOT_MODE=webhook'
          : 'is required when SHARD_SOURCE=webhook (Telegram needs the webhook URL)',
    });
  } else if (c.NODE_ENV === 'production' && c.BOT_TOKEN && !isPublicHttpsUrl(c.PUBLIC_URL)) {
    ctx.addIssue({
      code: 'custom',
      path: ['PUBLIC_URL'],
      message: c.PUBLIC_URL
        ? 'must be an https:// URL on a public host when NODE_ENV=production (Telegram refuses links to localhost, private addresses and single-label names)'
        : 'is required when NODE_ENV=production with BOT_TOKEN (an https:// URL on a public host: the base of click links and the webhook)',
    });
  }
  const shardRoles = c.ROLES.filter((role) => role === 'fetcher' || role === 'worker');
  if (shardRoles.length > 0 && c.BOT_MODE !== 'sharded') {
    ctx.addIssue({
      code: 'custom',
      path: ['ROLES'],
      message: `${shardRoles.join(' and ')} run only with BOT_MODE=sharded`,
    });
  }
  if (c.BOT_MODE === 'sharded' && c.SHARD_SOURCE === 'webhook' && c.ROLES.includes('fetcher')) {
    ctx.addIssue({
      code: 'custom',
      path: ['ROLES'],
      message:
        'fetcher has nothing to do with SHARD_SOURCE=webhook (updates arrive at the http role)',
    });
  }
  if (c.BOT_MODE === 'sharded') {
    // The partition streams and the leases live in Redis; the sandbox emulator runs polling only.
    if (!c.REDIS_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['REDIS_URL'],
        message: 'is required when BOT_MODE=sharded (the update streams and leases live in Redis)',
      });
    }
    if (!c.BOT_TOKEN && (shardRoles.length > 0 || c.ROLES.includes('bot'))) {
      ctx.addIssue({
        code: 'custom',
        path: ['BOT_TOKEN'],
        message: 'is required when BOT_MODE=sharded (the sandbox runs in polling mode)',
      });
    }
  }
  if (Boolean(c.STRIPE_SECRET_KEY) !== Boolean(c.STRIPE_WEBHOOK_SECRET)) {
    ctx.addIssue({
      code: 'custom',
      path: [c.STRIPE_SECRET_KEY ? 'STRIPE_WEBHOOK_SECRET' : 'STRIPE_SECRET_KEY'],
      message: 'is required together with the other Stripe key',
    });
  }
  if (Boolean(c.YOOKASSA_SHOP_ID) !== Boolean(c.YOOKASSA_SECRET_KEY)) {
    ctx.addIssue({
      code: 'custom',
      path: [c.YOOKASSA_SHOP_ID ? 'YOOKASSA_SECRET_KEY' : 'YOOKASSA_SHOP_ID'],
      message: 'is required together with the other YooKassa key',
    });
  }
});

type Env = z.infer<typeof schema>;

export interface Config {
  nodeEnv: Env['NODE_ENV'];
  logLevel: Env['LOG_LEVEL'];
  /** Undefined ⇒ the sandbox emulator is started and the bot talks to it. */
  botToken: string | undefined;
  telegramApiRoot: string;
  botMode: Env['BOT_MODE'];
  botWebhookSecret: string | undefined;
  roles: Role[];
  databaseUrl: string | undefined;
  dataDir: string;
  redisUrl: string | undefined;
  /** Sharded mode: where updates come from (a fetcher polling, or the http role's webhook). */
  shardSource: Env['SHARD_SOURCE'];
  /** Sharded mode: how many partition streams the updates are spread over (by chat). */
  shardPartitions: number;
  httpHost: string;
  httpPort: number;
  sandboxPort: number;
  /** Ports of the sandbox's local fakes (Stripe, YooKassa, QuickChart); 0 = any free port. */
  sandboxFakePorts: { stripe: number; yookassa: number; quickchart: number };
  publicUrl: string;
  /**
   * Who can follow links to publicUrl: 'public' (an https URL on a public host: Telegram accepts
   * them), 'sandbox' (no BOT_TOKEN: only the emulator sees them, and it allows local links),
   * 'local' (real Telegram refuses them: published posts keep the advertiser's own links).
   */
  publicUrlReach: 'public' | 'sandbox' | 'local';
  adminTelegramIds: number[];
  adminChatId: number | undefined;
  verifyChatId: number | undefined;
  starsPerRub: number;
  starsPerUsd: number;
  stripe: { secretKey: string; webhookSecret: string; apiRoot: string | undefined } | undefined;
  yookassa:
    | { shopId: string; secretKey: string; apiRoot: string; trustedProxy: string | undefined }
    | undefined;
  /** Unset: the public QuickChart, or in the sandbox its local renderer. */
  quickchartUrl: string | undefined;
  moderation: { url: string; apiKey: string | undefined } | undefined;
  testClock: boolean;
  sentryDsn: string | undefined;
  /** Partner API requests per minute per key. */
  apiRateLimit: number;
  /**
   * Partner webhook endpoints may be http://localhost and private hosts, and deliveries may go to
   * private addresses: WEBHOOK_ALLOW_PRIVATE, default on in the sandbox (no BOT_TOKEN) outside
   * production, refused in production.
   */
  webhookAllowPrivate: boolean;
}

export type ConfigResult = { ok: true; value: Config } | { ok: false; errors: string[] };

/** Parses an environment into Config; every problem becomes one readable line naming the variable. */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      const value = env[name];
      const shown =
        value === undefined || /KEY|SECRET|TOKEN|DSN/.test(name)
          ? ''
          : ` (got "${maskUrlPasswords(value)}")`;
      return `${name}${shown}: ${issue.message}`;
    });
    return { ok: false, errors };
  }
  const e = parsed.data;
  return {
    ok: true,
    value: {
      nodeEnv: e.NODE_ENV,
      logLevel: e.LOG_LEVEL,
      botToken: e.BOT_TOKEN,
      telegramApiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
      botMode: e.BOT_MODE,
      botWebhookSecret: e.BOT_WEBHOOK_SECRET,
      roles: [...new Set(e.ROLES)],
      databaseUrl: e.DATABASE_URL,
      dataDir: e.DATA_DIR,
      redisUrl: e.REDIS_URL,
      shardPartitions: e.SHARD_PARTITIONS,
      shardSource: e.SHARD_SOURCE,
      httpHost: e.HTTP_HOST,
      httpPort: e.HTTP_PORT,
      sandboxPort: e.SANDBOX_PORT,
      sandboxFakePorts: {
        stripe: e.SANDBOX_STRIPE_PORT,
        yookassa: e.SANDBOX_YOOKASSA_PORT,
        quickchart: e.SANDBOX_QUICKCHART_PORT,
      },
      publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.HTTP_PORT}`).replace(/\/+$/, ''),
      publicUrlReach: isPublicHttpsUrl(e.PUBLIC_URL) ? 'public' : e.BOT_TOKEN ? 'local' : 'sandbox',
      adminTelegramIds: e.ADMIN_TELEGRAM_IDS,
      adminChatId: e.ADMIN_CHAT_ID,
      verifyChatId: e.VERIFY_CHAT_ID,
      starsPerRub: e.STARS_PER_RUB,
      starsPerUsd: e.STARS_PER_USD,
      stripe:
        e.STRIPE_SECRET_KEY && e.STRIPE_WEBHOOK_SECRET
          ? {
              secretKey: e.STRIPE_SECRET_KEY,
              webhookSecret: e.STRIPE_WEBHOOK_SECRET,
              apiRoot: e.STRIPE_API_ROOT,
            }
          : undefined,
      yookassa:
        e.YOOKASSA_SHOP_ID && e.YOOKASSA_SECRET_KEY
          ? {
              shopId: e.YOOKASSA_SHOP_ID,
              secretKey: e.YOOKASSA_SECRET_KEY,
              apiRoot: e.YOOKASSA_API_ROOT.replace(/\/+$/, ''),
              trustedProxy: e.YOOKASSA_TRUSTED_PROXY,
            }
          : undefined,
      quickchartUrl: e.QUICKCHART_URL?.replace(/\/+$/, ''),
      moderation: e.MODERATION_API_URL
        ? { url: e.MODERATION_API_URL, apiKey: e.MODERATION_API_KEY }
        : undefined,
      testClock: e.TEST_CLOCK === 'on',
      sentryDsn: e.SENTRY_DSN,
      apiRateLimit: e.API_RATE_LIMIT,
      webhookAllowPrivate:
        e.WEBHOOK_ALLOW_PRIVATE === undefined
          ? !e.BOT_TOKEN && e.NODE_ENV !== 'production'
          : e.WEBHOOK_ALLOW_PRIVATE === 'on',
    },
  };
}

/** Reads the process environment (the only place that does); exits with one line per problem. */
export function readConfig(overrides: Record<string, string | undefined> = {}): Config {
  const result = parseConfig({ ...process.env, ...overrides });
  if (!result.ok) {
    process.stderr.write(
      `Invalid configuration:\n${result.errors.map((e) => `  - ${e}`).join('\n')}\n`,
    );
    process.exit(1);
  }
  return result.value;
}
