import { autoRetry } from '@grammyjs/auto-retry';
import { Api } from 'grammy';
import { afterEach, describe, expect, it } from 'vitest';
import { callBotApi, startSandbox, type Sandbox } from '../helpers/sandbox.js';

describe('flood limits', () => {
  let sandbox: Sandbox;
  afterEach(() => sandbox.close());

  it('answers 429 with retry_after once a private chat gets more than a short burst', async () => {
    sandbox = await startSandbox({ floodLimits: true });
    const user = sandbox.user();
    user.send('/start');
    const results = [];
    for (let i = 0; i < 6; i++)
      results.push(await callBotApi(sandbox, 'sendMessage', { chat_id: user.id, text: `n${i}` }));
    const limited = results.find((r) => !r.ok);
    expect(limited).toMatchObject({ ok: false, error_code: 429, parameters: { retry_after: 1 } });
    expect(limited?.description).toBe('Too Many Requests: retry after 1');
    expect(results.filter((r) => r.ok).length).toBeGreaterThanOrEqual(3);
  });

  it('limits a channel to about 20 posts a minute', async () => {
    sandbox = await startSandbox({ floodLimits: true });
    const chat_id = sandbox.ids.verifyChatId;
    const results = [];
    for (let i = 0; i < 21; i++)
      results.push(await callBotApi(sandbox, 'sendMessage', { chat_id, text: `p${i}` }));
    expect(results.slice(0, 20).every((r) => r.ok)).toBe(true);
    expect(results[20]).toMatchObject({ error_code: 429, parameters: { retry_after: 3 } });
  });

  it('takes scaled limits (a group minute as 6 s), the others unchanged', async () => {
    sandbox = await startSandbox({ floodLimits: { group: { capacity: 20, perSecond: 20 / 6 } } });
    const chat_id = sandbox.ids.verifyChatId;
    const results = [];
    for (let i = 0; i < 21; i++)
      results.push(await callBotApi(sandbox, 'sendMessage', { chat_id, text: `p${i}` }));
    expect(results.slice(0, 20).every((r) => r.ok)).toBe(true);
    expect(results[20]).toMatchObject({ error_code: 429, parameters: { retry_after: 1 } });
    const user = sandbox.user();
    user.send('/start');
    const sent = [];
    for (let i = 0; i < 4; i++)
      sent.push(await callBotApi(sandbox, 'sendMessage', { chat_id: user.id, text: `n${i}` }));
    expect(sent.map((r) => r.ok)).toEqual([true, true, true, false]);
  });

  it('forces the next calls of a method to answer 429 (auto-retry recovers)', async () => {
    sandbox = await startSandbox();
    const user = sandbox.user();
    user.send('/start');
    sandbox.emulator.failNext('sendMessage', 1, 7);
    expect(await callBotApi(sandbox, 'sendMessage', { chat_id: user.id, text: 'x' })).toMatchObject(
      {
        error_code: 429,
        description: 'Too Many Requests: retry after 7',
        parameters: { retry_after: 7 },
      },
    );
    sandbox.emulator.failNext('sendMessage', 2, 0);
    const api = new Api(sandbox.token, { apiRoot: sandbox.apiRoot });
    api.config.use(autoRetry());
    expect((await api.sendMessage(user.id, 'retried')).text).toBe('retried');
  });
});
