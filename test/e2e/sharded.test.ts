import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db.js';
import { streamKey, streamLayout } from '../../models/intake/streams.js';
import type { ApiMessage } from '../../sandbox/types.js';
import type { StoredMessage } from '../../sandbox/world.js';
import { createTestDatabase } from '../helpers/db.js';
import { startHoldingProxy, type HoldingProxy } from '../helpers/holding-proxy.js';
import {
  freePort,
  redisServerOrCiError,
  startRedisServer,
  type RedisServer,
} from '../helpers/redis-server.js';
import { startSandbox, type Sandbox } from '../helpers/sandbox.js';
import { startShardProcess, type ShardProcess } from '../helpers/shard-process.js';
import type { TestUser } from '../helpers/telegram-user.js';

const users = 200;
const inFlight = 50;
const partitions = 8;
const owner = '📢 I own channels';
const advertiser = '🎯 I advertise';
const back = '‹ Back';
const long = { timeoutMs: 60_000 };

const buttons = (m: ApiMessage) =>
  (m.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.text);
/** What each user must see, in this order: three new messages, then three edits. */
const expected: { kind: 'new' | 'edit'; what: string; is: (m: ApiMessage) => boolean }[] = [
  { kind: 'new', what: 'start menu', is: (m) => buttons(m).includes(owner) },
  { kind: 'new', what: 'help', is: (m) => m.text?.includes('LytSlot help') === true },
  { kind: 'new', what: 'fallback hint', is: (m) => m.text?.includes('/help') === true },
  {
    kind: 'edit',
    what: 'owner menu',
    is: (m) => buttons(m).includes(back) && !buttons(m).includes(owner),
  },
  { kind: 'edit', what: 'role menu', is: (m) => buttons(m).includes(advertiser) },
  {
    kind: 'edit',
    what: 'advertiser menu',
    is: (m) => buttons(m).includes(back) && !buttons(m).includes(advertiser),
  },
];

/** Lease owners per partition, from a process's /metrics. */
async function leaseOwners(httpUrl: string): Promise<Map<string, string>> {
  const text = await (await fetch(`${httpUrl}/metrics`)).text();
  const owners = new Map<string, string>();
  for (const [, partition, who] of text.matchAll(
    /lytslot_partition_lease\{partition="(\d+)",owner="([^"]+)"\} 1/g,
  ))
    owners.set(partition!, who!);
  return owners;
}

async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.skipIf(!redisServerOrCiError())('sharded mode: a fetcher and two workers', () => {
  let redisServer: RedisServer;
  let database: Database;
  let sandbox: Sandbox;
  let proxy: HoldingProxy;
  const processes: ShardProcess[] = [];
  beforeAll(async () => {
    [redisServer, database, sandbox] = await Promise.all([
      freePort().then(startRedisServer),
      createTestDatabase(),
      startSandbox(),
    ]);
    proxy = await startHoldingProxy(sandbox.apiRoot);
  });
  afterAll(async () => {
    for (const p of processes) await p.kill();
    await proxy?.close();
    await sandbox?.close();
    await redisServer?.kill();
    await database?.close();
  });

  it(`${users} users through the role menus; a worker SIGKILLed mid-run: every reply once, in order`, async () => {
    const start = async (roles: string, apiRoot: string) => {
      const p = await startShardProcess({
        BOT_MODE: 'sharded',
        ROLES: roles,
        BOT_TOKEN: sandbox.token,
        TELEGRAM_API_ROOT: apiRoot,
        DATABASE_URL: database.url,
        REDIS_URL: redisServer.url,
        SHARD_PARTITIONS: String(partitions),
        HTTP_PORT: String(await freePort()),
      });
      processes.push(p);
      return p;
    };
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

    const log = new Map<number, { kind: string; message: ApiMessage }[]>();
    sandbox.emulator.world.events.on(
      'message',
      (event: { kind: string; stored: StoredMessage }) => {
        const chatId = event.stored.message.chat.id;
        if (event.stored.byBotId !== sandbox.bot.id) return;
        const entries = log.get(chatId) ?? [];
        // A copy: the emulator edits a stored message in place.
        entries.push({ kind: event.kind, message: structuredClone(event.stored.message) });
        log.set(chatId, entries);
      },
    );

    const layout = streamLayout(sandbox.token, partitions);
    const redis = new Redis(redisServer.url);
    const pendingNow = async () => {
      let sum = 0;
      for (let p = 0; p < partitions; p++) {
        const [count] = (await redis.xpending(streamKey(layout, p), 'workers')) as [number];
        sum += count;
      }
      return sum;
    };
    let pendingAtKill = 0;
    let started = 0;
    let pastFirstStep = 0;
    let killed: Promise<void> | undefined;
    const people: TestUser[] = [];
    const journey = async (user: TestUser) => {
      // Three updates at once: they must be answered in the order sent.
      user.send('/start');
      user.send('/help');
      user.send('how much is a post?');
      await user.waitFor(() => (log.get(user.chatId)?.length ?? 0) >= 3, {
        ...long,
        what: 'three replies',
      });
      // A worker dies once 40 % of the users are past their first replies, with updates of
      // others in its hands: its held calls never reach Telegram, its partitions move on.
      if (++pastFirstStep === Math.round(users * 0.4)) {
        killed = proxy.hold().then(async () => {
          await new Promise((resolve) => setTimeout(resolve, 300));
          await victim.kill();
          pendingAtKill = await pendingNow();
        });
      }
      await user.click(owner, long);
      await user.waitFor(expected[3]!.is, { ...long, what: 'owner menu' });
      await user.click(back, long);
      await user.waitFor(expected[4]!.is, { ...long, what: 'role menu' });
      await user.click(advertiser, long);
      await user.waitFor(expected[5]!.is, { ...long, what: 'advertiser menu' });
    };
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (started < users) {
          started += 1;
          const user = sandbox.user({ first_name: `Sharded ${started}` });
          people.push(user);
          await journey(user);
        }
      }),
    );
    await killed;
    expect(victim.proc.signalCode).toBe('SIGKILL');
    // It died holding updates: delivered to it, never acknowledged, taken over by the survivor.
    expect(pendingAtKill).toBeGreaterThan(0);

    // Every user: exactly the six replies, in order — none twice, none missing.
    const wrong = people.flatMap((user) => {
      const seen = log.get(user.chatId) ?? [];
      const ok =
        seen.length === expected.length &&
        seen.every((s, i) => s.kind === expected[i]!.kind && expected[i]!.is(s.message));
      return ok
        ? []
        : [
            `${user.chatId}: ${seen.map((s) => `${s.kind} ${JSON.stringify(s.message.text?.slice(0, 60))} [${buttons(s.message).join(',')}]`).join(' | ')}`,
          ];
    });
    expect(wrong).toEqual([]);

    // The survivor took every partition over, and nothing is left in the streams.
    await eventually(async () => {
      const owners = await leaseOwners(survivor.httpUrl);
      return owners.size === partitions && new Set(owners.values()).size === 1;
    }, 'the survivor owns every partition');
    try {
      await eventually(async () => {
        const lengths = await Promise.all(
          Array.from({ length: partitions }, (_, p) => redis.xlen(streamKey(layout, p))),
        );
        return lengths.every((n) => n === 0);
      }, 'every stream drained');
      expect(await pendingNow()).toBe(0);
    } finally {
      redis.disconnect();
    }
  }, 240_000);
});
