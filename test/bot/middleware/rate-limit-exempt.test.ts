import { Context } from 'grammy';
import type { Message, Update, UserFromGetMe } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { isRateLimitExempt, isServiceMessage } from '../../../bot/middleware/rate-limit-exempt.js';

const me = { id: 1, is_bot: true, first_name: 'Bot', username: 'bot' } as UserFromGetMe;
const user = { id: 42, is_bot: false, first_name: 'Ann' };
const privateChat = { id: 42, type: 'private' as const, first_name: 'Ann' };
const adminChat = { id: -500, type: 'supergroup' as const, title: 'Admins' };
const group = { id: -100, type: 'supergroup' as const, title: 'G' };
const channel = { id: -200, type: 'channel' as const, title: 'C' };
const adminChatId = adminChat.id;

function contextOf(update: Omit<Update, 'update_id'>): Context {
  return new Context({ update_id: 1, ...update } as Update, {} as never, me);
}

type UserMessage = Message & Update.NonChannel & Update.Edited;

function message(fields: Partial<Message>, chat: UserMessage['chat'] = privateChat): UserMessage {
  return { message_id: 1, date: 0, edit_date: 0, chat, from: user, ...fields } as UserMessage;
}

const payment = {
  currency: 'XTR',
  total_amount: 100,
  invoice_payload: 'order:x',
  telegram_payment_charge_id: 'c1',
};

describe('isRateLimitExempt', () => {
  it('exempts money: pre-checkout queries, successful and refunded payments', () => {
    const preCheckout = contextOf({
      pre_checkout_query: {
        id: 'q',
        from: user,
        currency: 'XTR',
        total_amount: 100,
        invoice_payload: 'order:x',
      },
    });
    const paid = contextOf({
      message: message({ successful_payment: { ...payment, provider_payment_charge_id: '' } }),
    });
    const refunded = contextOf({ message: message({ refunded_payment: payment }) });
    for (const ctx of [preCheckout, paid, refunded])
      expect(isRateLimitExempt(ctx, adminChatId)).toBe(true);
  });

  it('exempts membership, channel posts and reaction counts', () => {
    const member = {
      chat: channel,
      from: user,
      date: 0,
      old_chat_member: { status: 'left' as const, user },
      new_chat_member: { status: 'member' as const, user },
    };
    const post = { message_id: 5, date: 0, chat: channel, text: 'ad' };
    const updates: Omit<Update, 'update_id'>[] = [
      { my_chat_member: member },
      { chat_member: member },
      { channel_post: post },
      { edited_channel_post: { ...post, edit_date: 1 } },
      {
        message_reaction_count: {
          chat: channel,
          message_id: 5,
          date: 0,
          reactions: [{ type: { type: 'emoji', emoji: '👍' }, total_count: 3 }],
        },
      },
    ];
    for (const update of updates)
      expect(isRateLimitExempt(contextOf(update), adminChatId), Object.keys(update)[0]).toBe(true);
  });

  it('exempts everything in the admin chat: messages and button presses', () => {
    const text = contextOf({ message: message({ text: '/stats' }, adminChat) });
    const press = contextOf({
      callback_query: {
        id: 'cb',
        from: user,
        chat_instance: 'i',
        data: 'adm:x',
        message: message({ text: 'card' }, adminChat),
      },
    });
    expect(isRateLimitExempt(text, adminChatId)).toBe(true);
    expect(isRateLimitExempt(press, adminChatId)).toBe(true);
  });

  it('exempts service messages in general (members joining a group, a pinned message)', () => {
    const joined = contextOf({ message: message({ new_chat_members: [user] }, group) });
    const pinned = contextOf({
      message: message({ pinned_message: message({ text: 'x' }) as never }, group),
    });
    expect(isRateLimitExempt(joined, adminChatId)).toBe(true);
    expect(isRateLimitExempt(pinned, adminChatId)).toBe(true);
  });

  it('limits what a user sends: text, media, button presses and edits, in private chats and groups', () => {
    const limited: Omit<Update, 'update_id'>[] = [
      { message: message({ text: 'hi' }) },
      { message: message({ text: 'hi' }, group) },
      { message: message({ sticker: { file_id: 's' } as never }) },
      { edited_message: message({ text: 'hi again', edit_date: 1 }) },
      {
        callback_query: {
          id: 'cb',
          from: user,
          chat_instance: 'i',
          data: 'x',
          message: message({ text: 'menu' }),
        },
      },
      { inline_query: { id: 'q', from: user, query: '', offset: '' } },
    ];
    for (const update of limited)
      expect(isRateLimitExempt(contextOf(update), adminChatId), JSON.stringify(update)).toBe(false);
  });

  it('without an admin chat configured, group messages stay limited', () => {
    const text = contextOf({ message: message({ text: '/stats' }, adminChat) });
    expect(isRateLimitExempt(text, undefined)).toBe(false);
  });
});

describe('isServiceMessage', () => {
  it('tells Telegram-generated messages from what a user typed or sent', () => {
    expect(isServiceMessage(message({ refunded_payment: payment }))).toBe(true);
    expect(isServiceMessage(message({ left_chat_member: user }, group))).toBe(true);
    expect(isServiceMessage(message({ text: 'refunded_payment' }))).toBe(false);
    expect(isServiceMessage(message({ photo: [], caption: 'x' }))).toBe(false);
  });
});
