import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../models/db.js';
import { createTestDatabase } from '../../helpers/db.js';
import { startSandbox, type Sandbox } from '../../helpers/sandbox.js';
import { startTcpProxy, viaProxy, type TcpProxy } from '../../helpers/tcp-proxy.js';
import {
  everyChargeSettled,
  expectMoneyConsistent,
  kill,
  pay,
  payTurnedAway,
  type PendingPayment,
  preparePayments,
  startBotProcess,
} from './paid-world.js';

describe('durable intake: the database goes away under load and comes back', () => {
  let database: Database;
  let sandbox: Sandbox;
  let proxy: TcpProxy;
  let databaseUrl: string;
  beforeAll(async () => {
    [database, sandbox] = await Promise.all([
      createTestDatabase(),
      startSandbox({ preCheckoutTimeoutMs: 5000 }),
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

  it('a 20 s database outage under load: every charge recorded or refunded, every /start answered', async () => {
    const batch: PendingPayment[] = await preparePayments(database, sandbox, 8);
    const bot = await startBotProcess({ databaseUrl, sandbox });
    try {
      const early = await Promise.all(batch.slice(0, 4).map((p) => pay(sandbox, p)));
      expect(early.every(Boolean)).toBe(true);
      proxy.cut();
      const starters = [0, 1, 2].map((i) => sandbox.user({ first_name: `Outage ${i}` }));
      for (const starter of starters) starter.send('/start');
      // Paid during the outage: the pre-checkout cannot be checked in time, so nothing is charged.
      const during = await Promise.all(batch.slice(4).map((p) => pay(sandbox, p)));
      await new Promise((resolve) => setTimeout(resolve, 20_000 - 1500));
      proxy.restore();
      // Those who wrote during the outage are answered once the database is back...
      for (const starter of starters) {
        await starter.waitForMessage(`Hi, ${starter.user.first_name}!`, { timeoutMs: 60_000 });
      }
      // ...and the payers the outage turned away can pay now.
      expect(await payTurnedAway(sandbox, batch.slice(4), during)).toBe(true);
      await everyChargeSettled(database, sandbox, 60_000);
    } finally {
      proxy.restore();
      await kill(bot);
    }
    await expectMoneyConsistent(database);
  }, 180_000);

  it('a payment batch stored while its answer was lost is handled at once, not after its lease', async () => {
    const batch = await preparePayments(database, sandbox, 2);
    const bot = await startBotProcess({ databaseUrl, sandbox, fault: 'lost-answer', faultAt: 2 });
    try {
      const paid = await Promise.all(batch.map((p) => pay(sandbox, p)));
      expect(paid.every(Boolean)).toBe(true);
      // The lease is 60 s and the sweep 30 s: settling well within them proves the redelivery ran.
      await everyChargeSettled(database, sandbox, 20_000);
    } finally {
      await kill(bot);
    }
    await expectMoneyConsistent(database);
  }, 60_000);
});
