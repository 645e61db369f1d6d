import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../models/db.js';
import { createTestDatabase } from '../../helpers/db.js';
import { startSandbox, type Sandbox } from '../../helpers/sandbox.js';
import type { TestUser } from '../../helpers/telegram-user.js';
import {
  diedAtFault,
  everyChargeSettled,
  expectMoneyConsistent,
  kill,
  pay,
  preparePayments,
  startBotProcess,
} from './paid-world.js';

/**
 * Where the bot process dies: before/after storing a batch, mid-handler (in a payment handler's
 * transaction, its work done, not committed), before marking done.
 */
const faults = ['before-append', 'after-append', 'mid-handler', 'before-complete', 'random'];
const payments = 52;

describe('durable intake: a killed bot loses no paid update and no /start', () => {
  let database: Database;
  let sandbox: Sandbox;
  let databaseUrl: string;
  beforeAll(async () => {
    [database, sandbox] = await Promise.all([
      createTestDatabase(),
      startSandbox({ preCheckoutTimeoutMs: 1500 }),
    ]);
    databaseUrl = database.url;
  });
  afterAll(async () => {
    await sandbox?.close();
    await database?.close();
  });

  it(`SIGKILL at every step over ${payments} Stars payments: each charge recorded once or refunded`, async () => {
    const queue = await preparePayments(database, sandbox, payments);
    const starters: TestUser[] = [];
    const fired = new Set<string>();
    let cycle = 0;
    while (queue.length > 0) {
      const fault = faults[cycle % faults.length]!;
      const bot = await startBotProcess({
        databaseUrl,
        sandbox,
        fault,
        faultAt: 1 + (cycle % 3),
      });
      const batch = queue.splice(0, 10);
      const starter = sandbox.user({ first_name: `Starter ${cycle}` });
      starters.push(starter);
      starter.send('/start');
      if (fault === 'random') setTimeout(() => void kill(bot), Math.floor(Math.random() * 400));
      const charged = await Promise.all(batch.map((p) => pay(sandbox, p)));
      // Not charged (the bot was dead at pre-checkout, as Telegram would refuse): pay again later.
      queue.push(...batch.filter((_, i) => !charged[i]));
      await Promise.race([bot.exited, new Promise((resolve) => setTimeout(resolve, 1500))]);
      await kill(bot);
      if (diedAtFault(bot)) fired.add(fault);
      cycle++;
    }
    // Every deterministic fault point was hit at least once (random kills come on top).
    expect([...fired].sort()).toEqual(
      expect.arrayContaining(faults.filter((f) => f !== 'random').sort()),
    );
    const survivor = await startBotProcess({ databaseUrl, sandbox });
    try {
      await everyChargeSettled(database, sandbox, 60_000);
      for (const starter of starters)
        await starter.waitForMessage(`Hi, ${starter.user.first_name}!`, { timeoutMs: 30_000 });
    } finally {
      await kill(survivor);
    }
    expect(sandbox.emulator.world.charges.size).toBeGreaterThanOrEqual(payments);
    await expectMoneyConsistent(database);
  }, 300_000);
});
