import { run } from '@grammyjs/runner';
import { Bot, type Api } from 'grammy';

/** A bot under load; stop() ends polling and frees what it opened. */
export interface RunningBenchBot {
  /** Bot API calls made so far, getUpdates left out. */
  apiCalls(): number;
  stop(): Promise<void>;
}

/** Counts the Bot API calls made through `api` (getUpdates left out). */
export function countApiCalls(api: Api): () => number {
  let count = 0;
  api.config.use((prev, method, payload, signal) => {
    if (method !== 'getUpdates') count += 1;
    return prev(method, payload, signal);
  });
  return () => count;
}

/** The bare grammY baseline: echo every text, @grammyjs/runner with its defaults. */
export async function startEchoBot(token: string, apiRoot: string): Promise<RunningBenchBot> {
  const bot = new Bot(token, { client: { apiRoot } });
  bot.on('message:text', (ctx) => ctx.reply(ctx.message.text));
  const apiCalls = countApiCalls(bot.api);
  await bot.init();
  const handle = run(bot);
  return { apiCalls, stop: () => handle.stop() };
}
