import { EventEmitter } from 'node:events';
import type { Clock } from '../models/clock.js';
import type { ApiChat, ApiMessage, ApiUser } from './types.js';
import { createUpdateQueue, type UpdateQueue } from './updates.js';
import type { FileRecord } from './files.js';
import type {
  CallbackState,
  ChargeState,
  InlineQueryState,
  PaymentLogEntry,
  PreCheckoutState,
  StarTransaction,
} from './store.js';

/** Administrator rights, as in ChatAdministratorRights. */
export const adminRightNames = [
  'is_anonymous',
  'can_manage_chat',
  'can_delete_messages',
  'can_manage_video_chats',
  'can_restrict_members',
  'can_promote_members',
  'can_change_info',
  'can_invite_users',
  'can_post_stories',
  'can_edit_stories',
  'can_delete_stories',
  'can_post_messages',
  'can_edit_messages',
  'can_pin_messages',
  'can_manage_topics',
  'can_manage_direct_messages',
] as const;
export type AdminRight = (typeof adminRightNames)[number];
export type Rights = Partial<Record<AdminRight, boolean>>;

export type MemberStatus = 'creator' | 'administrator' | 'member' | 'left' | 'kicked';
export interface Member {
  status: MemberStatus;
  rights: Rights;
}

export interface StoredMessage {
  message: ApiMessage;
  deleted: boolean;
  byBotId: number | null;
  reactions: Map<string, number>;
}

export interface InviteLink {
  invite_link: string;
  creator: ApiUser;
  creates_join_request: boolean;
  is_primary: boolean;
  is_revoked: boolean;
  name?: string;
  expire_date?: number;
  member_limit?: number;
  /** Internal: how many joined through this link (not part of ChatInviteLink). */
  joined?: number;
}

/** The ChatInviteLink object the Bot API shows (without the sandbox's own counters). */
export function publicLink(link: InviteLink): Omit<InviteLink, 'joined'> {
  const { joined: _joined, ...shown } = link;
  return shown;
}

export interface ChatState {
  key: string;
  id: number;
  type: ApiChat['type'];
  title?: string;
  username?: string;
  description?: string;
  /** Private chats only: the user and the bot this conversation is between. */
  userId?: number;
  botId?: number;
  started: boolean;
  blocked: boolean;
  members: Map<number, Member>;
  /** Subscribers/members counted but not modelled as users (big demo channels). */
  extraMemberCount: number;
  messages: Map<number, StoredMessage>;
  nextMessageId: number;
  pinned: number[];
  inviteLinks: Map<string, InviteLink>;
  /** The reply keyboard the bot last sent (private chats and groups), for the page. */
  replyKeyboard?: Record<string, unknown>;
}

export interface BotState {
  user: ApiUser;
  token: string;
  commands: Map<string, unknown[]>;
  menuButtons: Map<string, unknown>;
  /** Name, descriptions per language, default administrator rights. */
  profile: Map<string, unknown>;
  updates: UpdateQueue;
  forcedErrors: Map<string, { count: number; retryAfter: number }>;
}

export interface World {
  /** Dates messages and updates; replaceable (e.g. by the platform's test clock once it exists). */
  clock: Clock;
  events: EventEmitter;
  users: Map<number, ApiUser>;
  bots: Map<number, BotState>;
  botsByToken: Map<string, BotState>;
  chats: Map<string, ChatState>;
  files: Map<string, FileRecord>;
  filesByPath: Map<string, FileRecord>;
  callbacks: Map<string, CallbackState>;
  /** Inline queries users typed (`@bot …`) and the bot's answers; like callbacks, not persisted. */
  inlineQueries: Map<string, InlineQueryState>;
  preCheckouts: Map<string, PreCheckoutState>;
  invoiceLinks: Map<string, { botId: number; invoice: Record<string, unknown> }>;
  charges: Map<string, ChargeState>;
  starTransactions: Map<number, StarTransaction[]>;
  paymentLog: PaymentLogEntry[];
  /** How long a callback query may wait for its answer (Telegram: ~15 s). */
  callbackTtlMs: number;
  /** How long a pre-checkout query waits for answerPreCheckoutQuery (Telegram: 10 s). */
  preCheckoutTimeoutMs: number;
  /** Last id handed out per kind (users, chats, files…), so ids stay stable across restarts. */
  counters: Map<string, number>;
  nextId: (kind: string) => number;
  /** Unix seconds from the injected clock. */
  now: () => number;
}

/** Creates an empty world: the state every method and user action reads and changes. */
export function createWorld(
  clock: Clock,
  timeouts: { callbackTtlMs?: number; preCheckoutTimeoutMs?: number } = {},
): World {
  const world: World = {
    clock,
    counters: new Map(),
    events: new EventEmitter().setMaxListeners(0),
    users: new Map(),
    bots: new Map(),
    botsByToken: new Map(),
    chats: new Map(),
    files: new Map(),
    filesByPath: new Map(),
    callbacks: new Map(),
    inlineQueries: new Map(),
    preCheckouts: new Map(),
    invoiceLinks: new Map(),
    charges: new Map(),
    starTransactions: new Map(),
    paymentLog: [],
    callbackTtlMs: timeouts.callbackTtlMs ?? 15_000,
    preCheckoutTimeoutMs: timeouts.preCheckoutTimeoutMs ?? 10_000,
    nextId(kind) {
      const next = (world.counters.get(kind) ?? 0) + 1;
      world.counters.set(kind, next);
      return next;
    },
    // Reads world.clock each time, so the platform's (test) clock can be plugged in later.
    now: () => Math.floor(world.clock.now().getTime() / 1000),
  };
  return world;
}

/** Creates a chat record with empty history. */
export function newChatState(
  fields: Pick<ChatState, 'key' | 'id' | 'type'> & Partial<ChatState>,
): ChatState {
  return {
    started: false,
    blocked: false,
    members: new Map(),
    extraMemberCount: 0,
    messages: new Map(),
    nextMessageId: 1,
    pinned: [],
    inviteLinks: new Map(),
    ...fields,
  };
}

/** Key of the private chat between a bot and a user. */
export function privateKey(botId: number, userId: number): string {
  return `p:${botId}:${userId}`;
}

/** The private chat between a bot and a user, created on first use. */
export function privateChat(world: World, botId: number, userId: number): ChatState {
  const key = privateKey(botId, userId);
  let chat = world.chats.get(key);
  if (!chat) {
    chat = newChatState({ key, id: userId, type: 'private', userId, botId });
    world.chats.set(key, chat);
  }
  return chat;
}

/** The Bot API Chat object for a chat as seen by `botId`. */
export function chatObject(world: World, chat: ChatState): ApiChat {
  if (chat.type === 'private') {
    const user = world.users.get(chat.userId ?? 0);
    const out: ApiChat = { id: chat.id, type: 'private', first_name: user?.first_name ?? '' };
    if (user?.last_name) out.last_name = user.last_name;
    if (user?.username) out.username = user.username;
    return out;
  }
  const out: ApiChat = { id: chat.id, type: chat.type, title: chat.title ?? '' };
  if (chat.username) out.username = chat.username;
  return out;
}

/** Creates a new bot with a fresh update queue. */
export function newBotState(user: ApiUser, token: string): BotState {
  return {
    user,
    token,
    commands: new Map(),
    menuButtons: new Map(),
    profile: new Map(),
    updates: createUpdateQueue(),
    forcedErrors: new Map(),
  };
}
