import { Bot, InlineKeyboard } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../helpers/sandbox.js';

describe('a real grammY bot polling the emulator', () => {
  let sandbox: Sandbox;
  let bot: Bot;

  beforeEach(async () => {
    sandbox = await startSandbox();
    bot = new Bot(sandbox.token, { client: { apiRoot: sandbox.apiRoot } });
    bot.command('start', (ctx) =>
      ctx.reply(`Hello, <b>${ctx.from?.first_name ?? ''}</b>!`, {
        parse_mode: 'HTML',
        reply_markup: new InlineKeyboard().text('Ping', 'demo:ping').text('Edit me', 'demo:edit'),
      }),
    );
    bot.callbackQuery('demo:ping', (ctx) => ctx.answerCallbackQuery({ text: 'pong' }));
    bot.callbackQuery('demo:edit', async (ctx) => {
      await ctx.editMessageText('Edited');
      await ctx.answerCallbackQuery();
    });
    bot.on('message:text', (ctx) => ctx.reply(`echo: ${ctx.message.text}`));
    void bot.start({ drop_pending_updates: false });
  });

  afterEach(async () => {
    await bot.stop();
    await sandbox.close();
  });

  it('replies to a scripted user, with HTML entities and buttons', async () => {
    const user = sandbox.user({ first_name: 'Mia' });
    user.send('/start');
    const hello = await user.waitForMessage(/Hello/);
    expect(hello.text).toBe('Hello, Mia!');
    expect(hello.entities).toEqual([{ type: 'bold', offset: 7, length: 3 }]);
    expect(await user.click('Ping')).toEqual({ text: 'pong' });
    await user.click('Edit me');
    expect(user.botMessages().find((m) => m.message_id === hello.message_id)?.text).toBe('Edited');
    user.send('hi there');
    expect((await user.waitForMessage()).text).toBe('echo: hi there');
  });

  it('explains a missing message by listing what the bot did send', async () => {
    const user = sandbox.user();
    user.send('/start');
    await expect(user.waitForMessage('Goodbye', { timeoutMs: 300 })).rejects.toThrow(
      /No bot message matching Goodbye[\s\S]*Hello, Tester 1![\s\S]*\[Ping\]/,
    );
  });
});
