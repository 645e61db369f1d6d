import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisServerOrCiError } from '../helpers/redis-server.js';
import { startShardedWorld, type ShardedWorld } from '../helpers/shard-process.js';
import { startTcpProxy, viaProxy, type TcpProxy } from '../helpers/tcp-proxy.js';
import {
  everyChargeSettled,
  expectMoneyConsistent,
  pay,
  payTurnedAway,
  preparePayments,
} from './intake/paid-world.js';

// Sharded mode's workers under a database outage: the same dispatcher as polling mode classifies
// the failures as transient, so an update waits in its stream (unacknowledged) and is handled once
// the database is back — neither parked nor lost, answered once.
describe.skipIf(!redisServerOrCiError())('sharded mode: the database goes away under load', () => {
  let world: ShardedWorld;
  let proxy: TcpProxy;
  let databaseUrl: string;
  beforeAll(async () => {
    world = await startShardedWorld({ preCheckoutTimeoutMs: 5000 });
    const target = new URL(world.database.url);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
    databaseUrl = viaProxy(world.database.url, proxy);
  });
  afterAll(async () => {
    proxy?.restore();
    await world?.close();
    await proxy?.close();
  });

  it('a 12 s outage with a fetcher and two workers: every charge recorded or refunded, every /start answered once', async () => {
    const { database, sandbox } = world;
    const env = { DATABASE_URL: databaseUrl, SHARD_PARTITIONS: '4' };
    await world.start({ ...env, ROLES: 'fetcher' });
    await Promise.all([1, 2].map(() => world.start({ ...env, ROLES: 'worker' })));
    const batch = await preparePayments(database, sandbox, 8);
    try {
      const early = await Promise.all(batch.slice(0, 4).map((p) => pay(sandbox, p)));
      expect(early.every(Boolean)).toBe(true);
      proxy.cut();
      const starters = [0, 1, 2, 3].map((i) => sandbox.user({ first_name: `Outage ${i}` }));
      for (const starter of starters) starter.send('/start');
      // Paid during the outage: no worker can check the pre-checkout in time, so nothing is charged.
      const during = await Promise.all(batch.slice(4).map((p) => pay(sandbox, p)));
      await new Promise((resolve) => setTimeout(resolve, 12_000 - 5_000));
      // Nobody could be answered without the database (the sender's account is read first).
      expect(starters.flatMap((starter) => starter.botMessages())).toEqual([]);
      proxy.restore();
      for (const starter of starters) {
        await starter.waitForMessage(`Hi, ${starter.user.first_name}!`, { timeoutMs: 60_000 });
      }
      expect(await payTurnedAway(sandbox, batch.slice(4), during)).toBe(true);
      await everyChargeSettled(database, sandbox, 60_000);
      // Each greeting once: a retried update's replies are not sent again (the reply journal).
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      for (const starter of starters) {
        const greetings = starter
          .botMessages()
          .filter((m) => m.text?.startsWith(`👋 Hi, ${starter.user.first_name}!`));
        expect(greetings).toHaveLength(1);
      }
      // Nothing was parked: an outage is a transient failure, retried until the database is back.
      const parked = await database.withSystem('test: parked updates', (tx) =>
        tx.execute(`select count(*)::int as n from update_intake where status = 'parked'`),
      );
      expect(parked.rows[0]).toEqual({ n: 0 });
    } finally {
      proxy.restore();
      await world.killAll();
    }
    await expectMoneyConsistent(database);
  }, 180_000);
});
