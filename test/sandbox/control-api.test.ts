import { Bot, InlineKeyboard } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../helpers/sandbox.js';

describe('control API for the web page', () => {
  let sandbox: Sandbox;
  let bot: Bot;
  beforeEach(async () => {
    sandbox = await startSandbox();
    bot = new Bot(sandbox.token, { client: { apiRoot: sandbox.apiRoot } });
    bot.on('message:text', (ctx) =>
      ctx.reply(`got ${ctx.message.text}`, {
        reply_markup: new InlineKeyboard().text('OK', 'page:ok'),
      }),
    );
    bot.callbackQuery('page:ok', (ctx) => ctx.answerCallbackQuery({ text: 'done' }));
    void bot.start();
  });
  afterEach(async () => {
    await bot.stop();
    await sandbox.close();
  });

  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${sandbox.apiRoot}/sandbox/api/${path}`, {
      method: 'POST',
      body: JSON.stringify(body),
    });
    return (await res.json()) as { ok: boolean; result?: Record<string, unknown>; error?: string };
  };

  it('lists actors, sends as a user, presses a button and streams events', async () => {
    const actors = (await (await fetch(`${sandbox.apiRoot}/sandbox/api/actors`)).json()) as {
      result: {
        bots: { username: string }[];
        users: { first_name: string }[];
        chats: { title: string }[];
      };
    };
    expect(actors.result.bots.map((b) => b.username)).toEqual(['LytSlotSandboxBot']);
    expect(actors.result.users.map((u) => u.first_name)).toEqual([
      'Olga (owner)',
      'Alex (advertiser)',
      'Ada (admin)',
    ]);
    expect(actors.result.chats.map((c) => c.title)).toEqual([
      'LytSlot admins',
      'LytSlot verification',
      'Olga Travels',
    ]);

    const events = new AbortController();
    const stream = await fetch(`${sandbox.apiRoot}/sandbox/api/events`, { signal: events.signal });
    const reader = stream.body!.getReader();
    let seen = '';
    const waitForEvent = async (pattern: RegExp): Promise<void> => {
      while (!pattern.test(seen)) seen += new TextDecoder().decode((await reader.read()).value);
    };

    const alex = sandbox.ids.advertiserId;
    expect((await post('send', { userId: alex, text: 'hello' })).ok).toBe(true);
    await waitForEvent(/"text":"got hello"/);
    const chat = (await (
      await fetch(`${sandbox.apiRoot}/sandbox/api/messages?chat=${alex}`)
    ).json()) as {
      result: { messages: { message_id: number; text: string; reply_markup?: unknown }[] };
    };
    const reply = chat.result.messages.at(-1)!;
    expect(reply.reply_markup).toEqual({
      inline_keyboard: [[{ text: 'OK', callback_data: 'page:ok' }]],
    });
    const click = await post('click', { userId: alex, messageId: reply.message_id, text: 'OK' });
    expect(click.result?.answer).toEqual({ text: 'done' });
    await waitForEvent(/event: callback_answer/);
    await post('add-bot', {
      chatId: sandbox.ids.demoChannelId,
      rights: { can_post_messages: true },
    });
    await waitForEvent(/event: member\ndata: \{"chat":\{"id":-\d+/);
    events.abort();

    expect((await post('send', { userId: alex })).error).toMatch(/text/);
    const page = await fetch(`${sandbox.apiRoot}/`);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('adds the bot to a channel and forwards a post to the bot', async () => {
    const olga = sandbox.ids.ownerId;
    const channel = sandbox.ids.demoChannelId;
    expect(
      (
        await post('add-bot', {
          chatId: channel,
          byUserId: olga,
          rights: { can_post_messages: true },
        })
      ).ok,
    ).toBe(true);
    const posted = await post('channel-post', {
      userId: olga,
      channelId: channel,
      text: 'New guide',
    });
    const forwarded = await post('forward', {
      userId: olga,
      channelId: channel,
      messageId: posted.result?.message_id,
    });
    expect(forwarded.result?.forward_origin).toMatchObject({ type: 'channel' });
    expect(
      (
        await post('react', {
          userId: olga,
          chatId: channel,
          messageId: posted.result?.message_id,
          emoji: '❤',
        })
      ).ok,
    ).toBe(true);
    const newcomer = await post('create-user', { firstName: 'Nina', languageCode: 'ru' });
    const created = await post('create-channel', {
      title: 'Nina Eats',
      ownerId: newcomer.result?.id,
    });
    expect(created.result?.id).toEqual(expect.any(Number));
    expect((await post('create-channel', { ownerId: newcomer.result?.id })).error).toMatch(/title/);
  });
});
