import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../models/db.js';
import { createTestDatabase } from '../../helpers/db.js';
import { startSandbox, type Sandbox } from '../../helpers/sandbox.js';
import { startTcpProxy, viaProxy, type TcpProxy } from '../../helpers/tcp-proxy.js';
import type { TestUser } from '../../helpers/telegram-user.js';
import {
  chargesSettled,
  diedAtFault,
  eventually,
  expectMoneyConsistent,
  kill,
  pay,
  preparePayments,
  startBotProcess,
  type PendingPayment,
} from './paid-world.js';

/** Where the bot process dies: before/after storing a batch, mid-handler, before marking done. */
const faults = ['before-append', 'after-append', 'mid-handler', 'before-complete', 'random'];
const payments = Number(process.env.CRASH_PAYMENTS ?? 52);

describe('durable intake: a killed bot loses no paid update and no /start', () => {
  let database: Database;
  let sandbox: Sandbox;
  let proxy: TcpProxy;
  let databaseUrl: string;
  beforeAll(async () => {
    [database, sandbox] = await Promise.all([
      createTestDatabase(),
      startSandbox({ preCheckoutTimeoutMs: 1500 }),
    ]);
    const target = new URL(database.url);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
    databaseUrl = viaProxy(database.url, proxy);
  });
  afterAll(async () => {
    await proxy?.close();
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
      const batch = queue.splice(0, 4);
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
      await eventually(
        async () => (await chargesSettled(database, sandbox)).length === 0,
        async () =>
          `charges neither recorded nor refunded: ${(await chargesSettled(database, sandbox)).join(', ')}`,
        60_000,
      );
      for (const starter of starters)
        await starter.waitForMessage(`Hi, ${starter.user.first_name}!`, { timeoutMs: 30_000 });
    } finally {
      await kill(survivor);
    }
    expect(sandbox.emulator.world.charges.size).toBeGreaterThanOrEqual(payments);
    await expectMoneyConsistent(database);
  }, 300_000);

  it('a 20 s database outage under load: every charge recorded or refunded, every /start answered', async () => {
    const batch: PendingPayment[] = await preparePayments(database, sandbox, 8);
    const bot = await startBotProcess({ databaseUrl, sandbox });
    try {
      const early = await Promise.all(batch.slice(0, 4).map((p) => pay(sandbox, p)));
      expect(early.every(Boolean)).toBe(true);
      proxy.cut();
      const starters = [0, 1, 2].map((i) => sandbox.user({ first_name: `Outage ${i}` }));
      for (const starter of starters) starter.send('/start');
      // Paid during the outage: the pre-checkout cannot be checked, so Telegram charges nothing.
      const during = await Promise.all(batch.slice(4).map((p) => pay(sandbox, p)));
      await new Promise((resolve) => setTimeout(resolve, 20_000 - 1500));
      proxy.restore();
      // Those who wrote during the outage are answered once the database is back...
      for (const starter of starters) {
        await starter.waitForMessage(`Hi, ${starter.user.first_name}!`, { timeoutMs: 60_000 });
      }
      // ...and the payers the outage turned away can pay now.
      const retried = await Promise.all(
        batch
          .slice(4)
          .filter((_, i) => !during[i])
          .map((p) => pay(sandbox, p)),
      );
      expect(retried.every(Boolean)).toBe(true);
      await eventually(
        async () => (await chargesSettled(database, sandbox)).length === 0,
        async () => `unsettled: ${(await chargesSettled(database, sandbox)).join(', ')}`,
        60_000,
      );
    } finally {
      proxy.restore();
      await kill(bot);
    }
    await expectMoneyConsistent(database);
  }, 180_000);
});
