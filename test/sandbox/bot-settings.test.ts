import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callBotApi, startSandbox, type Sandbox } from '../helpers/sandbox.js';

describe('bot settings and invite links', () => {
  let sandbox: Sandbox;
  beforeEach(async () => {
    sandbox = await startSandbox();
  });
  afterEach(() => sandbox.close());

  it('keeps commands per scope and language', async () => {
    const ru = { commands: [{ command: 'start', description: 'Начать' }], language_code: 'ru' };
    expect((await callBotApi(sandbox, 'setMyCommands', ru)).ok).toBe(true);
    const admins = {
      commands: [{ command: 'stats', description: 'Stats' }],
      scope: { type: 'chat', chat_id: sandbox.ids.adminChatId },
    };
    expect((await callBotApi(sandbox, 'setMyCommands', admins)).ok).toBe(true);
    expect((await callBotApi(sandbox, 'getMyCommands', { language_code: 'ru' })).result).toEqual(
      ru.commands,
    );
    expect((await callBotApi(sandbox, 'getMyCommands')).result).toEqual([]);
    expect((await callBotApi(sandbox, 'getMyCommands', { scope: admins.scope })).result).toEqual(
      admins.commands,
    );
    expect(
      (
        await callBotApi(sandbox, 'setMyCommands', {
          commands: [{ command: 'Start', description: 'x' }],
        })
      ).description,
    ).toBe('Bad Request: BOT_COMMAND_INVALID');
    expect(
      (await callBotApi(sandbox, 'setMyCommands', { commands: [], scope: { type: 'everyone' } }))
        .description,
    ).toMatch(/^Bad Request: unsupported BotCommandScope type "everyone"/);
    const menu = async (query: string) =>
      (
        (await (await fetch(`${sandbox.apiRoot}/sandbox/api/commands?${query}`)).json()) as {
          result: unknown;
        }
      ).result;
    expect(await menu(`user=${sandbox.ids.ownerId}&language=ru`)).toEqual(ru.commands);
    expect(await menu(`user=${sandbox.ids.advertiserId}&language=en`)).toEqual([]);
    expect(await menu(`chat=${sandbox.ids.adminChatId}`)).toEqual(admins.commands);
    expect((await callBotApi(sandbox, 'deleteMyCommands', { language_code: 'ru' })).ok).toBe(true);
    expect((await callBotApi(sandbox, 'getMyCommands', { language_code: 'ru' })).result).toEqual(
      [],
    );
  });

  it('keeps the bot profile and manages invite links', async () => {
    const ru = { description: 'Реклама в каналах', language_code: 'ru' };
    expect((await callBotApi(sandbox, 'setMyDescription', ru)).ok).toBe(true);
    expect((await callBotApi(sandbox, 'getMyDescription', { language_code: 'ru' })).result).toEqual(
      {
        description: 'Реклама в каналах',
      },
    );
    expect((await callBotApi(sandbox, 'getMyName')).result).toEqual({ name: '' });
    const chat_id = sandbox.ids.adminChatId;
    const primary = (await callBotApi(sandbox, 'exportChatInviteLink', { chat_id })).result;
    expect(primary).toMatch(/^https:\/\/t\.me\/\+/);
    const link = (await callBotApi(sandbox, 'createChatInviteLink', { chat_id, name: 'a' }))
      .result as {
      invite_link: string;
    };
    const edited = await callBotApi(sandbox, 'editChatInviteLink', {
      chat_id,
      invite_link: link.invite_link,
      member_limit: 5,
    });
    expect(edited.result).toMatchObject({ name: 'a', member_limit: 5, is_revoked: false });
    const revoked = await callBotApi(sandbox, 'revokeChatInviteLink', {
      chat_id,
      invite_link: link.invite_link,
    });
    expect(revoked.result).toMatchObject({ is_revoked: true });
    expect(() =>
      sandbox.emulator.joinChat(sandbox.ids.ownerId, chat_id, { inviteLink: link.invite_link }),
    ).toThrow(/revoked/);
    const once = (await callBotApi(sandbox, 'createChatInviteLink', { chat_id, member_limit: 1 }))
      .result as { invite_link: string };
    sandbox.emulator.joinChat(sandbox.ids.ownerId, chat_id, { inviteLink: once.invite_link });
    expect(() =>
      sandbox.emulator.joinChat(sandbox.ids.advertiserId, chat_id, {
        inviteLink: once.invite_link,
      }),
    ).toThrow(/member limit/);
  });
});
