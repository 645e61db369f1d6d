// One message as a Telegram-like bubble: media, formatted text, invoice, reactions, keyboard.
import { formatCount, formatTime, h, safeUrl } from './dom.js';
import { media } from './media.js';
import { renderEntities } from './text.js';

function senderName(message) {
  if (message.sender_chat) return message.sender_chat.title;
  const from = message.from;
  return from ? [from.first_name, from.last_name].filter(Boolean).join(' ') : '';
}

const stars = (n) => `${formatCount(n)} ⭐`;

/** Service messages (joins, pins, payments…) as one line of text, or null for a normal message. */
export function serviceText(message, userName) {
  if (message.new_chat_members) {
    return `${message.new_chat_members.map((u) => u.first_name).join(', ')} joined`;
  }
  if (message.left_chat_member) return `${message.left_chat_member.first_name} left`;
  if (message.pinned_message) return `${senderName(message)} pinned a message`;
  if (message.successful_payment) {
    const p = message.successful_payment;
    const paid = `✅ ${userName} paid ${p.currency === 'XTR' ? stars(p.total_amount) : p.total_amount}`;
    if (!p.subscription_expiration_date) return paid;
    const until = new Date(p.subscription_expiration_date * 1000).toLocaleDateString();
    return `${paid} · subscription${p.is_first_recurring === false ? ' renewed' : ''} until ${until}`;
  }
  if (message.refunded_payment) {
    return `↩ Refunded ${stars(message.refunded_payment.total_amount)} to ${userName}`;
  }
  if (message.new_chat_title) return `Title changed to «${message.new_chat_title}»`;
  if (message.group_chat_created || message.supergroup_chat_created) return 'Group created';
  if (message.channel_chat_created) return 'Channel created';
  return null;
}

function invoiceCard(message, view) {
  const invoice = message.invoice;
  const outcome = view.payments.get(message.message_id);
  const amount = invoice.currency === 'XTR' ? stars(invoice.total_amount) : invoice.total_amount;
  return h(
    'div',
    { class: 'invoice' },
    h('strong', {}, invoice.title),
    h('p', {}, invoice.description),
    outcome?.pending
      ? h('p', { class: 'invoice-status' }, 'Paying…')
      : outcome?.ok
        ? h('p', { class: 'invoice-status ok' }, `Paid ${stars(outcome.amount)} ✓`)
        : [
            outcome &&
              h('p', { class: 'invoice-status failed' }, `Payment failed: ${outcome.error}`),
            h(
              'button',
              { type: 'button', class: 'pay', onclick: () => view.onPay(message) },
              `Pay ${amount}`,
            ),
          ],
  );
}

function keyboardButton(message, button, view) {
  if (typeof button.url === 'string' && button.url.startsWith('https://t.me/$')) {
    // An invoice link (createInvoiceLink): paid right here, as Telegram opens it in the app.
    return h(
      'button',
      { type: 'button', class: 'kb-button', onclick: () => view.onPayLink(button.url) },
      `${button.text} ⭐`,
    );
  }
  const url = button.url ? safeUrl(button.url) : null;
  if (url) {
    return h(
      'a',
      { class: 'kb-button', href: url, target: '_blank', rel: 'noopener noreferrer' },
      `${button.text} ↗`,
    );
  }
  if (button.callback_data !== undefined) {
    const busy = view.pending.has(`${message.message_id}:${button.callback_data}`);
    return h(
      'button',
      {
        type: 'button',
        class: 'kb-button',
        'aria-busy': busy ? 'true' : undefined,
        disabled: busy,
        onclick: () => view.onClick(message, button),
      },
      button.text,
    );
  }
  if (button.copy_text) {
    return h(
      'button',
      {
        type: 'button',
        class: 'kb-button',
        onclick: () => navigator.clipboard?.writeText(button.copy_text.text),
      },
      `${button.text} ⧉`,
    );
  }
  return h(
    'button',
    { type: 'button', class: 'kb-button', disabled: true, title: 'Not supported by the sandbox' },
    button.text,
  );
}

function keyboard(message, view) {
  const rows = (message.reply_markup?.inline_keyboard ?? [])
    .map((row) => row.filter((b) => !(b.pay && message.invoice)))
    .filter((row) => row.length > 0);
  if (rows.length === 0) return null;
  return h(
    'div',
    { class: 'inline-keyboard', role: 'group', 'aria-label': 'Inline keyboard' },
    rows.map((row) =>
      h(
        'div',
        { class: 'kb-row' },
        row.map((b) => keyboardButton(message, b, view)),
      ),
    ),
  );
}

function reactions(message, view) {
  const counts = Object.entries(message.reactions ?? {}).filter(([, n]) => n > 0);
  if (counts.length === 0) return null;
  return h(
    'div',
    { class: 'reactions' },
    counts.map(([emoji, n]) =>
      h(
        'button',
        {
          type: 'button',
          class: 'reaction',
          'aria-label': `React with ${emoji} (${n})`,
          onclick: () => view.onReact(message, emoji),
        },
        `${emoji} ${n}`,
      ),
    ),
  );
}

/** The `<li>` for one message; `view` carries the viewer, the chat and the action callbacks. */
export function renderMessage(message, view) {
  const service = serviceText(message, view.userName(message));
  if (service) {
    const recurring = message.successful_payment?.subscription_expiration_date;
    return h(
      'li',
      { class: 'service' },
      h('span', {}, service),
      recurring &&
        h(
          'button',
          {
            type: 'button',
            class: 'kb-button',
            title: "Telegram's next monthly charge of this Stars subscription",
            onclick: () => view.onRenew(message.successful_payment.telegram_payment_charge_id),
          },
          '↻ Renew',
        ),
    );
  }
  const isChannel = view.chat.type === 'channel';
  const outgoing = !isChannel && message.from?.id === view.me;
  const showSender = !outgoing && (isChannel || view.chat.type !== 'private');
  const text = message.text ?? message.caption;
  const entities = message.text !== undefined ? message.entities : message.caption_entities;
  const origin = message.forward_origin;
  const pinned = view.chat.pinned?.includes(message.message_id);
  const attached = media(message);
  const bubble = h(
    'div',
    { class: 'bubble' },
    showSender && h('div', { class: 'sender' }, senderName(message)),
    origin &&
      h(
        'div',
        { class: 'forwarded' },
        `Forwarded from ${origin.chat?.title ?? origin.sender_user?.first_name ?? 'someone'}`,
      ),
    message.reply_to_message &&
      h(
        'div',
        { class: 'reply-quote' },
        message.reply_to_message.text ?? message.reply_to_message.caption ?? 'Message',
      ),
    attached,
    text !== undefined &&
      h('div', { class: 'text' }, renderEntities(text, entities, view.onCommand)),
    message.invoice && invoiceCard(message, view),
    !text && !attached && !message.invoice && h('div', { class: 'unsupported' }, 'Message'),
    reactions(message, view),
    h(
      'div',
      { class: 'meta' },
      pinned && h('span', { class: 'pinned', title: 'Pinned' }, '📌 pinned'),
      message.edit_date && h('span', {}, 'edited'),
      h('time', {}, formatTime(message.date)),
    ),
  );
  return h(
    'li',
    {
      class: `message ${outgoing ? 'out' : 'in'}${isChannel ? ' post' : ''}`,
      dataset: { id: message.message_id },
    },
    bubble,
    keyboard(message, view),
    view.postActions?.(message),
  );
}
