// Entry point: loads the actors, wires the sidebar, the composer, the clock and live events.
import { api, subscribe } from './api.js';
import { startClock } from './clock.js';
import { initChatActions, send, showAnswer } from './chat-actions.js';
import { canManage } from './channel.js';
import { applyMessageEvent, loadChat, showLinkedMessage } from './conversation.js';
import { byId, formatCount } from './dom.js';
import { chooseChannel, linkTarget } from './links.js';
import { attempt, showError, toast } from './notify.js';
import { startPartner } from './partner.js';
import { chatKey, chatsOf, renderChats, renderUsers, sameChat } from './sidebar.js';
import { refOfView, state } from './state.js';

function renderSidebar() {
  renderUsers(byId('users'), state.actors.users, state.me, pickUser);
  const chats = state.me === null ? [] : chatsOf(state.actors, state.me);
  renderChats(byId('chats'), chats, state.chat, state.unread, openChat);
}

async function loadActors() {
  const actors = await attempt(() => api.get('actors'));
  if (!actors) return;
  state.actors = actors;
  renderSidebar();
}

function saveLocation() {
  const chat = state.chat;
  const chatPart = chat ? `&chat=${chat.type}:${chat.id}${chat.botId ? `:${chat.botId}` : ''}` : '';
  history.replaceState(null, '', `#user=${state.me}${chatPart}`);
}

async function openChat(ref) {
  state.chat = ref;
  state.payments = new Map();
  state.pending = new Set();
  state.unread.delete(chatKey(ref));
  document.body.classList.add('in-chat');
  byId('back').hidden = false;
  saveLocation();
  renderSidebar();
  await loadChat();
  byId('text').focus();
}

function pickUser(userId) {
  state.me = userId;
  state.unread = new Map();
  const first = chatsOf(state.actors, userId)[0];
  if (first) void openChat(first.ref);
  else renderSidebar();
}

/** Is this chat one of yours (so an unseen message counts as unread)? */
function isMine(ref) {
  return chatsOf(state.actors, state.me).some((c) => sameChat(c.ref, ref));
}

function onMessage({ kind, chat, message }) {
  const ref = refOfView(chat);
  if (ref.type !== 'private') {
    const index = state.actors.chats.findIndex((c) => c.id === chat.id);
    if (index >= 0) state.actors.chats[index] = chat;
  }
  if (state.me === null) return;
  if (sameChat(ref, state.chat)) {
    applyMessageEvent(kind, chat, message);
    return;
  }
  if (kind === 'new' && message.from?.id !== state.me && isMine(ref)) {
    const key = chatKey(ref);
    state.unread.set(key, (state.unread.get(key) ?? 0) + 1);
  }
  renderSidebar();
}

function onPayment(event) {
  if (event.userId !== state.me) return;
  const amount = `${formatCount(event.amount ?? 0)} ⭐`;
  if (event.kind === 'succeeded') toast(`Payment of ${amount} succeeded`, 'ok');
  else if (event.kind === 'refunded') toast(`${amount} refunded to you`, 'ok');
  else toast(`Payment failed: ${event.error ?? 'declined'}`, 'error');
}

/** Follows a t.me link inside the page: the bot's chat (with /start <payload>), a channel, a post. */
async function followLink(target) {
  if (target.kind === 'chat') {
    await openChat({ type: target.chat.type, id: target.chat.id });
    if (target.messageId && !showLinkedMessage(target.messageId)) {
      toast('That post is not in the channel (deleted?)', 'error');
    }
    return;
  }
  if (target.startChannel) {
    const mine = state.actors.chats.filter((c) => c.type === 'channel' && canManage(c, state.me));
    const chosen = await chooseChannel(mine, target.bot.username);
    // The channel's bot panel: tick the rights and press «Add the bot as admin».
    if (chosen) await openChat({ type: 'channel', id: chosen.id });
    return;
  }
  await openChat({ type: 'private', id: state.me, botId: target.bot.id });
  if (target.start) await send({ text: `/start ${target.start}` });
}

/** Clicks on t.me links to the sandbox's bot or chats stay in the page instead of a failing tab. */
function wireTelegramLinks() {
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!link || state.me === null) return;
    const target = linkTarget(link.href, state.actors);
    if (!target) return;
    event.preventDefault();
    followLink(target).catch(showError);
  });
}

function wireComposer() {
  const text = byId('text');
  const composer = byId('composer');
  const grow = () => {
    text.style.height = 'auto';
    text.style.height = `${Math.min(text.scrollHeight, 160)}px`;
  };
  text.addEventListener('input', grow);
  text.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      composer.requestSubmit();
    }
  });
  composer.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = text.value.trim();
    if (!value || !state.chat) return;
    text.value = '';
    grow();
    if (!(await send({ text: value }))) text.value = value;
  });
  for (const button of composer.querySelectorAll('.quick button')) {
    button.addEventListener('click', () => void send({ [button.dataset.kind]: true }));
  }
  const toggle = byId('commands-toggle');
  const showCommands = (open) => {
    byId('commands-list').hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
  };
  toggle.addEventListener('click', () => showCommands(byId('commands-list').hidden));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') showCommands(false);
  });
  document.addEventListener('click', (event) => {
    if (!byId('commands').contains(event.target)) showCommands(false);
  });
  byId('back').addEventListener('click', () => {
    document.body.classList.remove('in-chat');
    byId('back').hidden = true;
  });
}

function restoreLocation() {
  const params = new URLSearchParams(location.hash.slice(1));
  const me = Number(params.get('user'));
  if (!state.actors.users.some((u) => u.id === me)) return false;
  state.me = me;
  const [type, id, botId] = (params.get('chat') ?? '').split(':');
  const ref = { type, id: Number(id), ...(botId ? { botId: Number(botId) } : {}) };
  const known = chatsOf(state.actors, me).find((c) => sameChat(c.ref, ref));
  if (known) void openChat(known.ref);
  else pickUser(me);
  return true;
}

async function main() {
  initChatActions({ onActorsChanged: loadActors });
  wireComposer();
  wireTelegramLinks();
  await loadActors();
  if (!restoreLocation()) renderSidebar();
  let wasLive = false;
  subscribe(
    {
      message: onMessage,
      callback_answer: (e) => {
        if (e.userId === state.me) showAnswer(e.queryId, e.answer);
      },
      payment: onPayment,
    },
    async (status) => {
      const live = byId('live');
      live.textContent = status === 'live' ? '● live' : 'reconnecting…';
      live.className = `live ${status}`;
      if (status === 'live' && wasLive) {
        // Catch up on what happened while the stream was down.
        await loadActors();
        if (state.chat) await loadChat();
      }
      if (status === 'live') wasLive = true;
    },
  );
  startPartner();
  await startClock();
}

main().catch(showError);
