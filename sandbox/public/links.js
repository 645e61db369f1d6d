// t.me links to the sandbox's bot and chats open here, as Telegram opens them in the app.
import { byId, h, replace } from './dom.js';

const telegramHosts = new Set(['t.me', 'telegram.me', 'www.t.me', 'telegram.dog']);
const same = (a, b) => !!a && !!b && a.toLowerCase() === b.toLowerCase();

/**
 * What a link points at in the sandbox world, or null for anything else (opened as usual):
 * `{kind: 'bot', bot, start?, startChannel}` for t.me/<bot>[?start=…|?startchannel],
 * `{kind: 'chat', chat, messageId?}` for t.me/<channel>[/<post>] and t.me/c/<id>/<post>.
 */
export function linkTarget(href, actors) {
  let url;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (!telegramHosts.has(url.hostname)) return null;
  const [first, second, third] = url.pathname.split('/').filter(Boolean);
  if (!first) return null;
  if (first === 'c' && /^\d+$/.test(second ?? '')) {
    const chat = actors.chats.find((c) => c.id === Number(`-100${second}`));
    return chat ? { kind: 'chat', chat, messageId: Number(third) || undefined } : null;
  }
  const bot = actors.bots.find((b) => same(b.username, first));
  if (bot) {
    return {
      kind: 'bot',
      bot,
      start: url.searchParams.get('start') ?? undefined,
      startChannel: url.searchParams.has('startchannel'),
    };
  }
  const chat = actors.chats.find((c) => same(c.username, first));
  return chat ? { kind: 'chat', chat, messageId: Number(second) || undefined } : null;
}

/**
 * Telegram's "choose a channel" sheet for t.me/<bot>?startchannel: the channels you may add the bot
 * to. Resolves with the chosen one, or null when closed.
 */
export function chooseChannel(channels, botUsername) {
  const dialog = byId('pick-chat');
  byId('pick-chat-title').textContent = `Add @${botUsername} to a channel`;
  return new Promise((resolve) => {
    const pick = (chat) => {
      dialog.close();
      resolve(chat);
    };
    replace(
      byId('pick-chat-list'),
      channels.length === 0
        ? h('li', { class: 'hint' }, 'You manage no channel here yet.')
        : channels.map((chat) =>
            h('li', {}, h('button', { type: 'button', onclick: () => pick(chat) }, chat.title)),
          ),
    );
    dialog.addEventListener('close', () => resolve(null), { once: true });
    dialog.showModal();
  });
}
