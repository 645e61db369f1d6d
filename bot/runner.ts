import { type Api, type Bot, GrammyError } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from '../models/logger.js';
import type { BotContext, BotDeps } from './context.js';
import { localizedCommands } from './commands.js';
import { createI18n, defaultLocale, locales } from './i18n.js';
import { createIntake, type IntakeOptions } from './intake/index.js';

/** Every update type a feature handles now or in the issues ahead (publishing, payments, analytics). */
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
  /** Stops fetching, waits for running handlers (up to the drain timeout), then resolves. */
  stop(): Promise<void>;
}

export interface StartBotOptions {
  /** Long-poll timeout of getUpdates, in seconds (default 30). */
  pollTimeoutSeconds?: number;
  /** How long stop() waits for running handlers before leaving them to the next start (4 s). */
  drainTimeoutMs?: number;
  /** The durable intake's store, retry policy, metrics and leases. */
  intake?: IntakeOptions;
}

/** Longest pause between failed fetches: after an outage the bot is back within seconds. */
const maxPollBackoffMs = 5_000;
/** Fetching pauses while this many accepted updates are not finished (backpressure). */
const maxBacklog = 1000;

/**
 * setMyCommands for each locale (by language_code) and a default list, all at once (one round
 * trip to Telegram instead of three at start); webhook mode calls it too.
 */
export async function setBotCommands(api: Api): Promise<void> {
  const i18n = createI18n();
  await Promise.all([
    ...locales.map((locale) =>
      api.setMyCommands(
        localizedCommands((key) => i18n.t(locale, key)),
        { language_code: locale },
      ),
    ),
    api.setMyCommands(localizedCommands((key) => i18n.t(defaultLocale, key))),
  ]);
}

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

/** What the long-polling loop hands its updates to. */
export interface PollSink {
  /** Stores a batch durably; throws when it could not (the batch is then fetched again). */
  accept(updates: Update[]): Promise<void>;
  /** True while too much is waiting to be handled: fetching pauses (backpressure). */
  busy(): boolean | Promise<boolean>;
}

/**
 * The long-polling loop. Telegram confirms updates only when a later getUpdates carries a higher
 * offset, so the offset moves past a batch only after the sink stored it: a crash at any point
 * before that gets the batch again, and the sink recognises what it already holds. Transient
 * failures (Telegram or the store) are logged once per streak and retried with backoff; 401/409
 * end the loop.
 */
export async function poll(
  api: Api,
  logger: Logger,
  sink: PollSink,
  pollTimeout: number,
  signal: AbortSignal,
): Promise<void> {
  let offset = 0;
  let backoffMs = 250;
  let failing = false;
  while (!signal.aborted) {
    try {
      if (await sink.busy()) {
        await sleep(100, signal);
        continue;
      }
      const updates = await api.getUpdates(
        { offset, limit: 100, timeout: pollTimeout, allowed_updates: [...allowedUpdates] },
        signal as Parameters<typeof api.getUpdates>[1],
      );
      await sink.accept(updates);
      const last = updates.at(-1);
      if (last) offset = last.update_id + 1;
      if (failing) logger.info('getUpdates and the intake work again');
      failing = false;
      backoffMs = 250;
    } catch (error) {
      if (signal.aborted) return;
      if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 409)) {
        throw error;
      }
      if (!failing) {
        logger.warn({ err: error }, 'fetching or storing updates failed; retrying');
      }
      failing = true;
      await sleep(backoffMs, signal);
      backoffMs = Math.min(backoffMs * 2, maxPollBackoffMs);
    }
  }
}

/**
 * Starts long polling through the durable intake: unfinished updates of an earlier run are taken
 * over first (this is Telegram's only getUpdates consumer), then new ones are fetched, stored and
 * only then acknowledged. Per-chat order comes from the intake; per-user order across chats from
 * sequentialize in the middleware. stop() leaves unfinished updates in the store.
 */
export async function startBot(
  bot: Bot<BotContext>,
  deps: BotDeps,
  options: StartBotOptions = {},
): Promise<RunningBot> {
  await bot.init();
  // Polling and a webhook exclude each other; pending updates are kept.
  await bot.api.deleteWebhook();
  await setBotCommands(bot.api);

  const intake = createIntake(bot, deps, options.intake);
  await intake.recover(true);
  const aborter = new AbortController();
  const sink: PollSink = {
    accept: (updates) => intake.accept(updates),
    busy: () => intake.backlog() >= maxBacklog,
  };
  const loop = poll(
    bot.api,
    deps.logger,
    sink,
    options.pollTimeoutSeconds ?? 30,
    aborter.signal,
  ).catch((error: unknown) => deps.logger.fatal({ err: error }, 'bot polling ended'));
  deps.logger.info({ username: bot.botInfo.username }, 'bot polling started');

  let stopping: Promise<void> | undefined;
  async function drain(): Promise<void> {
    aborter.abort(); // the pending getUpdates: its updates stay unconfirmed at Telegram
    await loop;
    const drained = await intake.stop(options.drainTimeoutMs ?? 4_000);
    if (!drained) {
      deps.logger.error('bot stopped with handlers still running; the next start resumes them');
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
