import type { InlineKeyboardMarkup } from 'grammy/types';
import type { ConversationContext } from '../context.js';
import { accept, ask, type BotConversation, type Checked, refuse } from './conversation.js';

/**
 * One text message, read by `check`; a message without text (a sticker, a photo…) gets `notText`,
 * or without it is checked as ''.
 */
export function askText<T>(
  conversation: BotConversation,
  ctx: ConversationContext,
  step: {
    prompt?: string;
    keyboard?: InlineKeyboardMarkup;
    notText?: string;
    check: (text: string) => Checked<T> | Promise<Checked<T>>;
  },
): Promise<T> {
  return ask(conversation, ctx, {
    ...step,
    read: (answer) => {
      const text = answer.message?.text;
      if (text === undefined && step.notText !== undefined) return refuse(step.notText);
      return step.check(text ?? '');
    },
  });
}

/**
 * A free-text reason, trimmed, of `min`–`max` characters (min 1); anything else is re-asked with
 * `invalid` (with `notText` when given and the message has no text at all).
 */
export function askReason(
  conversation: BotConversation,
  ctx: ConversationContext,
  step: { prompt?: string; min?: number; max: number; invalid: string; notText?: string },
): Promise<string> {
  const min = Math.max(step.min ?? 1, 1);
  return askText(conversation, ctx, {
    ...step,
    check: (text) => {
      const reason = text.trim();
      return reason.length >= min && reason.length <= step.max
        ? accept(reason)
        : refuse(step.invalid);
    },
  });
}

/**
 * A whole number between `min` and `max`: typed (`parse` turns the text into it, e.g. an amount
 * into minor units, undefined when unreadable) or pressed (`presets`: callback data → number).
 * Re-asks with the reason: unreadable, below the minimum, above the maximum.
 */
export function askNumber(
  conversation: BotConversation,
  ctx: ConversationContext,
  step: {
    prompt?: string;
    keyboard?: InlineKeyboardMarkup;
    presets?: Readonly<Record<string, number>>;
    parse: (text: string) => number | undefined;
    min: number;
    max: number;
    retry: { invalid: string; tooSmall: string; tooLarge: string };
  },
): Promise<number> {
  const presets = step.presets ?? {};
  return ask(conversation, ctx, {
    ...step,
    buttons: Object.keys(presets),
    read: (answer) => {
      const data = answer.callbackQuery?.data;
      const value = data !== undefined ? presets[data] : step.parse(answer.message?.text ?? '');
      if (value === undefined || !Number.isSafeInteger(value)) return refuse(step.retry.invalid);
      if (value < step.min) return refuse(step.retry.tooSmall);
      if (value > step.max) return refuse(step.retry.tooLarge);
      return accept(value);
    },
  });
}

/**
 * A press of one of the buttons (`choices` are their callback data); a typed message is re-asked
 * with `retry`, which points to the buttons.
 */
export function askChoice<V extends string>(
  conversation: BotConversation,
  ctx: ConversationContext,
  step: { prompt?: string; keyboard: InlineKeyboardMarkup; choices: readonly V[]; retry: string },
): Promise<V> {
  const isChoice = (data: string | undefined): data is V =>
    step.choices.some((choice) => choice === data);
  return ask(conversation, ctx, {
    ...step,
    buttons: step.choices,
    read: (answer) => {
      const data = answer.callbackQuery?.data;
      return isChoice(data) ? accept(data) : refuse(step.retry);
    },
  });
}
