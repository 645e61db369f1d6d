import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig, type Config } from '../../config.js';
import { createTestClock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { createLogger } from '../../models/logger.js';
import { bootSandbox } from '../../sandbox/boot.js';
import { createTestDatabase } from '../helpers/db.js';
import { freePort } from '../helpers/redis-server.js';

function configFrom(env: Record<string, string>): Config {
  const parsed = parseConfig(env);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.value;
}

let database: Database;
let dataDir: string;
beforeAll(async () => {
  [database, dataDir] = await Promise.all([
    createTestDatabase(),
    mkdtemp(join(tmpdir(), 'lytslot-boot-')),
  ]);
});
afterAll(async () => {
  await database?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const boot = (env: Record<string, string>) =>
  bootSandbox({
    config: configFrom({ SANDBOX_PORT: '0', DATA_DIR: dataDir, ...env }),
    database,
    clock: createTestClock(),
    logger: createLogger({ level: 'silent' }),
  });

describe('the sandbox local fakes', () => {
  it('listen on the ports SANDBOX_STRIPE_PORT, SANDBOX_YOOKASSA_PORT and SANDBOX_QUICKCHART_PORT pin', async () => {
    const [stripe, yookassa, quickchart] = [await freePort(), await freePort(), await freePort()];
    const sandbox = await boot({
      SANDBOX_STRIPE_PORT: String(stripe),
      SANDBOX_YOOKASSA_PORT: String(yookassa),
      SANDBOX_QUICKCHART_PORT: String(quickchart),
    });
    try {
      expect(sandbox.config.stripe?.apiRoot).toBe(`http://127.0.0.1:${stripe}`);
      expect(sandbox.config.yookassa?.apiRoot).toBe(`http://127.0.0.1:${yookassa}/v3`);
      expect(sandbox.config.quickchartUrl).toBe(`http://127.0.0.1:${quickchart}`);
      const health = await fetch(`http://127.0.0.1:${quickchart}/healthcheck`);
      expect(health.status).toBe(200);
    } finally {
      await sandbox.close();
    }
  });

  it('take any free port by default', async () => {
    const sandbox = await boot({});
    try {
      const roots = [sandbox.config.stripe?.apiRoot, sandbox.config.yookassa?.apiRoot];
      for (const root of roots) expect(root).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*/);
    } finally {
      await sandbox.close();
    }
  });
});
