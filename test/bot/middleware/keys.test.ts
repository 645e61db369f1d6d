import { Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { isAccountUpdate } from '../../../bot/middleware/account.js';
import { sequenceKeys } from '../../../bot/middleware/sequentialize.js';
import { sessionKeyOf } from '../../../bot/session.js';

const me = { id: 1, is_bot: true, first_name: 'Bot', username: 'bot' } as UserFromGetMe;
const user = { id: 42, is_bot: false, first_name: 'Ann' };
const privateChat = { id: 42, type: 'private' as const, first_name: 'Ann' };
const group = { id: -100, type: 'supergroup' as const, title: 'G' };

function contextOf(update: Omit<Update, 'update_id'>): Context {
  return new Context({ update_id: 1, ...update } as Update, {} as never, me);
}

const privateMessage = contextOf({
  message: { message_id: 1, date: 0, chat: privateChat, from: user, text: 'hi' },
});
const groupMessage = contextOf({
  message: { message_id: 1, date: 0, chat: group, from: user, text: 'hi' },
});
const inlineQuery = contextOf({
  inline_query: { id: 'q', from: user, query: '', offset: '' },
});
const channelPost = contextOf({
  channel_post: { message_id: 1, date: 0, chat: { id: -200, type: 'channel', title: 'C' } },
});

describe('sessionKeyOf', () => {
  it('keys sessions by user in private chats and chat-less updates only', () => {
    expect(sessionKeyOf(privateMessage)).toBe('user:42');
    expect(sessionKeyOf(inlineQuery)).toBe('user:42');
    expect(sessionKeyOf(groupMessage)).toBeUndefined();
    expect(sessionKeyOf(channelPost)).toBeUndefined();
  });
});

describe('sequenceKeys', () => {
  it('orders by chat and by user', () => {
    expect(sequenceKeys(groupMessage)).toEqual(['chat:-100', 'user:42']);
    expect(sequenceKeys(inlineQuery)).toEqual(['user:42']);
    expect(sequenceKeys(channelPost)).toEqual(['chat:-200']);
  });
});

describe('isAccountUpdate', () => {
  it('tracks users talking to the bot, not group chatter or channel posts', () => {
    expect(isAccountUpdate(privateMessage)).toBe(true);
    expect(isAccountUpdate(inlineQuery)).toBe(true);
    expect(isAccountUpdate(groupMessage)).toBe(false);
    expect(isAccountUpdate(channelPost)).toBe(false);
  });
});
