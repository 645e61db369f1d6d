import type { EmulatorActions } from './emulator-actions.js';
import { readJson, sendJson, type RouteHook } from './http-utils.js';
import { renewStarSubscription } from './actions/payments.js';
import type { UserContent } from './actions/user-messages.js';
import { streamEvents } from './event-stream.js';
import { visibleCommands } from './methods/bot-methods.js';
import { chatView, messageView } from './views.js';
import type { Rights, World } from './world.js';

const prefix = '/sandbox/api/';

const num = (v: unknown, name: string): number => {
  const n = typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new Error(`"${name}" must be a number`);
  return n;
};
const optNum = (v: unknown, name: string): number | undefined =>
  v === undefined || v === null || v === '' ? undefined : num(v, name);

const str = (v: unknown, name: string): string => {
  if (typeof v !== 'string' || v.trim() === '')
    throw new Error(`"${name}" must be a non-empty string`);
  return v.trim();
};

function content(body: Record<string, unknown>): UserContent {
  if (typeof body.text === 'string') return body.text;
  if (body.sticker) return { sticker: true };
  if (body.photo)
    return { photo: true, ...(typeof body.caption === 'string' ? { caption: body.caption } : {}) };
  if (body.document) return { document: true };
  throw new Error('send "text", "sticker", "photo" or "document"');
}

type Handler = (body: Record<string, unknown>, url: URL) => unknown;

/** JSON control API for the web page under /sandbox/api/, plus an SSE event stream. */
export function createControlApi(world: World, actions: EmulatorActions): RouteHook {
  const ref = (b: Record<string, unknown>) => ({
    chatId: optNum(b.chatId, 'chatId'),
    botId: optNum(b.botId, 'botId'),
  });
  const get: Record<string, Handler> = {
    actors: () => ({
      bots: [...world.bots.values()].map((b) => b.user),
      users: [...world.users.values()].filter((u) => !u.is_bot),
      chats: [...world.chats.values()]
        .filter((c) => c.type !== 'private')
        .map((c) => chatView(world, c)),
    }),
    commands: (_b, url) => {
      const q = (name: string) => optNum(url.searchParams.get(name) ?? undefined, name);
      const botId = q('bot');
      const bot = botId === undefined ? actions.defaultBot() : world.bots.get(botId);
      if (!bot) throw new Error(`unknown bot ${String(botId)}`);
      const userId = q('user');
      const chatId = q('chat');
      const language = (url.searchParams.get('language') ?? '').slice(0, 2);
      if (userId !== undefined) return visibleCommands(bot, { userId }, language);
      if (chatId !== undefined) return visibleCommands(bot, { chatId }, language);
      throw new Error('pass "user" (a private chat) or "chat" (a group)');
    },
    'inline-queries': (_b, url) => {
      const userId = optNum(url.searchParams.get('user') ?? undefined, 'user');
      return [...world.inlineQueries.values()]
        .filter((q) => userId === undefined || q.userId === userId)
        .map(({ waiters: _waiters, ...q }) => q);
    },
    payments: (_b, url) => {
      const userId = optNum(url.searchParams.get('user') ?? undefined, 'user');
      return world.paymentLog.filter((p) => userId === undefined || p.userId === userId);
    },
    messages: (_b, url) => {
      const chat = actions.chat(
        num(url.searchParams.get('chat'), 'chat'),
        optNum(url.searchParams.get('bot') ?? undefined, 'bot'),
      );
      return {
        chat: chatView(world, chat),
        messages: [...chat.messages.values()].map(messageView),
      };
    },
  };
  const post: Record<string, Handler> = {
    send: (b) =>
      actions.sendMessage(num(b.userId, 'userId'), content(b), {
        ...ref(b),
        replyToMessageId: optNum(b.replyToMessageId, 'replyToMessageId'),
      }),
    click: async (b) => {
      const match = typeof b.data === 'string' ? { data: b.data } : String(b.text);
      const pressed = actions.pressButton(
        num(b.userId, 'userId'),
        num(b.messageId, 'messageId'),
        match,
        ref(b),
      );
      return {
        queryId: pressed.query.id,
        answer: await pressed.answer.catch((e: Error) => ({ error: e.message })),
      };
    },
    'inline-query': async (b) => {
      const sent = actions.inlineQuery(num(b.userId, 'userId'), String(b.query ?? ''), {
        ...(typeof b.offset === 'string' ? { offset: b.offset } : {}),
        ...(typeof b.chatType === 'string' ? { chatType: b.chatType } : {}),
        botId: optNum(b.botId, 'botId'),
      });
      return {
        queryId: sent.query.id,
        answer: await sent.answer.catch((e: Error) => ({ error: e.message })),
      };
    },
    pay: async (b) => {
      const target =
        typeof b.link === 'string'
          ? { link: b.link }
          : { ...ref(b), messageId: num(b.messageId, 'messageId') };
      const result = await actions.payInvoice(num(b.userId, 'userId'), target, {
        lostUpdate: b.lostUpdate === true,
      });
      return result.ok
        ? { ok: true, chargeId: result.value.chargeId, amount: result.value.amount }
        : { ok: false, code: result.code, error: result.detail?.error_message ?? result.code };
    },
    'renew-subscription': (b) => {
      const result = renewStarSubscription(world, str(b.chargeId, 'chargeId'));
      return result.ok
        ? { ok: true, chargeId: result.value.chargeId, expiresAt: result.value.expiresAt }
        : { ok: false, code: result.code };
    },
    'channel-post': (b) =>
      actions.postInChannel(num(b.userId, 'userId'), num(b.channelId, 'channelId'), content(b)),
    'delete-post': (b) =>
      actions.deleteChannelPost(num(b.channelId, 'channelId'), num(b.messageId, 'messageId')),
    'add-bot': (b) =>
      actions.addBotToChat(num(b.chatId, 'chatId'), {
        botId: optNum(b.botId, 'botId'),
        byUserId: optNum(b.byUserId, 'byUserId'),
        rights: (b.rights as Rights | undefined) ?? null,
      }),
    'remove-bot': (b) =>
      actions.removeBotFromChat(num(b.chatId, 'chatId'), {
        botId: optNum(b.botId, 'botId'),
        byUserId: optNum(b.byUserId, 'byUserId'),
      }),
    forward: (b) =>
      actions.sendMessage(
        num(b.userId, 'userId'),
        {
          forwardFrom: {
            chatId: num(b.channelId, 'channelId'),
            messageId: num(b.messageId, 'messageId'),
          },
        },
        { botId: optNum(b.botId, 'botId') },
      ),
    react: (b) =>
      actions.react(
        num(b.userId, 'userId'),
        num(b.chatId, 'chatId'),
        num(b.messageId, 'messageId'),
        String(b.emoji ?? '👍'),
        optNum(b.botId, 'botId'),
      ),
    join: (b) =>
      actions.joinChat(
        num(b.userId, 'userId'),
        num(b.chatId, 'chatId'),
        typeof b.inviteLink === 'string' ? { inviteLink: b.inviteLink } : {},
      ),
    leave: (b) => actions.leaveChat(num(b.userId, 'userId'), num(b.chatId, 'chatId')),
    block: (b) =>
      actions.setBotBlocked(num(b.userId, 'userId'), b.blocked !== false, optNum(b.botId, 'botId')),
    'create-user': (b) =>
      actions.createUser({
        first_name: str(b.firstName, 'firstName'),
        ...(typeof b.username === 'string' ? { username: b.username } : {}),
        language_code: typeof b.languageCode === 'string' ? b.languageCode : 'en',
      }),
    'create-channel': (b) =>
      actions.createChannel({
        title: str(b.title, 'title'),
        ownerId: num(b.ownerId, 'ownerId'),
        ...(typeof b.username === 'string' && b.username !== '' ? { username: b.username } : {}),
        subscribers: optNum(b.subscribers, 'subscribers') ?? 0,
      }),
  };

  return async (req, res, url) => {
    if (!url.pathname.startsWith(prefix)) return false;
    const name = url.pathname.slice(prefix.length);
    if (req.method === 'GET' && name === 'events') {
      streamEvents(world, req, res);
      return true;
    }
    if (req.method === 'GET' && name.startsWith('files/')) {
      const file = world.files.get(decodeURIComponent(name.slice('files/'.length)));
      if (!file) sendJson(res, 404, { error: 'file not found' });
      else {
        res.writeHead(200, { 'content-type': file.mime, 'content-length': file.data.length });
        res.end(file.data);
      }
      return true;
    }
    const handler =
      req.method === 'GET' ? get[name] : req.method === 'POST' ? post[name] : undefined;
    if (!handler) {
      sendJson(res, 404, { error: `no such endpoint: ${req.method ?? ''} ${url.pathname}` });
      return true;
    }
    try {
      const body = req.method === 'POST' ? await readJson(req) : {};
      const result = await handler(body, url);
      sendJson(res, 200, { ok: true, result: result ?? null });
    } catch (error) {
      sendJson(res, 400, { ok: false, error: (error as Error).message });
    }
    return true;
  };
}
