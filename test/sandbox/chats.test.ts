import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callBotApi, startSandbox, type Sandbox } from '../helpers/sandbox.js';

type Update = { update_id: number } & Record<string, Record<string, unknown>>;

describe('private chats, groups, commands and callback queries', () => {
  let sandbox: Sandbox;
  beforeEach(async () => {
    sandbox = await startSandbox({ callbackTtlMs: 200 });
  });
  afterEach(() => sandbox.close());

  const drain = async (): Promise<Update[]> => {
    const got = (await callBotApi(sandbox, 'getUpdates')).result as Update[];
    const last = got.at(-1);
    if (last) await callBotApi(sandbox, 'getUpdates', { offset: last.update_id + 1 });
    return got;
  };

  it('gives users commands entities, edits and blocks as Telegram reports them', async () => {
    const user = sandbox.user({ username: 'mia_k' });
    const sent = user.send('/start ch_abc');
    expect(sent.entities).toEqual([{ type: 'bot_command', offset: 0, length: 6 }]);
    user.edit(sent.message_id, '/start ch_xyz');
    user.block();
    const kinds = (await drain()).map((u) => Object.keys(u)[1]);
    expect(kinds).toEqual(['message', 'edited_message', 'my_chat_member']);
    user.unblock();
    const unblocked = (await drain())[0]?.my_chat_member;
    expect(unblocked).toMatchObject({
      old_chat_member: { status: 'kicked' },
      new_chat_member: { status: 'member' },
    });
  });

  it('answers a callback query once, and refuses late or repeated answers', async () => {
    const user = sandbox.user();
    user.send('/start');
    const keyboard = { inline_keyboard: [[{ text: 'Yes', callback_data: 'q:yes' }]] };
    await callBotApi(sandbox, 'sendMessage', {
      chat_id: user.id,
      text: 'Sure?',
      reply_markup: keyboard,
    });
    await drain();
    const press = sandbox.emulator.pressButton(user.id, 2, 'Yes');
    const query = (await drain())[0]?.callback_query ?? {};
    expect(query).toMatchObject({
      data: 'q:yes',
      from: { id: user.id },
      message: { text: 'Sure?' },
    });
    expect(
      await callBotApi(sandbox, 'answerCallbackQuery', {
        callback_query_id: query.id,
        text: 'Saved',
      }),
    ).toEqual({ ok: true, result: true });
    expect(await press.answer).toEqual({ text: 'Saved' });
    const tooOld =
      'Bad Request: query is too old and response timeout expired or query ID is invalid';
    expect(
      (await callBotApi(sandbox, 'answerCallbackQuery', { callback_query_id: query.id }))
        .description,
    ).toBe(tooOld);

    const late = sandbox.emulator.pressButton(user.id, 2, { data: 'q:yes' });
    await expect(late.answer).rejects.toThrow(/did not answer/);
    expect(
      (await callBotApi(sandbox, 'answerCallbackQuery', { callback_query_id: late.query.id }))
        .description,
    ).toBe(tooOld);
    await expect(user.click('Nope')).rejects.toThrow(/No button Nope[\s\S]*#2 "Sure\?" \[Yes\]/);
  });

  it('works in the admin group: members, messages, pins, deletes and reply keyboards', async () => {
    const chat_id = sandbox.ids.adminChatId;
    const ada = sandbox.admin().inChat(chat_id);
    ada.send('/stats');
    expect((await drain()).map((u) => u.message?.text)).toEqual(['/stats']);
    const card = (await callBotApi(sandbox, 'sendMessage', { chat_id, text: 'Card' })).result as {
      message_id: number;
    };
    expect(
      (await callBotApi(sandbox, 'pinChatMessage', { chat_id, message_id: card.message_id })).ok,
    ).toBe(true);
    expect(
      (await callBotApi(sandbox, 'getChatMember', { chat_id, user_id: sandbox.ids.adminId }))
        .result,
    ).toMatchObject({ status: 'creator' });
    expect(
      (await callBotApi(sandbox, 'getChatMember', { chat_id, user_id: sandbox.ids.ownerId }))
        .result,
    ).toMatchObject({ status: 'left' });
    expect((await callBotApi(sandbox, 'sendChatAction', { chat_id, action: 'typing' })).ok).toBe(
      true,
    );
    expect(
      (
        await callBotApi(sandbox, 'deleteMessages', {
          chat_id,
          message_ids: [card.message_id, 999],
        })
      ).ok,
    ).toBe(true);
    expect(ada.botMessages().map((m) => m.text)).toEqual([undefined]);

    const user = sandbox.user();
    user.send('/start');
    const keyboard = { keyboard: [[{ text: 'Catalog' }]], resize_keyboard: true };
    const sent = (
      await callBotApi(sandbox, 'sendMessage', {
        chat_id: user.id,
        text: 'Menu',
        reply_markup: keyboard,
      })
    ).result;
    expect(sent).not.toHaveProperty('reply_markup');
    expect(sandbox.emulator.chat(user.id).replyKeyboard).toEqual(keyboard);
  });

  it('applies privacy mode in groups where the bot is not an admin', async () => {
    const ann = sandbox.user({ first_name: 'Ann' });
    const group = sandbox.emulator.createGroup({
      title: 'Chatter',
      ownerId: ann.id,
      supergroup: false,
    });
    sandbox.emulator.addBotToChat(group.id, { byUserId: ann.id });
    const inGroup = ann.inChat(group.id);
    inGroup.send('just chatting');
    inGroup.send('/help');
    inGroup.send('hey @LytSlotSandboxBot');
    const got = await drain();
    expect(got.map((u) => Object.keys(u)[1])).toEqual([
      'my_chat_member',
      'message',
      'message',
      'message',
    ]);
    expect(
      got.slice(1).map((u) => (u.message?.new_chat_members ? 'joined' : u.message?.text)),
    ).toEqual(['joined', '/help', 'hey @LytSlotSandboxBot']);
    expect(group.id).toBeGreaterThan(-1_000_000_000_000);
  });

  it('validates media groups by their type', async () => {
    const user = sandbox.user();
    user.send('/start');
    const media = [
      { type: 'photo', media: 'x' },
      { type: 'hologram', media: 'y' },
    ];
    expect(
      (await callBotApi(sandbox, 'sendMediaGroup', { chat_id: user.id, media })).description,
    ).toBe('Bad Request: unsupported InputMedia type "hologram" in "media[1]"');
  });
});
