// Channel and group tools: the bot's membership and rights, and per-post actions for managers.
import { h, replace } from './dom.js';
import { memberOf } from './sidebar.js';

const channelRights = [
  ['can_post_messages', 'Post messages', true],
  ['can_edit_messages', 'Edit messages of others', true],
  ['can_delete_messages', 'Delete messages of others', true],
  ['can_invite_users', 'Invite users via link', false],
];
const groupRights = [
  ['can_delete_messages', 'Delete messages', true],
  ['can_pin_messages', 'Pin messages', true],
  ['can_invite_users', 'Invite users via link', true],
  ['can_restrict_members', 'Ban users', false],
];

/** The person may manage this chat (creator, or an admin who may post in a channel). */
export function canManage(chat, me) {
  const member = memberOf(chat, me);
  if (!member) return false;
  if (member.status === 'creator') return true;
  return (
    member.status === 'administrator' &&
    (chat.type !== 'channel' || !!member.rights.can_post_messages)
  );
}

function botStatus(member, rights) {
  if (!member || !['administrator', 'member', 'creator'].includes(member.status)) {
    return 'The bot is not in this chat.';
  }
  if (member.status !== 'administrator') return 'The bot is a member (not an admin).';
  const held = rights
    .filter(([name]) => member.rights[name])
    .map(([, label]) => label.toLowerCase());
  return `The bot is an admin: ${held.length ? held.join(', ') : 'no rights'}.`;
}

/**
 * Fills `container` with the bot's status and, for managers, the rights form with
 * "Add the bot as admin" (or "Save bot rights") and "Remove bot".
 */
export function renderChatTools(container, { chat, me, botId, onAddBot, onRemoveBot }) {
  const rights = chat.type === 'channel' ? channelRights : groupRights;
  const bot = memberOf(chat, botId);
  const isAdmin = bot?.status === 'administrator';
  const status = h('p', { class: 'bot-status' }, botStatus(bot, rights));
  if (!canManage(chat, me)) {
    replace(container, status);
    return;
  }
  const boxes = rights.map(([name, label, byDefault]) =>
    h(
      'label',
      { class: 'right' },
      h('input', {
        type: 'checkbox',
        name,
        checked: isAdmin ? !!bot.rights[name] : byDefault,
      }),
      ` ${label}`,
    ),
  );
  const form = h(
    'form',
    {
      class: 'bot-rights',
      'aria-label': 'Bot admin rights',
      onsubmit: (event) => {
        event.preventDefault();
        const chosen = { can_manage_chat: true };
        for (const box of form.querySelectorAll('input[type=checkbox]')) {
          chosen[box.name] = box.checked;
        }
        onAddBot(chosen);
      },
    },
    h('fieldset', {}, h('legend', {}, 'Bot rights'), boxes),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit' }, isAdmin ? 'Save bot rights' : 'Add the bot as admin'),
      bot &&
        bot.status !== 'left' &&
        bot.status !== 'kicked' &&
        h('button', { type: 'button', class: 'danger', onclick: onRemoveBot }, 'Remove bot'),
    ),
  );
  replace(
    container,
    h(
      'details',
      { open: !isAdmin && chat.type === 'channel' },
      h('summary', {}, status.textContent),
      form,
    ),
  );
}

const quickReactions = ['👍', '❤', '🔥'];

/** Buttons under a channel post: react (anyone), forward to the bot and delete (managers). */
export function postActions(message, { manager, onReact, onForward, onDelete }) {
  if (message.new_chat_members || message.pinned_message) return null;
  const id = message.message_id;
  return h(
    'div',
    { class: 'post-actions' },
    quickReactions.map((emoji) =>
      h(
        'button',
        {
          type: 'button',
          'aria-label': `React with ${emoji} to post ${id}`,
          onclick: () => onReact(message, emoji),
        },
        emoji,
      ),
    ),
    manager && [
      h(
        'button',
        {
          type: 'button',
          'aria-label': `Forward post ${id} to the bot`,
          onclick: () => onForward(message),
        },
        '↪ Forward to bot',
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'danger',
          'aria-label': `Delete post ${id}`,
          onclick: () => onDelete(message),
        },
        '🗑 Delete',
      ),
    ],
  );
}
