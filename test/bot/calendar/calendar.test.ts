import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDayButton } from '../../../format/dates.js';
import { findAccountByTelegramId } from '../../../models/accounts/queries.js';
import { slots } from '../../../models/schema.js';
import { ensureOwnerWorkspace } from '../../../models/workspaces/ensure-owner-workspace.js';
import { callBotApi } from '../../helpers/sandbox.js';
import type { TestUser } from '../../helpers/telegram-user.js';
import { type BotHarness, startBotHarness } from '../harness.js';
import { bookableSettings, makeChannel } from '../../factories/channels.js';

const zone = 'Europe/Berlin';
let h: BotHarness;
let olga: TestUser;
let channelId: string;
let workspaceId: string;

/** Signs a person up (first /start) and returns their account id. */
async function signUp(user: TestUser): Promise<string> {
  user.send('/start');
  await user.waitForMessage();
  const account = await h.database.withScope({}, (tx) => findAccountByTelegramId(tx, user.id));
  if (!account) throw new Error('no account');
  return account.id;
}

/** Stands in for the channel card: a message from the bot with the calendar entry button. */
async function sendEntry(user: TestUser, data: string, text = '📅 Calendar') {
  const sent = await callBotApi(h.sandbox, 'sendMessage', {
    chat_id: user.id,
    text: 'Channel card',
    reply_markup: { inline_keyboard: [[{ text, callback_data: data }]] },
  });
  expect(sent.ok).toBe(true);
}

async function slotStatus(startsAt: Date) {
  const [row] = await h.database.withScope({ workspaceId }, (tx) =>
    tx
      .select({ status: slots.status })
      .from(slots)
      .where(and(eq(slots.channelId, channelId), eq(slots.startsAt, startsAt))),
  );
  return row?.status;
}

beforeAll(async () => {
  h = await startBotHarness();
  olga = h.sandbox.user({ first_name: 'Olga', language_code: 'en' });
  const accountId = await signUp(olga);
  workspaceId = (await ensureOwnerWorkspace(h.database, accountId)).workspaceId;
  const channel = await makeChannel(h.database, {
    workspaceId,
    title: 'Olga <News>',
    language: 'en',
    settings: {
      ...bookableSettings(zone, 14),
      prices: { '1/24': 1_500, '2/48': 2_500 },
    },
    slotsFrom: h.deps.clock.now(),
  });
  channelId = channel.id;
});

afterAll(async () => {
  await h?.close();
});

describe('calendar', () => {
  it('an owner sees the week with prices, blocks a slot, sees it blocked and unblocks it', async () => {
    await sendEntry(olga, `cal:open:${channelId}:0`);
    await olga.click('📅 Calendar');
    const week = await olga.waitFor((m) => m.text?.includes('week of') === true, { what: 'week' });
    expect(week.text).toContain('Olga <News>');
    expect(week.text).toContain('Times in Europe/Berlin');
    expect(week.text).toContain('from $15');
    expect(week.text).toMatch(/18:00🟢/);

    const tomorrow = DateTime.fromJSDate(h.deps.clock.now(), { zone }).plus({ days: 1 });
    const dayButton = formatDayButton(tomorrow.toISODate()!, 'en');
    if (tomorrow.weekday === 1) await olga.click('Next week ›');
    await olga.click(dayButton);
    await olga.waitFor((m) => m.text?.includes('Tap a free slot') === true, { what: 'day' });
    const tenOClock = tomorrow.set({ hour: 10, minute: 0, second: 0, millisecond: 0 }).toJSDate();

    const blocked = await olga.click('10:00 🟢');
    expect(blocked.text).toContain('10:00 blocked');
    await olga.waitFor(
      (m) => (m.reply_markup?.inline_keyboard ?? []).flat().some((b) => b.text === '10:00 🚫'),
      { what: 'blocked slot button' },
    );
    expect(await slotStatus(tenOClock)).toBe('blocked');

    await olga.click('‹ Back to the week');
    await olga.waitFor((m) => m.text?.includes('10:00🚫') === true, { what: 'blocked in week' });
    await olga.click(dayButton);
    await olga.waitFor((m) => m.text?.includes('Tap a free slot') === true, { what: 'day again' });
    const unblocked = await olga.click('10:00 🚫');
    expect(unblocked.text).toContain('10:00 is on sale again');
    expect(await slotStatus(tenOClock)).toBe('free');
  });

  it('tapping a booked slot explains it and changes nothing', async () => {
    const tomorrow = DateTime.fromJSDate(h.deps.clock.now(), { zone }).plus({ days: 1 });
    const at = tomorrow.set({ hour: 14, minute: 0, second: 0, millisecond: 0 }).toJSDate();
    await h.database.withScope({ workspaceId }, (tx) =>
      tx
        .update(slots)
        .set({ status: 'booked', format: '1/24' })
        .where(and(eq(slots.channelId, channelId), eq(slots.startsAt, at))),
    );
    await sendEntry(olga, `cal:d:${channelId}:${tomorrow.toFormat('yyyyLLdd')}`, 'Day');
    await olga.click('Day');
    await olga.waitFor(
      (m) => (m.reply_markup?.inline_keyboard ?? []).flat().some((b) => b.text === '14:00 📌'),
      { what: 'booked slot button' },
    );
    const answer = await olga.click('14:00 📌');
    expect(answer.text).toContain('booked');
    expect(await slotStatus(at)).toBe('booked');
  });

  it('a person of another workspace pressing the same buttons is told "not found"', async () => {
    const mallory = h.sandbox.user({ first_name: 'Mallory', language_code: 'en' });
    await signUp(mallory);
    await sendEntry(mallory, `cal:open:${channelId}:0`);
    const open = await mallory.click('📅 Calendar');
    expect(open).toMatchObject({ text: 'Channel not found.', show_alert: true });

    const tomorrow = DateTime.fromJSDate(h.deps.clock.now(), { zone }).plus({ days: 1 });
    const at = tomorrow.set({ hour: 18, minute: 0, second: 0, millisecond: 0 }).toJSDate();
    const minute = Math.floor(at.getTime() / 60_000);
    await sendEntry(mallory, `cal:b:${channelId}:${minute}`, 'Block');
    expect(await mallory.click('Block')).toMatchObject({ text: 'Channel not found.' });
    expect(await slotStatus(at)).toBe('free');
    await sendEntry(mallory, `cal:d:${channelId}:${tomorrow.toFormat('yyyyLLdd')}`, 'Day');
    expect(await mallory.click('Day')).toMatchObject({ text: 'Channel not found.' });
    expect(mallory.botMessages().some((m) => m.text?.includes('Olga'))).toBe(false);
  });
});
