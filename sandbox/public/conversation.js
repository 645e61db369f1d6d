// The conversation pane: header, channel tools, messages, reply keyboard and composer mode.
import { api } from './api.js';
import { canManage, postActions, renderChatTools } from './channel.js';
import {
  addBot,
  click,
  deletePost,
  forward,
  pay,
  payLink,
  react,
  removeBot,
  renewSubscription,
  send,
} from './chat-actions.js';
import { loadCommands } from './commands.js';
import { byId, formatCount, formatDay, h, replace } from './dom.js';
import { renderMessage } from './message.js';
import { attempt } from './notify.js';
import { chatQuery, state } from './state.js';

/** Loads the open chat's messages and renders the pane (scrolled to the newest message). */
export async function loadChat() {
  const ref = state.chat;
  const result = await attempt(() => api.get(`messages?${chatQuery(ref)}`));
  if (!result || state.chat !== ref) return;
  state.chatView = result.chat;
  state.messages = new Map(result.messages.map((m) => [m.message_id, m]));
  renderConversation(true);
  void loadCommands();
}

/** Applies a live `message` event (new/edit/delete) to the open chat. */
export function applyMessageEvent(kind, view, message) {
  state.chatView = view;
  if (kind === 'delete' || message.deleted) state.messages.delete(message.message_id);
  else state.messages.set(message.message_id, message);
  renderConversation(false);
}

/** The name of the bot in the open private chat. */
export const botName = () => state.actors.bots.find((b) => b.id === state.chat?.botId)?.first_name;

function header() {
  const view = state.chatView;
  const isPrivate = view.type === 'private';
  const count =
    view.members.filter((m) => ['creator', 'administrator', 'member'].includes(m.status)).length +
    view.extraMemberCount;
  const sub = isPrivate
    ? 'bot'
    : [
        view.username && `@${view.username}`,
        `${formatCount(count)} ${view.type === 'channel' ? 'subscribers' : 'members'}`,
      ]
        .filter(Boolean)
        .join(' · ');
  return [
    h('h2', {}, isPrivate ? (botName() ?? 'Bot') : view.title),
    h('span', { class: 'sub' }, sub),
  ];
}

const view = () => ({
  me: state.me,
  chat: state.chatView,
  payments: state.payments,
  pending: state.pending,
  userName: (m) => (m.from?.id === state.me ? 'You' : (m.chat.first_name ?? m.from?.first_name)),
  onClick: click,
  onPay: pay,
  onPayLink: payLink,
  onRenew: renewSubscription,
  onReact: react,
  onCommand: (text) => void send({ text }),
  postActions:
    state.chatView.type === 'channel'
      ? (m) =>
          postActions(m, {
            manager: canManage(state.chatView, state.me),
            onReact: react,
            onForward: forward,
            onDelete: deletePost,
          })
      : undefined,
});

/** Re-renders the message list, keeping the scroll position unless at the end. */
export function renderMessages(scrollToEnd) {
  const list = byId('messages');
  const atEnd = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  const shown = [...state.messages.values()]
    .filter((m) => !m.deleted)
    .sort((a, b) => a.message_id - b.message_id);
  const items = [];
  let day = '';
  const v = view();
  for (const message of shown) {
    const thisDay = formatDay(message.date);
    if (thisDay !== day) items.push(h('li', { class: 'day' }, h('span', {}, thisDay)));
    day = thisDay;
    items.push(renderMessage(message, v));
  }
  if (items.length === 0) items.push(h('li', { class: 'hint' }, 'No messages yet.'));
  replace(list, items);
  if (scrollToEnd || atEnd) list.scrollTop = list.scrollHeight;
}

function renderReplyKeyboard() {
  const box = byId('reply-keyboard');
  const rows = state.chatView.replyKeyboard?.keyboard;
  box.hidden = !Array.isArray(rows) || state.chatView.type === 'channel';
  if (box.hidden) return replace(box);
  replace(
    box,
    rows.map((row) =>
      h(
        'div',
        { class: 'kb-row' },
        row.map((button) => {
          const text = typeof button === 'string' ? button : button.text;
          return h('button', { type: 'button', onclick: () => void send({ text }) }, text);
        }),
      ),
    ),
  );
}

/** Scrolls to a message of the open chat and marks it (a post opened from a t.me link). */
export function showLinkedMessage(messageId) {
  const item = byId('messages').querySelector(`li[data-id="${messageId}"]`);
  if (!item) return false;
  item.classList.add('linked');
  item.scrollIntoView({ block: 'center' });
  return true;
}

/** Re-renders the pane from state (`scrollToEnd` after opening a chat). */
export function renderConversation(scrollToEnd) {
  const chat = state.chatView;
  byId('empty').hidden = true;
  byId('chat-header').hidden = false;
  replace(byId('chat-header'), header());
  const tools = byId('channel-tools');
  tools.hidden = chat.type === 'private';
  if (!tools.hidden) {
    renderChatTools(tools, {
      chat,
      me: state.me,
      botId: state.actors.bots[0]?.id,
      onAddBot: addBot,
      onRemoveBot: removeBot,
    });
  }
  const composer = byId('composer');
  const isChannel = chat.type === 'channel';
  composer.hidden = isChannel && !canManage(chat, state.me);
  byId('text').placeholder = isChannel
    ? 'Write a post… (Enter publishes)'
    : 'Write a message… (Enter sends, Shift+Enter: new line)';
  byId('text').setAttribute('aria-label', isChannel ? 'Post' : 'Message');
  renderMessages(scrollToEnd);
  renderReplyKeyboard();
}
