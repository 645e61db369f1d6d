import { describe, expect, it } from 'vitest';
import { GrammyError } from 'grammy';
import type { Message } from 'grammy/types';
import { parseChannelText, parseForward } from '../../../bot/features/channels/channel-ref.js';
import { factsFailureOf } from '../../../bot/features/channels/telegram-facts.js';

describe('parseChannelText', () => {
  it('reads @username and t.me links, including private post links', () => {
    expect(parseChannelText('@olga_travels')).toEqual({ kind: 'ref', ref: '@olga_travels' });
    expect(parseChannelText(' https://t.me/olga_travels/ ')).toEqual({
      kind: 'ref',
      ref: '@olga_travels',
    });
    expect(parseChannelText('t.me/olga_travels/42')).toEqual({ kind: 'ref', ref: '@olga_travels' });
    expect(parseChannelText('http://telegram.me/s/olga_travels')).toEqual({
      kind: 'ref',
      ref: '@olga_travels',
    });
    expect(parseChannelText('https://t.me/c/1234567890/15')).toEqual({
      kind: 'ref',
      ref: -1001234567890,
    });
  });

  it('recognizes invite links and ignores anything else', () => {
    expect(parseChannelText('https://t.me/+AbCdEf')).toEqual({ kind: 'private_link' });
    expect(parseChannelText('t.me/joinchat/AbCdEf')).toEqual({ kind: 'private_link' });
    for (const text of [
      'hello',
      '@ab',
      'olga_travels',
      'https://example.com/olga',
      '@a b',
      '25:00',
    ])
      expect(parseChannelText(text)).toEqual({ kind: 'none' });
  });
});

describe('parseForward', () => {
  it('takes the channel of a forwarded post and refuses other forwards', () => {
    const base = { message_id: 1, date: 0, chat: { id: 1, type: 'private', first_name: 'A' } };
    const fromChannel = {
      ...base,
      forward_origin: {
        type: 'channel',
        chat: { id: -100123, type: 'channel', title: 'C' },
        message_id: 5,
        date: 0,
      },
    } as Message;
    expect(parseForward(fromChannel)).toEqual({ kind: 'ref', ref: -100123 });
    const hidden = {
      ...base,
      forward_origin: { type: 'hidden_user', sender_user_name: 'X', date: 0 },
    } as Message;
    expect(parseForward(hidden)).toEqual({ kind: 'forward_not_channel' });
    expect(parseForward(base as Message)).toEqual({ kind: 'none' });
  });
});

describe('factsFailureOf', () => {
  const telegram = (error_code: number, description: string) =>
    new GrammyError('failed', { ok: false, error_code, description }, 'getChatMember', {});

  it('maps Telegram errors by code, then by description', () => {
    expect(
      factsFailureOf(telegram(403, 'Forbidden: bot is not a member of the channel chat')),
    ).toBe('bot_not_member');
    expect(factsFailureOf(telegram(403, 'Forbidden: bot was kicked from the channel chat'))).toBe(
      'bot_not_member',
    );
    expect(factsFailureOf(telegram(400, 'Bad Request: member list is inaccessible'))).toBe(
      'bot_not_admin',
    );
    expect(factsFailureOf(telegram(400, 'Bad Request: chat not found'))).toBe('chat_not_found');
    expect(factsFailureOf(telegram(429, 'Too Many Requests: retry after 5'))).toBe(
      'telegram_error',
    );
    expect(factsFailureOf(new Error('socket hang up'))).toBe('telegram_error');
  });
});
