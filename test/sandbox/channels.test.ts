import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callBotApi, startSandbox, type Sandbox } from '../helpers/sandbox.js';

type Update = { update_id: number } & Record<string, Record<string, unknown>>;

describe('channels, rights and membership', () => {
  let sandbox: Sandbox;
  beforeEach(async () => {
    sandbox = await startSandbox();
  });
  afterEach(() => sandbox.close());

  const updates = async (): Promise<Update[]> => {
    const got = (await callBotApi(sandbox, 'getUpdates', {})).result as Update[];
    const last = got.at(-1);
    if (last) await callBotApi(sandbox, 'getUpdates', { offset: last.update_id + 1 });
    return got;
  };

  it('sends my_chat_member when the owner adds the bot to a channel, then channel posts', async () => {
    const olga = sandbox.owner();
    const channel = olga.channel(sandbox.ids.demoChannelId);
    channel.addBot({ can_post_messages: true, can_edit_messages: true });
    channel.post('Fresh post');
    const got = await updates();
    expect(got.map((u) => Object.keys(u)[1])).toEqual(['my_chat_member', 'channel_post']);
    const change = got[0]?.my_chat_member ?? {};
    expect(change.chat).toMatchObject({
      id: sandbox.ids.demoChannelId,
      type: 'channel',
      title: 'Olga Travels',
    });
    expect(change.from).toMatchObject({ id: olga.id });
    expect(change.old_chat_member).toMatchObject({ status: 'left' });
    expect(change.new_chat_member).toMatchObject({
      status: 'administrator',
      can_post_messages: true,
      can_edit_messages: true,
      can_delete_messages: false,
    });
    expect(got[1]?.channel_post).toMatchObject({
      text: 'Fresh post',
      sender_chat: { id: sandbox.ids.demoChannelId },
    });

    channel.setBotRights({ can_post_messages: true, can_delete_messages: true });
    expect((await updates())[0]?.my_chat_member?.new_chat_member).toMatchObject({
      can_edit_messages: false,
      can_delete_messages: true,
    });
  });

  it('refuses posting without can_post_messages and after removal', async () => {
    const channel = sandbox.owner().channel(sandbox.ids.demoChannelId);
    const chat_id = sandbox.ids.demoChannelId;
    const hidden = sandbox.owner().createChannel({ title: 'Private notes' });
    expect(
      (await callBotApi(sandbox, 'sendMessage', { chat_id: hidden.id, text: 'ad' })).description,
    ).toBe('Bad Request: chat not found');
    expect(
      (await callBotApi(sandbox, 'sendMessage', { chat_id: '@olga_travels_demo', text: 'ad' }))
        .description,
    ).toBe('Forbidden: bot is not a member of the channel chat');
    channel.addBot({ can_edit_messages: true });
    expect(await callBotApi(sandbox, 'sendMessage', { chat_id, text: 'ad' })).toEqual({
      ok: false,
      error_code: 400,
      description: 'Bad Request: need administrator rights in the channel chat',
    });
    channel.setBotRights({ can_post_messages: true });
    const posted = await callBotApi(sandbox, 'sendMessage', { chat_id, text: 'ad' });
    expect(posted.result).toMatchObject({ text: 'ad', sender_chat: { id: chat_id } });
    const id = (posted.result as { message_id: number }).message_id;
    expect(
      (await callBotApi(sandbox, 'pinChatMessage', { chat_id, message_id: id })).description,
    ).toBe('Bad Request: not enough rights to manage pinned messages in the chat');
    expect((await callBotApi(sandbox, 'createChatInviteLink', { chat_id })).description).toMatch(
      /^Bad Request: not enough rights to/,
    );
    channel.removeBot();
    expect((await callBotApi(sandbox, 'sendMessage', { chat_id, text: 'ad' })).description).toBe(
      'Forbidden: bot is not a member of the channel chat',
    );
  });

  it('copies, edits, pins and deletes posts with Telegram errors', async () => {
    const channel = sandbox.owner().channel(sandbox.ids.demoChannelId);
    channel.addBot({ can_post_messages: true, can_edit_messages: true, can_delete_messages: true });
    const chat_id = sandbox.ids.demoChannelId;
    const verify = sandbox.ids.verifyChatId;
    const post = (
      await callBotApi(sandbox, 'sendMessage', { chat_id, text: '<i>Ad</i>', parse_mode: 'HTML' })
    ).result as { message_id: number };
    const probe = await callBotApi(sandbox, 'copyMessage', {
      chat_id: verify,
      from_chat_id: chat_id,
      message_id: post.message_id,
    });
    expect(probe.result).toEqual({ message_id: expect.any(Number) as number });
    expect(sandbox.emulator.messages(verify).at(-1)).toMatchObject({
      text: 'Ad',
      entities: [{ type: 'italic' }],
    });

    expect(
      (
        await callBotApi(sandbox, 'editMessageText', {
          chat_id,
          message_id: post.message_id,
          text: '<i>Ad</i>',
          parse_mode: 'HTML',
        })
      ).description,
    ).toBe(
      'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
    );
    expect(
      (await callBotApi(sandbox, 'pinChatMessage', { chat_id, message_id: post.message_id })).ok,
    ).toBe(true);
    const info = (await callBotApi(sandbox, 'getChat', { chat_id })).result as {
      pinned_message?: { message_id: number };
    };
    expect(info.pinned_message?.message_id).toBe(post.message_id);

    channel.delete(post.message_id);
    expect(
      await callBotApi(sandbox, 'copyMessage', {
        chat_id: verify,
        from_chat_id: chat_id,
        message_id: post.message_id,
      }),
    ).toEqual({
      ok: false,
      error_code: 400,
      description: 'Bad Request: message to copy not found',
    });
    expect(
      (await callBotApi(sandbox, 'deleteMessage', { chat_id, message_id: post.message_id }))
        .description,
    ).toBe('Bad Request: message to delete not found');
    expect(
      (
        await callBotApi(sandbox, 'editMessageText', {
          chat_id,
          message_id: post.message_id,
          text: 'x',
        })
      ).description,
    ).toBe('Bad Request: message to edit not found');
    expect(
      (
        await callBotApi(sandbox, 'forwardMessage', {
          chat_id: verify,
          from_chat_id: chat_id,
          message_id: 999,
        })
      ).description,
    ).toBe('Bad Request: message to forward not found');
  });

  it('verifies an owner from a forwarded post, counts members and reports joins and reactions', async () => {
    const olga = sandbox.owner();
    const channel = olga.channel(sandbox.ids.demoChannelId);
    channel.addBot({ can_post_messages: true, can_invite_users: true });
    const chat_id = sandbox.ids.demoChannelId;
    const forwarded = olga.send({ forwardFrom: channel.messages()[0]! });
    expect(forwarded.forward_origin).toMatchObject({ type: 'channel', chat: { id: chat_id } });
    expect(
      (await callBotApi(sandbox, 'getChatMember', { chat_id, user_id: olga.id })).result,
    ).toMatchObject({ status: 'creator' });
    expect((await callBotApi(sandbox, 'getChatMemberCount', { chat_id })).result).toBe(12_402);
    const admins = (await callBotApi(sandbox, 'getChatAdministrators', { chat_id })).result as {
      status: string;
    }[];
    expect(admins.map((a) => a.status).sort()).toEqual(['administrator', 'creator']);

    await callBotApi(sandbox, 'getUpdates', {
      offset: -1,
      allowed_updates: ['chat_member', 'message_reaction_count', 'message'],
    });
    await updates();
    const link = (await callBotApi(sandbox, 'createChatInviteLink', { chat_id, name: 'order-1' }))
      .result as { invite_link: string };
    const reader = sandbox.user();
    sandbox.emulator.joinChat(reader.id, chat_id, { inviteLink: link.invite_link });
    channel.react(channel.messages()[0]!.message_id, '🔥', reader.id);
    const got = await updates();
    expect(got[0]?.chat_member).toMatchObject({
      new_chat_member: { status: 'member' },
      invite_link: { name: 'order-1' },
    });
    expect(got[1]?.message_reaction_count).toMatchObject({
      reactions: [{ type: { type: 'emoji', emoji: '🔥' }, total_count: 1 }],
    });
  });
});
