// The left column: who you are (radio buttons) and that person's chats.
import { formatCount, h, replace } from './dom.js';

const present = (status) => ['creator', 'administrator', 'member'].includes(status);

/** Member record of `userId` in a chat view, if any. */
export const memberOf = (chat, userId) => chat.members.find((m) => m.userId === userId);

/** The chats a person sees: a private chat per bot, groups they are in, channels they follow. */
export function chatsOf(actors, me) {
  const bots = actors.bots.map((bot) => ({
    ref: { type: 'private', id: me, botId: bot.id },
    title: bot.first_name,
    subtitle: `@${bot.username} · bot`,
  }));
  const others = actors.chats
    .filter((chat) => present(memberOf(chat, me)?.status))
    .map((chat) => {
      const status = memberOf(chat, me).status;
      const role = status === 'creator' ? 'owner' : status === 'administrator' ? 'admin' : '';
      const count = chat.members.filter((m) => present(m.status)).length + chat.extraMemberCount;
      const kind = chat.type === 'channel' ? 'channel' : 'group';
      const noun = chat.type === 'channel' ? 'subscribers' : 'members';
      return {
        ref: { type: chat.type, id: chat.id },
        title: chat.title,
        subtitle: [kind, role, `${formatCount(count)} ${noun}`].filter(Boolean).join(' · '),
      };
    });
  return [...bots, ...others];
}

/** Same chat? Private chats are told apart by bot, others by id. */
export const sameChat = (a, b) =>
  !!a && !!b && a.id === b.id && (a.type !== 'private' || a.botId === b.botId);

/** Key for unread counters. */
export const chatKey = (ref) => (ref.type === 'private' ? `p:${ref.botId}:${ref.id}` : `${ref.id}`);

const initials = (title) =>
  title
    .replace(/\(.*\)/, '')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => [...w][0])
    .join('')
    .toUpperCase();

/** Radio buttons, one per user; `onPick(userId)` when another is chosen. */
export function renderUsers(container, users, me, onPick) {
  replace(
    container,
    users.map((user) =>
      h(
        'label',
        { class: `user${user.id === me ? ' selected' : ''}` },
        h('input', {
          type: 'radio',
          name: 'actor',
          value: user.id,
          checked: user.id === me,
          'aria-label': user.first_name,
          onchange: () => onPick(user.id),
        }),
        h('span', { class: 'avatar', 'aria-hidden': 'true' }, initials(user.first_name)),
        h(
          'span',
          { class: 'who' },
          h('span', { class: 'name' }, user.first_name),
          h(
            'span',
            { class: 'sub' },
            [user.username && `@${user.username}`, user.language_code].filter(Boolean).join(' · '),
          ),
        ),
      ),
    ),
  );
}

/** The chat list; `unread` maps chatKey → count. */
export function renderChats(container, chats, current, unread, onOpen) {
  if (chats.length === 0) {
    replace(container, h('li', { class: 'hint' }, 'Choose who you are first.'));
    return;
  }
  replace(
    container,
    chats.map((chat) => {
      const count = unread.get(chatKey(chat.ref)) ?? 0;
      return h(
        'li',
        {},
        h(
          'button',
          {
            type: 'button',
            class: 'chat',
            'aria-current': sameChat(chat.ref, current) ? 'true' : undefined,
            onclick: () => onOpen(chat.ref),
          },
          h(
            'span',
            { class: `avatar ${chat.ref.type}`, 'aria-hidden': 'true' },
            initials(chat.title),
          ),
          h(
            'span',
            { class: 'who' },
            h('span', { class: 'name' }, chat.title),
            h('span', { class: 'sub' }, chat.subtitle),
          ),
          count > 0 && h('span', { class: 'badge', title: `${count} unread` }, String(count)),
        ),
      );
    }),
  );
}
