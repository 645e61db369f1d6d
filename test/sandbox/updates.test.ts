import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callBotApi, startSandbox, type Sandbox } from '../helpers/sandbox.js';

type Update = { update_id: number; message?: { text?: string } } & Record<string, unknown>;

describe('getUpdates and webhooks', () => {
  let sandbox: Sandbox;
  beforeEach(async () => {
    sandbox = await startSandbox({ webhookRetryMs: 50 });
  });
  afterEach(() => sandbox.close());

  const poll = async (params: Record<string, unknown>, signal?: AbortSignal) =>
    callBotApi(sandbox, 'getUpdates', params, signal ? { signal } : {});

  it('terminates a long poll when a second getUpdates arrives (409 Conflict)', async () => {
    const first = poll({ timeout: 5 });
    await new Promise((r) => setTimeout(r, 50));
    const second = poll({ timeout: 0 });
    expect(await first).toEqual({
      ok: false,
      error_code: 409,
      description:
        'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
    });
    expect((await second).ok).toBe(true);
  });

  it('long-polls until an update arrives', async () => {
    const pending = poll({ timeout: 5 });
    await new Promise((r) => setTimeout(r, 50));
    sandbox.user().send('wake up');
    const got = await pending;
    expect((got.result as Update[]).map((u) => u.message?.text)).toEqual(['wake up']);
  });

  it('redelivers updates until they are confirmed by offset', async () => {
    const user = sandbox.user();
    user.send('one');
    user.send('two');
    const first = (await poll({})).result as Update[];
    expect(first.map((u) => u.message?.text)).toEqual(['one', 'two']);
    const again = (await poll({ limit: 1 })).result as Update[];
    expect(again.map((u) => u.update_id)).toEqual([first[0]?.update_id]);
    const next = (await poll({ offset: (first[0]?.update_id ?? 0) + 1 })).result as Update[];
    expect(next.map((u) => u.message?.text)).toEqual(['two']);
    expect((await poll({ offset: (first[1]?.update_id ?? 0) + 1 })).result).toEqual([]);
    expect((await poll({})).result).toEqual([]);
  });

  it('leaves chat_member out unless allowed_updates asks for it', async () => {
    const channel = sandbox.owner().channel(sandbox.ids.demoChannelId);
    channel.addBot({ can_post_messages: true, can_invite_users: true });
    sandbox.emulator.joinChat(sandbox.user().id, sandbox.ids.demoChannelId);
    const kinds = ((await poll({})).result as Update[]).map((u) =>
      Object.keys(u).find((k) => k !== 'update_id'),
    );
    expect(kinds).toEqual(['my_chat_member']);
    await poll({ offset: -1, limit: 1, allowed_updates: ['chat_member', 'message'] });
    await poll({ offset: 1e12 });
    sandbox.emulator.joinChat(sandbox.user().id, sandbox.ids.demoChannelId);
    const next = (await poll({})).result as Update[];
    expect(next.map((u) => Object.keys(u)[1])).toEqual(['chat_member']);
  });

  it('delivers to a webhook with the secret header, retries failures, and blocks getUpdates', async () => {
    const received: { secret: string | undefined; body: Update }[] = [];
    let failFirst = true;
    const server = createServer((req: IncomingMessage, res) => {
      let data = '';
      req.on('data', (c: Buffer) => (data += c.toString()));
      req.on('end', () => {
        if (failFirst) {
          failFirst = false;
          res.writeHead(500).end();
          return;
        }
        received.push({
          secret: req.headers['x-telegram-bot-api-secret-token'] as string | undefined,
          body: JSON.parse(data) as Update,
        });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    try {
      const set = await callBotApi(sandbox, 'setWebhook', {
        url: `http://127.0.0.1:${port}/hook`,
        secret_token: 'S3cret_token',
      });
      expect(set).toEqual({ ok: true, result: true });
      expect(await poll({})).toMatchObject({
        ok: false,
        error_code: 409,
        description:
          "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      });
      sandbox.user().send('via webhook');
      await vi.waitFor(() => expect(received).toHaveLength(1), { timeout: 5000 });
      expect(received[0]?.secret).toBe('S3cret_token');
      expect(received[0]?.body.message?.text).toBe('via webhook');
      const info = (await callBotApi(sandbox, 'getWebhookInfo')).result as Record<string, unknown>;
      expect(info).toMatchObject({ url: `http://127.0.0.1:${port}/hook`, pending_update_count: 0 });
      expect(info.last_error_message).toMatch(/Wrong response from the webhook: 500/);
      expect((await callBotApi(sandbox, 'deleteWebhook')).ok).toBe(true);
      expect((await poll({})).ok).toBe(true);
    } finally {
      server.close();
    }
  });
});
