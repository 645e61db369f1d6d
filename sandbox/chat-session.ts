import type { ButtonMatch } from './actions/callbacks.js';
import type { Emulator } from './emulator.js';
import type { CallbackAnswer } from './store.js';
import type { ApiMessage } from './types.js';
import type { ChatState, StoredMessage } from './world.js';

export type MessageMatch = string | RegExp | ((message: ApiMessage) => boolean);
export interface WaitOptions {
  timeoutMs?: number;
}

/** One-line description of a message for readable failures. */
export function describeMessage(m: ApiMessage): string {
  const body =
    m.text ??
    m.caption ??
    (m.invoice
      ? `[invoice ${JSON.stringify(m.invoice)}]`
      : `[${Object.keys(m)
          .filter((k) => !['message_id', 'date', 'chat', 'from', 'sender_chat'].includes(k))
          .join(', ')}]`);
  const buttons = (m.reply_markup?.inline_keyboard ?? [])
    .flat()
    .map((b) => `[${b.text}]`)
    .join(' ');
  return `#${m.message_id} ${JSON.stringify(body)}${buttons ? ` ${buttons}` : ''}`;
}

function matches(m: ApiMessage, match: MessageMatch | undefined): boolean {
  if (match === undefined) return true;
  if (typeof match === 'function') return match(m);
  const text = m.text ?? m.caption ?? '';
  return typeof match === 'string' ? text.includes(match) : match.test(text);
}

/** A person's view of one chat: what the bot posted there, and acting in it. */
export interface ChatSession {
  readonly chatId: number;
  /** Every message in the chat (live ones), oldest first. */
  messages(): ApiMessage[];
  /** Messages this bot sent into the chat (not deleted), oldest first. */
  botMessages(): ApiMessage[];
  /** The next bot message after the last one consumed that matches (or one already waiting). */
  waitForMessage(match?: MessageMatch, options?: WaitOptions): Promise<ApiMessage>;
  /** Waits until some bot message (new or edited) satisfies the predicate. */
  waitFor(
    predicate: (m: ApiMessage) => boolean,
    options?: WaitOptions & { what?: string },
  ): Promise<ApiMessage>;
  /** Presses a button on the newest bot message that has it; waits for answerCallbackQuery. */
  click(label: ButtonMatch, options?: WaitOptions): Promise<CallbackAnswer>;
}

const defaultTimeout = 5000;

/** A person's reading/acting view of one chat, with waits that explain their failures. */
export function createChatSession(
  emulator: Emulator,
  chatState: () => ChatState,
  userId: number,
  botId: number,
): ChatSession {
  let cursor = 0;
  const fromBot = (s: StoredMessage): boolean => s.byBotId === botId;
  const live = (): StoredMessage[] => [...chatState().messages.values()].filter((s) => !s.deleted);
  const botMessages = (): ApiMessage[] =>
    live()
      .filter(fromBot)
      .map((s) => s.message);

  const waitUntil = <T>(
    check: () => T | undefined,
    timeoutMs: number,
    describe: () => string,
  ): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const first = check();
      if (first !== undefined) return resolve(first);
      const onChange = (): void => {
        const found = check();
        if (found === undefined) return;
        cleanup();
        resolve(found);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(describe()));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        emulator.world.events.off('message', onChange);
      };
      emulator.world.events.on('message', onChange);
    });

  const sent = (since: number): string => {
    const list = botMessages().filter((m) => m.message_id > since);
    return list.length === 0
      ? '  (nothing)'
      : list.map((m) => `  ${describeMessage(m)}`).join('\n');
  };

  return {
    get chatId() {
      return chatState().id;
    },
    messages: () => live().map((s) => s.message),
    botMessages,
    waitForMessage(match, options = {}) {
      const since = cursor;
      const timeoutMs = options.timeoutMs ?? defaultTimeout;
      return waitUntil(
        () => {
          const found = botMessages().find((m) => m.message_id > cursor && matches(m, match));
          if (found) cursor = found.message_id;
          return found;
        },
        timeoutMs,
        () =>
          `No bot message${match === undefined ? '' : ` matching ${String(match)}`} within ${timeoutMs} ms in chat ${chatState().id}. The bot sent:\n${sent(since)}`,
      );
    },
    waitFor(predicate, options = {}) {
      const timeoutMs = options.timeoutMs ?? defaultTimeout;
      return waitUntil(
        () => [...botMessages()].reverse().find(predicate),
        timeoutMs,
        () =>
          `No bot message ${options.what ?? 'satisfying the predicate'} within ${timeoutMs} ms. Bot messages:\n${sent(0)}`,
      );
    },
    async click(label, options = {}) {
      const candidates = [...botMessages()].reverse();
      const target = candidates.find((m) =>
        (m.reply_markup?.inline_keyboard ?? [])
          .flat()
          .some((b) =>
            typeof label === 'string'
              ? b.text === label
              : label instanceof RegExp
                ? label.test(b.text)
                : b.callback_data === label.data,
          ),
      );
      if (!target) {
        const available = candidates
          .filter((m) => m.reply_markup?.inline_keyboard)
          .slice(0, 5)
          .map((m) => `  ${describeMessage(m)}`)
          .join('\n');
        throw new Error(
          `No button ${String(label instanceof RegExp || typeof label === 'string' ? label : label.data)} in chat ${chatState().id}. Buttons on the newest bot messages:\n${available || '  (none)'}`,
        );
      }
      const pressed = emulator.pressButton(userId, target.message_id, label, {
        chatId: chatState().id,
        botId,
      });
      const timeoutMs = options.timeoutMs ?? defaultTimeout;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const what = describeMessage(target);
          reject(
            new Error(
              `The bot did not answer the callback query of ${what} within ${timeoutMs} ms`,
            ),
          );
        }, timeoutMs);
      });
      try {
        return await Promise.race([pressed.answer, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
