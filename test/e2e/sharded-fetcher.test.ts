import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetcherLeaseKey, streamKey, streamLayout } from '../../models/intake/streams.js';
import { freePort, redisServerOrCiError } from '../helpers/redis-server.js';
import {
  startShardedWorld,
  type ShardedWorld,
  type ShardProcess,
} from '../helpers/shard-process.js';

describe.skipIf(!redisServerOrCiError())('sharded mode: where updates come from', () => {
  let world: ShardedWorld;
  beforeAll(async () => {
    world = await startShardedWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('a standby takes over within 10 s of the active fetcher being SIGKILLed; nothing is lost', async () => {
    const { sandbox, redis } = world;
    const start = () => world.start({ ROLES: 'fetcher', SHARD_PARTITIONS: '1' });
    const layout = streamLayout(sandbox.token, 1);
    const leaseOwner = () => redis.get(fetcherLeaseKey(layout));
    const waitFor = async (check: () => Promise<boolean>, what: string, timeoutMs: number) => {
      const until = Date.now() + timeoutMs;
      while (!(await check())) {
        if (Date.now() > until) throw new Error(`timed out: ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const active = await start();
    await waitFor(async () => (await leaseOwner()) !== null, 'a fetcher active', 10_000);
    const standby = await start();
    const first = await leaseOwner();
    expect(first).toContain(`:${active.proc.pid}:`);
    // The standby says so on /metrics; the active one appends what users send.
    const role = async (p: ShardProcess) =>
      /lytslot_shard_role\{role="fetcher"\} (\d)/.exec(
        await (await fetch(`${p.httpUrl}/metrics`)).text(),
      )?.[1];
    expect([await role(active), await role(standby)]).toEqual(['1', '0']);
    const user = sandbox.user({ first_name: 'Fetched' });
    user.send('before');
    await waitFor(async () => (await redis.xlen(streamKey(layout, 0))) === 1, 'appended', 10_000);

    await active.kill();
    const killedAt = Date.now();
    user.send('after');
    await waitFor(
      async () => (await redis.xlen(streamKey(layout, 0))) === 2,
      'the standby took over and appended',
      12_000,
    );
    const tookMs = Date.now() - killedAt;
    expect(tookMs).toBeLessThan(10_000);
    expect(await leaseOwner()).toContain(`:${standby.proc.pid}:`);
    expect(await role(standby)).toBe('1');
    // Each update once, in order (the dead fetcher's unconfirmed batch was not appended twice).
    const entries = await redis.xrange(streamKey(layout, 0), '-', '+');
    const texts = entries.map(([, fields]) => {
      const update = JSON.parse(fields[fields.indexOf('update') + 1]!) as {
        message: { text: string };
      };
      return update.message.text;
    });
    expect(texts).toEqual(['before', 'after']);
    await world.killAll();
  }, 60_000);

  it('with SHARD_SOURCE=webhook the http role appends what Telegram posts, and a worker answers', async () => {
    const { sandbox, redis } = world;
    await redis.flushall();
    const port = await freePort();
    const common = {
      SHARD_SOURCE: 'webhook',
      SHARD_PARTITIONS: '2',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    };
    await world.start({ ...common, ROLES: 'http', HTTP_PORT: String(port) });
    await world.start({ ...common, ROLES: 'worker' });
    const user = sandbox.user({ first_name: 'Hooked' });
    user.send('/start');
    const menu = await user.waitForMessage('Hooked', { timeoutMs: 15_000 });
    expect(menu.text).toContain('Hooked');
    await world.killAll();
  }, 60_000);

  it('ROLES=bot in sharded mode is a fetcher and a worker in one process', async () => {
    const { sandbox, redis } = world;
    await redis.flushall();
    const p = await world.start({ ROLES: 'bot', SHARD_PARTITIONS: '2' });
    const user = sandbox.user({ first_name: 'Together' });
    user.send('/start');
    await user.waitForMessage('Together', { timeoutMs: 15_000 });
    const metrics = await (await fetch(`${p.httpUrl}/metrics`)).text();
    expect(metrics).toMatch(/lytslot_shard_role\{role="fetcher"\} 1/);
    expect(metrics).toMatch(/lytslot_shard_role\{role="worker"\} 2/);
  }, 60_000);
});
