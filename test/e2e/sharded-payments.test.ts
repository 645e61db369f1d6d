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

    it(`workers (and twice the fetcher) SIGKILLed mid-payment over ${payments} Stars payments: each charge recorded once or refunded`, async () => {
      const { database, sandbox } = world;
      const startFetcher = () => world.start({ ROLES: 'fetcher', SHARD_PARTITIONS: '4' });
      let fetcher = await startFetcher();
      const queue = await preparePayments(database, sandbox, payments);
      let kills = 0;
      let fetcherKills = 0;
      while (queue.length > 0 && kills < 12) {
        // A worker takes the partitions (once a killed one's leases ran out), then dies while
        // pre-checkouts, payments and their recording are in its hands.
        const worker: ShardProcess = await world.start({ ROLES: 'worker', SHARD_PARTITIONS: '4' });
        const batch = queue.splice(0, 6);
        // Twice the fetcher dies too, 300 ms into the batch: updates it fetched but had not
        // appended are fetched again by its successor (Telegram's offset had not moved past them).
        const fetcherDies =
          kills === 0 || kills === 2
            ? new Promise((resolve) => setTimeout(resolve, 300)).then(async () => {
                await fetcher.kill();
                fetcherKills += 1;
                fetcher = await startFetcher();
              })
            : undefined;
        const charged = await Promise.all(
          batch.map(async (p, i) => {
            await new Promise((resolve) => setTimeout(resolve, i * 150));
            return pay(sandbox, p);
          }),
        );
        await fetcherDies;
        await worker.kill();
        kills += 1;
        // Not charged (no worker approved the pre-checkout in time, as Telegram would refuse): again later.
        queue.push(...batch.filter((_, i) => !charged[i]));
      }
      expect(queue).toEqual([]);
      expect(fetcherKills).toBe(2);
      await world.start({ ROLES: 'worker', SHARD_PARTITIONS: '4' });
      await everyChargeSettled(database, sandbox, 60_000);
      await expectMoneyConsistent(database);
    }, 240_000);
  },
);
