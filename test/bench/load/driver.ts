import { performance } from 'node:perf_hooks';
import type { Emulator } from '../../../sandbox/emulator.js';
import type { ApiMessage } from '../../../sandbox/types.js';
import type { StoredMessage } from '../../../sandbox/world.js';

/** One user action and the bot reply that proves it was handled. */
export type Step =
  /** Sends text; done when the bot posts a new message that satisfies `expect`. */
  | { send: string; expect: (message: ApiMessage) => boolean }
  /** Presses a button on the bot's last keyboard message; done when it is answered and edited. */
  | { press: string; expect: (message: ApiMessage) => boolean };

/** What each user of a run does, in order (one update per step). */
export interface Flow {
  name: string;
  steps: Step[];
}

export interface LoadResult {
  users: number;
  concurrency: number;
  updates: number;
  ms: number;
  /** Updates handled per second (all users' steps, first send to last expected reply). */
  rate: number;
  /** CPU time of this whole process (bot, emulator, driver, PGlite) per update, in µs. */
  cpuMicrosPerUpdate: number;
}

interface MessageEvent {
  kind: 'new' | 'edit' | 'delete';
  chat: { key: string };
  stored: StoredMessage;
}

type Waiter = (event: MessageEvent) => boolean;

/**
 * Drives many sandbox users at once through a flow against one bot of an in-process emulator:
 * every user runs its steps one after another (closed loop), all users concurrently.
 */
export function createLoadDriver(emulator: Emulator, options: { stepTimeoutMs?: number } = {}) {
  const stepTimeoutMs = options.stepTimeoutMs ?? 30_000;
  const waiters = new Map<string, Set<Waiter>>();
  let userCounter = 0;

  const onMessage = (event: MessageEvent): void => {
    for (const waiter of waiters.get(event.chat.key) ?? []) waiter(event);
  };
  emulator.world.events.on('message', onMessage);

  /** Resolves with the first bot message event in the chat that `match` accepts. */
  function waitFor(
    chatKey: string,
    match: (event: MessageEvent) => boolean,
    describe: () => string,
  ): Promise<ApiMessage> {
    return new Promise((resolve, reject) => {
      const set = waiters.get(chatKey) ?? new Set<Waiter>();
      waiters.set(chatKey, set);
      const timer = setTimeout(() => {
        set.delete(waiter);
        reject(new Error(`no reply within ${stepTimeoutMs} ms: ${describe()}`));
      }, stepTimeoutMs);
      const waiter: Waiter = (event) => {
        if (!match(event)) return false;
        clearTimeout(timer);
        set.delete(waiter);
        resolve(event.stored.message);
        return true;
      };
      set.add(waiter);
    });
  }

  async function runUser(
    userId: number,
    botId: number,
    flow: Flow,
    afterStep?: (index: number) => Promise<void>,
  ): Promise<void> {
    const chatKey = emulator.chat(userId, botId).key;
    let keyboardMessageId: number | undefined;
    for (const [index, step] of flow.steps.entries()) {
      const what = () => `${flow.name} user ${userId} step ${index + 1} ${JSON.stringify(step)}`;
      if ('send' in step) {
        const reply = waitFor(
          chatKey,
          (e) => e.kind === 'new' && e.stored.byBotId === botId && step.expect(e.stored.message),
          what,
        );
        emulator.sendMessage(userId, step.send, { botId });
        const message = await reply;
        if (message.reply_markup?.inline_keyboard) keyboardMessageId = message.message_id;
      } else {
        if (keyboardMessageId === undefined) throw new Error(`no keyboard to press: ${what()}`);
        const target = keyboardMessageId;
        const edited = waitFor(
          chatKey,
          (e) =>
            e.kind === 'edit' &&
            e.stored.message.message_id === target &&
            step.expect(e.stored.message),
          what,
        );
        const pressed = emulator.pressButton(userId, target, step.press, { botId });
        await Promise.all([pressed.answer, edited]);
      }
      await afterStep?.(index);
    }
  }

  return {
    /** Creates `count` new users (English-speaking), never seen by any bot before. */
    createUsers(count: number): number[] {
      return Array.from({ length: count }, () => {
        userCounter += 1;
        return emulator.createUser({ first_name: `Bench ${userCounter}`, language_code: 'en' }).id;
      });
    },

    /**
     * Runs `flow` for every user against `botId`, `concurrency` users at a time (default: all at
     * once); resolves when every expected reply arrived.
     */
    async run(
      flow: Flow,
      userIds: number[],
      botId: number,
      concurrency = userIds.length,
    ): Promise<LoadResult> {
      const queue = [...userIds];
      const worker = async (): Promise<void> => {
        for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
          await runUser(id, botId, flow);
        }
      };
      const cpu = process.cpuUsage();
      const started = performance.now();
      await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
      const ms = performance.now() - started;
      const used = process.cpuUsage(cpu);
      const updates = userIds.length * flow.steps.length;
      return {
        users: userIds.length,
        concurrency: Math.min(concurrency, userIds.length),
        updates,
        ms,
        rate: (updates / ms) * 1000,
        cpuMicrosPerUpdate: (used.user + used.system) / updates,
      };
    },

    /**
     * Runs `flow` for one new user alone, calling `afterStep` once each step's reply arrived and
     * before the next step is sent (e.g. to count what the step cost once the bot went quiet).
     */
    async runAlone(
      flow: Flow,
      userId: number,
      botId: number,
      afterStep: (index: number) => Promise<void>,
    ): Promise<void> {
      await runUser(userId, botId, flow, afterStep);
    },

    close(): void {
      emulator.world.events.off('message', onMessage);
      waiters.clear();
    },
  };
}

export type LoadDriver = ReturnType<typeof createLoadDriver>;
