import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisServerOrCiError } from '../helpers/redis-server.js';
import {
  startShardedWorld,
  type ShardedWorld,
  type ShardProcess,
} from '../helpers/shard-process.js';
import {
  everyChargeSettled,
  expectMoneyConsistent,
  pay,
  payTurnedAway,
  preparePayments,
} from './intake/paid-world.js';

const payments = 16;

describe.skipIf(!redisServerOrCiError())(
  'sharded mode: a killed worker loses no paid update',
  () => {
    let world: ShardedWorld;
    beforeAll(async () => {
      world = await startShardedWorld({ preCheckoutTimeoutMs: 1500 });
    });
    afterAll(async () => {
      await world?.close();
    });

    it(`workers SIGKILLed at random moments over ${payments} Stars payments, then the fetcher: each charge recorded once or refunded`, async () => {
      const { database, sandbox } = world;
      const startFetcher = () => world.start({ ROLES: 'fetcher', SHARD_PARTITIONS: '4' });
      const fetcher = await startFetcher();
      const queue = await preparePayments(database, sandbox, payments);
      const late = await preparePayments(database, sandbox, 4);
      let kills = 0;
      while (queue.length > 0 && kills < 12) {
        // A worker takes the partitions (once a killed one's leases ran out), then dies while
        // pre-checkouts, payments and their recording are in its hands.
        const worker: ShardProcess = await world.start({ ROLES: 'worker', SHARD_PARTITIONS: '4' });
        const batch = queue.splice(0, 6);
        const charged = await Promise.all(
          batch.map(async (p, i) => {
            await new Promise((resolve) => setTimeout(resolve, i * 150));
            return pay(sandbox, p);
          }),
        );
        await worker.kill();
        kills += 1;
        // Not charged (no worker approved the pre-checkout in time, as Telegram would refuse): again later.
        queue.push(...batch.filter((_, i) => !charged[i]));
      }
      expect(queue).toEqual([]);
      await world.start({ ROLES: 'worker', SHARD_PARTITIONS: '4' });
      // Then the fetcher dies 300 ms into a batch of payments: what it fetched but had not appended
      // is fetched again by its successor (Telegram's offset had not moved past it).
      const fetcherDies = new Promise((resolve) => setTimeout(resolve, 300)).then(async () => {
        await fetcher.kill();
        await startFetcher();
      });
      const charged = await Promise.all(
        late.map(async (p, i) => {
          await new Promise((resolve) => setTimeout(resolve, i * 150));
          return pay(sandbox, p);
        }),
      );
      await fetcherDies;
      // Once the successor fetches (the dead one's lease runs out first), a /start is answered...
      const starter = sandbox.user({ first_name: 'After the fetcher' });
      starter.send('/start');
      await starter.waitForMessage(`Hi, ${starter.user.first_name}!`, { timeoutMs: 30_000 });
      // ...and the payers the gap turned away can pay.
      expect(await payTurnedAway(sandbox, late, charged)).toBe(true);
      await everyChargeSettled(database, sandbox, 60_000);
      await expectMoneyConsistent(database);
    }, 240_000);
  },
);
