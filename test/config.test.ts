import { describe, expect, it } from 'vitest';
import { configVariables, parseConfig } from '../config.js';

describe('parseConfig', () => {
  it('accepts an empty environment with sandbox defaults', () => {
    const result = parseConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.botToken).toBeUndefined();
    expect(result.value.roles).toEqual(['bot', 'jobs', 'http']);
    expect(result.value.httpPort).toBe(3000);
    expect(result.value.testClock).toBe(false);
  });

  it('names each bad variable on its own readable line', () => {
    const result = parseConfig({
      HTTP_PORT: 'abc',
      ADMIN_TELEGRAM_IDS: '1,x',
      ROLES: 'bot,foo',
      BOT_TOKEN: 'not-a-token',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(4);
    expect(result.errors).toContain('HTTP_PORT (got "abc"): must be a port number from 0 to 65535');
    expect(result.errors.find((e) => e.startsWith('ADMIN_TELEGRAM_IDS'))).toMatch(/Telegram id/);
    expect(result.errors.find((e) => e.startsWith('ROLES'))).toMatch(/bot.*jobs.*http/);
    const tokenLine = result.errors.find((e) => e.startsWith('BOT_TOKEN'));
    expect(tokenLine).toMatch(/BotFather/);
    expect(tokenLine).not.toContain('not-a-token');
  });

  it('refuses the test clock in production', () => {
    const result = parseConfig({
      TEST_CLOCK: 'on',
      NODE_ENV: 'production',
      BOT_TOKEN: '123456:' + 'A'.repeat(35),
      PUBLIC_URL: 'https://ads.example.com',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      'TEST_CLOCK (got "on"): is refused when NODE_ENV=production (the test clock is for the sandbox and tests)',
    ]);
  });

  it('parses admin ids and trims trailing slashes from URLs', () => {
    const result = parseConfig({
      ADMIN_TELEGRAM_IDS: ' 1, 22 ,333',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/',
      ADMIN_CHAT_ID: '-1001234',
    });
    expect(result.ok && result.value.adminTelegramIds).toEqual([1, 22, 333]);
    expect(result.ok && result.value.telegramApiRoot).toBe('http://127.0.0.1:8081');
    expect(result.ok && result.value.adminChatId).toBe(-1001234);
  });

  it('accepts IP addresses and ranges as the YooKassa proxy and names anything else', () => {
    const keys = { YOOKASSA_SHOP_ID: '1', YOOKASSA_SECRET_KEY: 'k' };
    const good = parseConfig({ ...keys, YOOKASSA_TRUSTED_PROXY: '10.0.0.5, 10.1.0.0/16,::1' });
    expect(good.ok && good.value.yookassa?.trustedProxy).toBe('10.0.0.5, 10.1.0.0/16,::1');
    for (const bad of ['proxy.local', '10.0.0.0/33', '10.0.0.1/8/2']) {
      const result = parseConfig({ ...keys, YOOKASSA_TRUSTED_PROXY: bad });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors[0]).toMatch(/^YOOKASSA_TRUSTED_PROXY \(got/);
    }
  });
});

describe('.env.example', () => {
  it('documents every variable config.ts reads', async () => {
    const { readFile } = await import('node:fs/promises');
    const example = await readFile(new URL('../.env.example', import.meta.url), 'utf8');
    const documented = new Set(
      example
        .split('\n')
        .map((line) => /^([A-Z][A-Z0-9_]*)=/.exec(line)?.[1])
        .filter(Boolean),
    );
    const missing = configVariables.filter((name) => !documented.has(name));
    expect(missing).toEqual([]);
    expect(configVariables.length).toBeGreaterThan(25);
  });

  it("every variable also has a row in the README's configuration table", async () => {
    const { readFile } = await import('node:fs/promises');
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const rows = readme.split('\n').filter((line) => line.startsWith('| `'));
    const listed = new Set(
      rows.flatMap((row) => [...row.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1])),
    );
    expect(configVariables.filter((name) => !listed.has(name))).toEqual([]);
  });
});

describe('BOT_MODE', () => {
  it('sharded mode needs Redis and a token; fetcher and worker need sharded mode', () => {
    const token = '123456:' + 'A'.repeat(35);
    const bare = parseConfig({ BOT_MODE: 'sharded', ROLES: 'fetcher' });
    expect(bare.ok || bare.errors).toEqual([
      'REDIS_URL: is required when BOT_MODE=sharded (the update streams and leases live in Redis)',
      'BOT_TOKEN: is required when BOT_MODE=sharded (the sandbox runs in polling mode)',
    ]);
    const polling = parseConfig({ ROLES: 'worker,jobs', BOT_TOKEN: token });
    expect(polling.ok || polling.errors).toEqual([
      'ROLES (got "worker,jobs"): worker run only with BOT_MODE=sharded',
    ]);
    const sharded = parseConfig({
      BOT_MODE: 'sharded',
      ROLES: 'fetcher,worker',
      BOT_TOKEN: token,
      REDIS_URL: 'redis://127.0.0.1:6379',
      SHARD_PARTITIONS: '8',
    });
    expect(sharded.ok && [sharded.value.roles, sharded.value.shardPartitions]).toEqual([
      ['fetcher', 'worker'],
      8,
    ]);
    const byWebhook = parseConfig({
      BOT_MODE: 'sharded',
      SHARD_SOURCE: 'webhook',
      ROLES: 'fetcher,http',
      BOT_TOKEN: token,
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
    expect(byWebhook.ok || byWebhook.errors).toEqual([
      'PUBLIC_URL: is required when SHARD_SOURCE=webhook (Telegram needs the webhook URL)',
      'ROLES (got "fetcher,http"): fetcher has nothing to do with SHARD_SOURCE=webhook (updates arrive at the http role)',
    ]);
    const tooMany = parseConfig({ SHARD_PARTITIONS: '5000' });
    expect(tooMany.ok || tooMany.errors).toEqual([
      'SHARD_PARTITIONS (got "5000"): must be a whole number from 1 to 1024',
    ]);
    const webhook = parseConfig({ BOT_MODE: 'webhook' });
    expect(webhook.ok || webhook.errors).toEqual(['PUBLIC_URL: is required when BOT_MODE=webhook']);
  });
});

describe('production refusals', () => {
  const token = '123456:' + 'A'.repeat(35);
  const production = { NODE_ENV: 'production', BOT_TOKEN: token };

  it('refuses webhook mode without BOT_WEBHOOK_SECRET in production only', () => {
    const webhook = { BOT_MODE: 'webhook', PUBLIC_URL: 'https://ads.example.com' };
    const refused = parseConfig({ ...production, ...webhook });
    expect(refused.ok || refused.errors).toEqual([
      'BOT_WEBHOOK_SECRET: is required when NODE_ENV=production and updates come by webhook (BOT_MODE=webhook, or sharded with SHARD_SOURCE=webhook): without it anyone who finds the URL can post forged updates',
    ]);
    expect(parseConfig({ ...production, ...webhook, BOT_WEBHOOK_SECRET: 's3cret_value' }).ok).toBe(
      true,
    );
    expect(parseConfig({ BOT_TOKEN: token, ...webhook }).ok).toBe(true);
  });

  it('requires a public https PUBLIC_URL in production with a bot token', () => {
    const missing = parseConfig(production);
    expect(missing.ok || missing.errors).toEqual([
      'PUBLIC_URL: is required when NODE_ENV=production with BOT_TOKEN (an https:// URL on a public host: the base of click links and the webhook)',
    ]);
    for (const url of [
      'http://ads.example.com',
      'https://localhost:3000',
      'https://lytslot.local',
      'https://10.0.0.5',
      'https://lytslot',
    ]) {
      const result = parseConfig({ ...production, PUBLIC_URL: url });
      expect(result.ok || result.errors).toEqual([
        `PUBLIC_URL (got "${url}"): must be an https:// URL on a public host when NODE_ENV=production (Telegram refuses links to localhost, private addresses and single-label names)`,
      ]);
    }
    const good = parseConfig({ ...production, PUBLIC_URL: 'https://ads.example.com/' });
    expect(good.ok && good.value.publicUrl).toBe('https://ads.example.com');
  });

  it('names PUBLIC_URL once in production webhook mode without it', () => {
    const result = parseConfig({ ...production, BOT_MODE: 'webhook', BOT_WEBHOOK_SECRET: 'x' });
    expect(result.ok || result.errors).toEqual(['PUBLIC_URL: is required when BOT_MODE=webhook']);
  });

  it('lets production processes without a bot token and development keep a local PUBLIC_URL', () => {
    expect(parseConfig({ NODE_ENV: 'production', ROLES: 'http' }).ok).toBe(true);
    expect(parseConfig({ BOT_TOKEN: token, PUBLIC_URL: 'http://localhost:3000' }).ok).toBe(true);
  });
});

describe('publicUrlReach', () => {
  const token = '123456:' + 'A'.repeat(35);
  const reach = (env: Record<string, string>) => {
    const result = parseConfig(env);
    return result.ok ? result.value.publicUrlReach : result.errors;
  };

  it('is public for an https URL on a public host, with or without a token', () => {
    expect(reach({ PUBLIC_URL: 'https://ads.example.com', BOT_TOKEN: token })).toBe('public');
    expect(reach({ PUBLIC_URL: 'https://ads.example.com' })).toBe('public');
  });

  it('is sandbox without a token (the emulator allows local links), local against real Telegram', () => {
    expect(reach({})).toBe('sandbox');
    expect(reach({ BOT_TOKEN: token })).toBe('local');
    expect(reach({ BOT_TOKEN: token, PUBLIC_URL: 'https://192.168.1.5:3000' })).toBe('local');
  });
});

describe('secrets in configuration errors', () => {
  it('masks the password of a bad DATABASE_URL or REDIS_URL', () => {
    const result = parseConfig({
      DATABASE_URL: 'postgres://app:db-pass-42@ db/lytslot',
      REDIS_URL: 'redis://:redis-pass-7@cache:notaport',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = result.errors.join('\n');
    expect(text).not.toContain('db-pass-42');
    expect(text).not.toContain('redis-pass-7');
    expect(result.errors.find((e) => e.startsWith('DATABASE_URL'))).toContain(
      'postgres://app:***@',
    );
    expect(result.errors.find((e) => e.startsWith('REDIS_URL'))).toContain('redis://:***@cache');
  });
});

describe('API_RATE_LIMIT', () => {
  it('defaults to 120 requests a minute and names anything but a whole number from 1', () => {
    const unset = parseConfig({});
    expect(unset.ok && unset.value.apiRateLimit).toBe(120);
    const set = parseConfig({ API_RATE_LIMIT: '600' });
    expect(set.ok && set.value.apiRateLimit).toBe(600);
    for (const bad of ['0', '1.5', 'lots']) {
      const result = parseConfig({ API_RATE_LIMIT: bad });
      expect(result.ok || result.errors).toEqual([
        `API_RATE_LIMIT (got "${bad}"): must be a whole number of requests per minute, 1 to 100000`,
      ]);
    }
  });
});
