import {
  createConcurrentSink,
  createRunner,
  createSource,
  type UpdateSupplier,
} from '@grammyjs/runner';
import { type Bot, BotError, GrammyError } from 'grammy';
import type { Update } from 'grammy/types';
import type { BotContext, BotDeps } from './context.js';
import { localizedCommands } from './commands.js';
import { createI18n, defaultLocale, locales } from './i18n.js';

/** Every update type a feature handles now or in the issues ahead (§4, §5, §7). */
export const allowedUpdates = [
  'message',
  'edited_message',
  'callback_query',
  'inline_query',
  'channel_post',
  'my_chat_member',
  'chat_member',
  'pre_checkout_query',
  'message_reaction_count',
] as const;

export interface RunningBot {
  /** Stops fetching, waits for every fetched update to be handled, then resolves. */
  stop(): Promise<void>;
}

export interface StartBotOptions {
  /** Long-poll timeout of getUpdates, in seconds (default 30). */
  pollTimeoutSeconds?: number;
  /** How long stop() waits for in-flight updates before giving up (default 30 s). */
  drainTimeoutMs?: number;
}

/** setMyCommands for each locale (by language_code) and a default list; webhook mode calls it too. */
export async function setBotCommands(bot: Bot<BotContext>): Promise<void> {
  const i18n = createI18n();
  for (const locale of locales) {
    const commands = localizedCommands((key) => i18n.t(locale, key));
    await bot.api.setMyCommands(commands, { language_code: locale });
  }
  await bot.api.setMyCommands(localizedCommands((key) => i18n.t(defaultLocale, key)));
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      if (signal.aborted) reject(new Error('aborted'));
      else resolve();
    }
  });
}

/**
 * getUpdates with our own offset: Telegram confirms updates only when a later call carries a
 * higher offset, so anything fetched by a call that stop() aborts is delivered again next time.
 * Transient failures are logged and retried with backoff; 401/409 end the runner.
 */
function createSupplier(
  bot: Bot<BotContext>,
  deps: BotDeps,
  pollTimeout: number,
): UpdateSupplier<Update> {
  let offset = 0;
  return {
    async supply(batchSize, signal) {
      let backoffMs = 250;
      for (;;) {
        try {
          const updates = await bot.api.getUpdates(
            {
              offset,
              limit: Math.max(1, Math.min(batchSize, 100)),
              timeout: pollTimeout,
              allowed_updates: [...allowedUpdates],
            },
            signal,
          );
          const last = updates.at(-1);
          if (last) offset = last.update_id + 1;
          return updates;
        } catch (error) {
          if (signal.aborted) throw error;
          if (
            error instanceof GrammyError &&
            (error.error_code === 401 || error.error_code === 409)
          ) {
            throw error;
          }
          deps.logger.warn({ err: error, retry_in_ms: backoffMs }, 'getUpdates failed');
          await sleep(backoffMs, signal as unknown as AbortSignal);
          backoffMs = Math.min(backoffMs * 2, 30_000);
        }
      }
    },
  };
}

/**
 * Starts long polling with @grammyjs/runner (concurrent handling; per-chat order comes from
 * sequentialize in the middleware). stop() loses no update: every update handed over by
 * Telegram is handled before it resolves, and unfetched ones stay unconfirmed.
 */
export async function startBot(
  bot: Bot<BotContext>,
  deps: BotDeps,
  options: StartBotOptions = {},
): Promise<RunningBot> {
  await bot.init();
  // Polling and a webhook exclude each other; pending updates are kept.
  await bot.api.deleteWebhook();
  await setBotCommands(bot);

  const inFlight = new Set<Promise<unknown>>();
  const sink = createConcurrentSink<Update>(
    {
      consume: (update) => {
        const handled = bot.handleUpdate(update);
        const settled = handled.catch(() => undefined);
        inFlight.add(settled);
        void settled.finally(() => inFlight.delete(settled));
        return handled;
      },
    },
    async (error) => {
      try {
        if (error instanceof BotError) await bot.errorHandler(error);
        else throw error;
      } catch (failure) {
        deps.logger.error({ err: failure }, 'bot error handler failed');
      }
    },
  );
  const source = createSource(createSupplier(bot, deps, options.pollTimeoutSeconds ?? 30));
  const runner = createRunner(source, sink);
  runner.start();
  const task = runner.task();
  void task?.catch((error: unknown) => deps.logger.fatal({ err: error }, 'bot runner crashed'));
  deps.logger.info({ username: bot.botInfo.username }, 'bot polling started');

  let stopping: Promise<void> | undefined;
  async function drain(): Promise<void> {
    try {
      await runner.stop(); // aborts the pending getUpdates; its updates stay unconfirmed
    } catch (error) {
      deps.logger.warn({ err: error }, 'bot runner ended with an error');
    }
    const drainTimeoutMs = options.drainTimeoutMs ?? 30_000;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), drainTimeoutMs);
    });
    const drained = Promise.all([...inFlight]).then(() => false);
    const gaveUp = await Promise.race([drained, timedOut]);
    clearTimeout(timer);
    if (gaveUp) {
      deps.logger.error({ pending: inFlight.size }, 'bot stopped with updates still in flight');
    }
    deps.logger.info('bot polling stopped');
  }
  return {
    stop() {
      stopping ??= drain();
      return stopping;
    },
  };
}
