import { run } from '@grammyjs/runner';
import { Bot } from 'grammy';

/** A bot under load; stop() ends polling and frees what it opened. */
export interface RunningBenchBot {
  stop(): Promise<void>;
}

/** The bare grammY baseline: echo every text, @grammyjs/runner with its defaults. */
export async function startEchoBot(token: string, apiRoot: string): Promise<RunningBenchBot> {
  const bot = new Bot(token, { client: { apiRoot } });
  bot.on('message:text', (ctx) => ctx.reply(ctx.message.text));
  await bot.init();
  const handle = run(bot);
  return { stop: () => handle.stop() };
}
