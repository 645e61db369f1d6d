import type { Conversation } from '@grammyjs/conversations';
import type { InlineKeyboardMarkup, Message } from 'grammy/types';
import type { BotContext, ConversationContext } from '../context.js';

export type BotConversation = Conversation<BotContext, ConversationContext>;

/** An answer read: its value, or the text (HTML) that asks again. */
export type Checked<T> = { ok: true; value: T } | { ok: false; retry: string };

export const accept = <T>(value: T): Checked<T> => ({ ok: true, value });
export const refuse = (retry: string): Checked<never> => ({ ok: false, retry });

/** One question: its prompt, its buttons, and how an answer is read. */
export interface Step<T> {
  /** Sent first (HTML); omitted when the question was asked already. */
  prompt?: string;
  /** Under the prompt (re-asks point to it: "the buttons above"). */
  keyboard?: InlineKeyboardMarkup;
  /** Callback data that answer the question (the press is acknowledged); other presses pass on. */
  buttons?: readonly string[];
  /** Reads a message or an accepted press. Replayed: side effects only via conversation.external. */
  read(answer: ConversationContext): Checked<T> | Promise<Checked<T>>;
}

/** True when a message starts with a bot command (/start, /help…). */
export function isCommand(message: Pick<Message, 'entities'>): boolean {
  const first = message.entities?.[0];
  return first?.type === 'bot_command' && first.offset === 0;
}

/** The sender's account id, read from the outside context (recorded); null without one. */
export function currentAccountId(conversation: BotConversation): Promise<string | null> {
  return conversation.external((outside) => outside.account?.id ?? null);
}

type Miss = { kind: 'pass' } | { kind: 'leave' } | { kind: 'retry'; text: string };

/**
 * Asks and waits until an answer reads well; each refusal is replied with its reason, and that
 * answer is dropped from the replay log. What is not an answer is not
 * swallowed: a command leaves the conversation and runs (/cancel is handled before conversations
 * run), and other button presses, edits and service updates go on to the menus and handlers.
 */
export async function ask<T>(
  conversation: BotConversation,
  ctx: ConversationContext,
  step: Step<T>,
): Promise<T> {
  if (step.prompt !== undefined) await ctx.reply(step.prompt, { reply_markup: step.keyboard });
  return await conversation.form.build<T, Miss>({
    validate: async (answer) => {
      const data = answer.callbackQuery?.data;
      const pressed = data !== undefined && (step.buttons ?? []).includes(data);
      const message = answer.message;
      if (pressed) await answer.answerCallbackQuery();
      else if (!message) return { ok: false, error: { kind: 'pass' } };
      else if (isCommand(message)) return { ok: false, error: { kind: 'leave' } };
      const checked = await step.read(answer);
      return checked.ok ? checked : { ok: false, error: { kind: 'retry', text: checked.retry } };
    },
    otherwise: async (answer, miss) => {
      if (miss.kind === 'pass') return await conversation.skip({ next: true });
      if (miss.kind === 'leave') return await conversation.halt({ next: true });
      await answer.reply(miss.text);
    },
  });
}

/** The next message, or a press of one of `buttons` (acknowledged); as `ask` for anything else. */
export function waitAnswer(
  conversation: BotConversation,
  ctx: ConversationContext,
  buttons: readonly string[] = [],
): Promise<ConversationContext> {
  return ask(conversation, ctx, { buttons, read: accept });
}
