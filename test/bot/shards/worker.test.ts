import { eq } from 'drizzle-orm';
import { Bot } from 'grammy';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotContext, BotDeps } from '../../../bot/context.js';
import { startShardWorker, type ShardWorker } from '../../../bot/shards/worker.js';
import { replyJournal } from '../../../bot/middleware/reply-journal.js';
import { createSystemClock } from '../../../models/clock.js';
import type { Database } from '../../../models/db.js';
import type { IntakeUpdate } from '../../../models/intake/order-key.js';
import {
  appendUpdates,
  attemptsKey,
  partitionOf,
  streamKey,
  streamLayout,
  type StreamLayout,
} from '../../../models/intake/streams.js';
import { createLogger } from '../../../models/logger.js';
import { createRedis } from '../../../models/redis.js';
import { updateIntake } from '../../../models/schema.js';
import { createTestDatabase } from '../../helpers/db.js';
import {
  freePort,
  redisServerOrCiError,
  startRedisServer,
  type RedisServer,
} from '../../helpers/redis-server.js';
import { startSandbox, type Sandbox } from '../../helpers/sandbox.js';
import type { TestUser } from '../../helpers/telegram-user.js';

const partitions = 4;
const silent = createLogger({ level: 'silent' });

describe.skipIf(!redisServerOrCiError())('a sharded worker', () => {
  let server: RedisServer;
  let redis: Redis;
  let reader: Redis;
  let database: Database;
  let sandbox: Sandbox;
  let layout: StreamLayout;
  let worker: ShardWorker;
  let user: TestUser;
  let nextUpdateId = 500;
  const attemptsSeen = new Map<string, number>();

  const message = (text: string): IntakeUpdate =>
    ({
      update_id: nextUpdateId++,
      message: {
        message_id: nextUpdateId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: user.chatId, type: 'private', first_name: 'Sharded' },
        from: { id: user.chatId, is_bot: false, first_name: 'Sharded' },
        text,
      },
    }) as IntakeUpdate;
  const botTexts = () => user.botMessages().map((m) => m.text);
  const until = async (check: () => boolean | Promise<boolean>, what: string) => {
    const deadline = Date.now() + 10_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const streamsEmpty = async () => {
    for (let p = 0; p < partitions; p++)
      if ((await redis.xlen(streamKey(layout, p))) > 0) return false;
    return true;
  };

  beforeAll(async () => {
    [server, database, sandbox] = await Promise.all([
      freePort().then(startRedisServer),
      createTestDatabase(),
      startSandbox(),
    ]);
    // As main.ts makes them: commands fail fast while Redis is unreachable.
    redis = createRedis(server.url, silent);
    reader = createRedis(server.url, silent);
    layout = streamLayout(sandbox.token, partitions);
    user = sandbox.user({ first_name: 'Sharded' });
    user.send('/start'); // a bot may write only to a user who started it

    const bot = new Bot<BotContext>(sandbox.token, { client: { apiRoot: sandbox.apiRoot } });
    bot.api.config.use(replyJournal);
    bot.catch(() => undefined);
    await bot.init();
    bot.on('message:text', async (ctx) => {
      const text = ctx.message.text;
      const attempt = (attemptsSeen.get(text) ?? 0) + 1;
      attemptsSeen.set(text, attempt);
      if (text === 'boom') throw new Error('this handler always fails');
      await ctx.reply(`echo ${text}`);
      // Fails once after replying: the retry must not reply again.
      if (text === 'reply, then fail' && attempt === 1) throw new Error('failed after replying');
    });
    const deps = {
      database,
      logger: silent,
      clock: createSystemClock(),
    } as unknown as BotDeps;
    worker = startShardWorker(bot, deps, {
      redis,
      reader,
      layout,
      leaseMs: 3_000,
      blockMs: 100,
      retry: { attempts: 2, delaysMs: [50], outageMaxMs: 100 },
    });
    await until(() => worker.owned().length === partitions, 'the worker owns every partition');
  });
  afterAll(async () => {
    await worker?.stop(1_000);
    redis?.disconnect();
    reader?.disconnect();
    await sandbox?.close();
    await server?.kill();
    await database?.close();
  });

  it('appends an update once, however often Telegram delivers it, in its chat’s partition', async () => {
    const update = message('once');
    const [first, again] = [
      await appendUpdates(redis, layout, [update]),
      await appendUpdates(redis, layout, [update]),
    ];
    expect([first.length, again.length]).toEqual([1, 0]);
    expect(partitionOf(String(user.chatId), partitions)).toBe(
      partitionOf(String(user.chatId), partitions),
    );
    await until(() => botTexts().includes('echo once'), 'the reply');
    await until(streamsEmpty, 'the entry acknowledged and deleted');
    expect(botTexts().filter((t) => t === 'echo once')).toHaveLength(1);
  });

  it('answers a chat’s updates in the order they came', async () => {
    const texts = ['one', 'two', 'three', 'four', 'five'];
    await appendUpdates(redis, layout, texts.map(message));
    await until(() => botTexts().includes('echo five'), 'five replies');
    const replies = botTexts().filter((t) => texts.some((x) => t === `echo ${x}`));
    expect(replies).toEqual(texts.map((t) => `echo ${t}`));
  });

  it('retries a failed update without repeating the reply it had sent (reply journal)', async () => {
    await appendUpdates(redis, layout, [message('reply, then fail')]);
    await until(() => attemptsSeen.get('reply, then fail') === 2, 'the retry');
    await until(streamsEmpty, 'the update finished');
    expect(botTexts().filter((t) => t === 'echo reply, then fail')).toHaveLength(1);
    // The journal ended with the entry (one transaction acknowledges and forgets both).
    expect(await redis.keys(`${layout.prefix}replies:*`)).toEqual([]);
  });

  it('parks an update after its last attempt into update_intake, for the admins', async () => {
    const update = message('boom');
    await appendUpdates(redis, layout, [update]);
    await until(streamsEmpty, 'the parked update left its stream');
    const [row] = await database.withSystem('test read', (tx) =>
      tx.select().from(updateIntake).where(eq(updateIntake.updateId, update.update_id)),
    );
    expect(row).toMatchObject({
      status: 'parked',
      attempts: 2,
      lastError: 'Error: this handler always fails',
      orderKey: String(user.chatId),
    });
    expect(attemptsSeen.get('boom')).toBe(2);
    expect(await redis.hget(attemptsKey(layout), String(update.update_id))).toBeNull();
  });

  it('rides out a Redis outage: updates wait, then each is answered once, in order', async () => {
    const texts = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'];
    await appendUpdates(redis, layout, texts.map(message));
    server.freeze();
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    server.thaw();
    await until(() => botTexts().includes('echo r6'), 'six replies');
    await until(streamsEmpty, 'every update acknowledged once Redis answers');
    const replies = botTexts().filter((t) => texts.some((x) => t === `echo ${x}`));
    expect(replies).toEqual(texts.map((t) => `echo ${t}`));
    expect(worker.owned()).toHaveLength(partitions);
  });
});
