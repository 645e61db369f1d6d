import { describe, expect, it } from 'vitest';
import { postLink } from '../../models/notifications/audience.js';
import { enqueueNotification, notificationJob } from '../../messages/notification.js';

describe('enqueueNotification', () => {
  it('queues one notifications.send job, at once unless a time is given', async () => {
    const calls: { name: string; data: Record<string, unknown>; at: Date }[] = [];
    const schedule = async (name: string, data: Record<string, unknown>, at: Date) => {
      calls.push({ name, data, at });
    };
    await enqueueNotification(schedule, { telegramId: 42, key: 'settle-refunded-advertiser' });
    const at = new Date('2031-01-01T00:00:00Z');
    await enqueueNotification(schedule, {
      accountId: '00000000-0000-4000-8000-000000000001',
      key: 'notify-published-owner',
      vars: { channel: 'C' },
      at,
    });
    expect(calls).toEqual([
      {
        name: notificationJob,
        data: { telegramId: 42, key: 'settle-refunded-advertiser', attempt: 0 },
        at: new Date(0),
      },
      {
        name: notificationJob,
        data: {
          accountId: '00000000-0000-4000-8000-000000000001',
          key: 'notify-published-owner',
          vars: { channel: 'C' },
          attempt: 0,
        },
        at,
      },
    ]);
  });
});

describe('postLink', () => {
  it('links public channels by username and private ones by their internal id', () => {
    expect(postLink({ username: 'coffee', telegramChatId: -1001234 }, 5)).toBe(
      'https://t.me/coffee/5',
    );
    expect(postLink({ username: null, telegramChatId: -1001234567890 }, 7)).toBe(
      'https://t.me/c/1234567890/7',
    );
    expect(postLink({ username: null, telegramChatId: -1001234567890 }, undefined)).toBeUndefined();
  });
});
