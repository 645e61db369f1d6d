import { run } from '@grammyjs/runner';
import { Bot, type Context } from 'grammy';
import { sql } from 'drizzle-orm';
import type { Database } from '../../../models/db.js';
import type { Flow, LoadDriver } from './driver.js';
import { countApiCalls, type RunningBenchBot } from './echo-bot.js';

/** Stops a recording and returns its calls; `peek` reads them so far. */
export interface Recording {
  (): RecordedCall[];
  peek(): RecordedCall[];
}

/** One Bot API call as the real bot made it: replayed with the update's own ids. */
export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
}

/**
 * A bare grammY bot that answers each step of a flow with exactly the Bot API calls the real bot
 * made for it (recorded: same methods, texts and keyboards), optionally after one scoped read of the
 * sender's account row — the least a bot with a database does per update. Each user's n-th update
 * gets step n's calls.
 */
export async function startFloorBot(
  token: string,
  apiRoot: string,
  steps: RecordedCall[][],
  database?: Database,
): Promise<RunningBenchBot> {
  const bot = new Bot(token, { client: { apiRoot } });
  const seen = new Map<number, number>();
  const ids = (ctx: Context): Record<string, unknown> => ({
    chat_id: ctx.chat?.id,
    ...(ctx.callbackQuery
      ? {
          callback_query_id: ctx.callbackQuery.id,
          message_id: ctx.callbackQuery.message?.message_id,
        }
      : {}),
  });
  bot.use(async (ctx) => {
    const userId = ctx.from?.id ?? 0;
    const index = seen.get(userId) ?? 0;
    seen.set(userId, index + 1);
    if (database) {
      await database.scopedStatement(
        {},
        sql`select id from accounts where telegram_id = ${userId}`,
      );
    }
    const own = ids(ctx);
    for (const call of steps[index % steps.length] ?? []) {
      const payload = { ...call.payload };
      for (const key of Object.keys(own)) if (key in payload) payload[key] = own[key];
      await ctx.api.raw[call.method as 'sendMessage'](payload as never);
    }
  });
  const apiCalls = countApiCalls(bot.api);
  await bot.init();
  const handle = run(bot);
  return { apiCalls, stop: () => handle.stop() };
}

/** Resolves once `calls` stopped growing for `quietMs` (the step's update is done). */
async function quiet(calls: () => number, quietMs = 100): Promise<void> {
  for (let last = -1; last !== calls();) {
    last = calls();
    await new Promise((resolve) => setTimeout(resolve, quietMs));
  }
}

/**
 * The Bot API calls a bot makes at each step of `flow`, for one new user going through it alone
 * (`bot.record` as startLytslotBot gives it).
 */
export async function recordFlowCalls(
  driver: LoadDriver,
  flow: Flow,
  botId: number,
  bot: { record(): Recording },
): Promise<RecordedCall[][]> {
  const [userId] = driver.createUsers(1);
  if (userId === undefined) throw new Error('no user to record with');
  const steps: RecordedCall[][] = [];
  const stop = bot.record();
  const all = () => stop.peek();
  let mark = 0;
  try {
    await driver.runAlone(flow, userId, botId, async () => {
      await quiet(() => all().length);
      steps.push(all().slice(mark));
      mark = all().length;
    });
  } finally {
    stop();
  }
  const empty = steps.findIndex((step) => step.length === 0);
  if (steps.length !== flow.steps.length || empty !== -1) {
    throw new Error(`recorded ${steps.length} steps, step ${empty + 1} without a call`);
  }
  return steps;
}
