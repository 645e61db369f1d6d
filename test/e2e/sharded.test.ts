import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumerGroup, streamKey, streamLayout } from '../../models/intake/streams.js';
import { startHoldingProxy, type HoldingProxy } from '../helpers/holding-proxy.js';
import { redisServerOrCiError } from '../helpers/redis-server.js';
import { leaseOwners, startShardedWorld, type ShardedWorld } from '../helpers/shard-process.js';
import { checkJourneys, recordReplies, runJourneys } from '../helpers/sharded-load.js';

const users = 200;
const partitions = 8;

async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.skipIf(!redisServerOrCiError())('sharded mode: a fetcher and two workers', () => {
  let world: ShardedWorld;
  let proxy: HoldingProxy;
  beforeAll(async () => {
    world = await startShardedWorld();
    proxy = await startHoldingProxy(world.sandbox.apiRoot);
  });
  afterAll(async () => {
    await world?.close();
    await proxy?.close();
  });

  it(`${users} users through the owner and advertiser menus; a worker SIGKILLed mid-run: every reply once, in order`, async () => {
    const { sandbox, redis } = world;
    const start = (roles: string, apiRoot: string) =>
      world.start({
        ROLES: roles,
        TELEGRAM_API_ROOT: apiRoot,
        SHARD_PARTITIONS: String(partitions),
      });
    // The victim reaches Telegram through a proxy that can hold its calls (see below).
    const [, victim, survivor] = [
      await start('fetcher', sandbox.apiRoot),
      await start('worker', proxy.url),
      await start('worker', sandbox.apiRoot),
    ];
    await eventually(async () => {
      const owners = await leaseOwners(survivor.httpUrl);
      return owners.size === partitions && new Set(owners.values()).size === 2;
    }, 'both workers own partitions');

    const layout = streamLayout(sandbox.token, partitions);
    const pendingNow = async () => {
      let sum = 0;
      for (let p = 0; p < partitions; p++) {
        const [count] = (await redis.xpending(streamKey(layout, p), consumerGroup)) as [number];
        sum += count;
      }
      return sum;
    };
    let pendingAtKill = 0;
    let killed: Promise<void> | undefined;
    const replies = recordReplies(sandbox.emulator, sandbox.bot.id);
    const run = await runJourneys({
      sandbox,
      log: replies.log,
      users,
      inFlight: 50,
      timeoutMs: 60_000,
      // A worker dies once 40 % of the users are past their first replies, with others' updates
      // in its hands. It is killed while the proxy holds its calls: a call Telegram carried out
      // but whose answer never reached the worker would be repeated (Telegram has no idempotency
      // key); every other state of a dying worker is covered (docs/bot.md «Sharded runners»).
      onProgress: (done) => {
        if (done !== Math.round(users * 0.4)) return;
        killed = proxy.hold().then(async () => {
          await new Promise((resolve) => setTimeout(resolve, 300));
          await victim.kill();
          pendingAtKill = await pendingNow();
        });
      },
    });
    replies.stop();
    await killed;
    expect(victim.proc.signalCode).toBe('SIGKILL');
    // It died holding updates: delivered to it, never acknowledged, taken over by the survivor.
    expect(pendingAtKill).toBeGreaterThan(0);
    expect(run.stalled).toBe(0);
    // Every user: exactly the six replies, in order — none twice, none missing.
    const check = checkJourneys(run.people, replies.log);
    expect(check.wrong).toEqual([]);

    // The survivor took every partition over, and nothing is left in the streams.
    await eventually(async () => {
      const owners = await leaseOwners(survivor.httpUrl);
      return owners.size === partitions && new Set(owners.values()).size === 1;
    }, 'the survivor owns every partition');
    await eventually(async () => {
      const lengths = await Promise.all(
        Array.from({ length: partitions }, (_, p) => redis.xlen(streamKey(layout, p))),
      );
      return lengths.every((n) => n === 0);
    }, 'every stream drained');
    expect(await pendingNow()).toBe(0);
  }, 240_000);
});
