// What you do in the open chat: send, press buttons, pay, react, manage posts and the bot.
import { api } from './api.js';
import { botName, loadChat, renderMessages } from './conversation.js';
import { alertDialog, attempt, showError, toast } from './notify.js';
import { chatBody, state } from './state.js';

let hooks = { onActorsChanged: async () => {} };

/** `onActorsChanged` reloads the actors after membership changes. */
export function initChatActions(options) {
  hooks = { ...hooks, ...options };
}

/** Sends text or a sticker/photo/document as you into the open chat (a post in channels). */
export async function send(content) {
  const ref = state.chat;
  const body = { userId: state.me, ...content };
  const sent = await attempt(() =>
    ref.type === 'channel'
      ? api.post('channel-post', { ...body, channelId: ref.id })
      : api.post('send', { ...body, ...chatBody(ref) }),
  );
  if (sent && state.chat === ref) {
    state.messages.set(sent.message_id, sent);
    renderMessages(true);
  }
  return !!sent;
}

/** Shows a callback answer once (it arrives both as the POST result and as an event). */
export function showAnswer(queryId, answer) {
  if (state.shownAnswers.has(queryId)) return;
  state.shownAnswers.add(queryId);
  if (answer?.error) showError(new Error(answer.error));
  else if (answer?.text && answer.show_alert) alertDialog(answer.text, botName());
  else if (answer?.text) toast(answer.text);
  else if (answer?.url) toast(`The bot answered with a link: ${answer.url}`);
}

export async function click(message, button) {
  const key = `${message.message_id}:${button.callback_data}`;
  const ref = state.chat;
  state.pending.add(key);
  renderMessages(false);
  const result = await attempt(() =>
    api.post('click', {
      userId: state.me,
      ...chatBody(ref),
      messageId: message.message_id,
      data: button.callback_data,
    }),
  );
  state.pending.delete(key);
  if (result) showAnswer(result.queryId, result.answer);
  if (state.chat === ref) renderMessages(false);
}

export async function pay(message) {
  const ref = state.chat;
  const id = message.message_id;
  state.payments.set(id, { pending: true });
  renderMessages(false);
  const result = await attempt(() =>
    api.post('pay', { userId: state.me, ...chatBody(ref), messageId: id }),
  );
  if (result) state.payments.set(id, result);
  else state.payments.delete(id);
  if (state.chat === ref) renderMessages(false);
}

/** Pays an invoice link (createInvoiceLink, e.g. a Stars subscription) as you. */
export async function payLink(link) {
  const result = await attempt(() => api.post('pay', { userId: state.me, link }));
  if (result && !result.ok) toast(`Payment failed: ${result.error}`);
}

/** Telegram's next recurring charge of a Stars subscription (the sandbox's "renew"). */
export async function renewSubscription(chargeId) {
  const result = await attempt(() => api.post('renew-subscription', { chargeId }));
  if (result && !result.ok) toast(`Not renewed: ${result.code.replaceAll('_', ' ')}`);
}

export async function react(message, emoji) {
  await attempt(() =>
    api.post('react', {
      userId: state.me,
      ...chatBody(state.chat),
      messageId: message.message_id,
      emoji,
    }),
  );
}

export async function forward(message) {
  const done = await attempt(() =>
    api.post('forward', {
      userId: state.me,
      channelId: state.chat.id,
      messageId: message.message_id,
    }),
  );
  if (done) toast(`Forwarded to ${state.actors.bots[0]?.first_name ?? 'the bot'}`);
}

export async function deletePost(message) {
  await attempt(() =>
    api.post('delete-post', { channelId: state.chat.id, messageId: message.message_id }),
  );
}

export async function addBot(rights) {
  const ref = state.chat;
  const ok = await attempt(() =>
    api.post('add-bot', { chatId: ref.id, byUserId: state.me, rights }),
  );
  if (ok === undefined) return;
  toast('The bot is an admin now');
  await hooks.onActorsChanged();
  if (state.chat === ref) await loadChat();
}

export async function removeBot() {
  const ref = state.chat;
  const ok = await attempt(() => api.post('remove-bot', { chatId: ref.id, byUserId: state.me }));
  if (ok === undefined) return;
  toast('The bot was removed');
  await hooks.onActorsChanged();
  if (state.chat === ref) await loadChat();
}
