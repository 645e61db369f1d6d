import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { FileRecord } from './files.js';
import type { ApiMessage, ApiUpdate, ApiUser } from './types.js';
import {
  newBotState,
  newChatState,
  type ChatState,
  type InviteLink,
  type Member,
  type World,
} from './world.js';

interface ChatSnapshot extends Omit<ChatState, 'members' | 'messages' | 'inviteLinks'> {
  members: [number, Member][];
  messages: {
    message: ApiMessage;
    deleted: boolean;
    byBotId: number | null;
    reactions: [string, number][];
  }[];
  inviteLinks: InviteLink[];
}

/** The world as JSON: people, bots (commands, unconfirmed updates), chats with history, files, Stars. */
export interface WorldSnapshot {
  version: 1;
  counters: [string, number][];
  users: ApiUser[];
  bots: {
    user: ApiUser;
    token: string;
    commands: [string, unknown[]][];
    menuButtons: [string, unknown][];
    profile?: [string, unknown][];
    nextUpdateId: number;
    pending: ApiUpdate[];
    allowed: string[] | null;
  }[];
  chats: ChatSnapshot[];
  files: (Omit<FileRecord, 'data'> & { data: string })[];
  invoiceLinks: [string, World['invoiceLinks'] extends Map<string, infer V> ? V : never][];
  charges: [string, World['charges'] extends Map<string, infer V> ? V : never][];
  starTransactions: [number, World['starTransactions'] extends Map<number, infer V> ? V : never][];
  paymentLog: World['paymentLog'];
}

/** Captures everything that should survive a restart (not pending callback or pre-checkout queries). */
export function snapshotWorld(world: World): WorldSnapshot {
  return {
    version: 1,
    counters: [...world.counters],
    users: [...world.users.values()],
    bots: [...world.bots.values()].map((b) => ({
      user: b.user,
      token: b.token,
      commands: [...b.commands],
      menuButtons: [...b.menuButtons],
      profile: [...b.profile],
      nextUpdateId: b.updates.nextUpdateId,
      pending: b.updates.pending,
      allowed: b.updates.allowed ? [...b.updates.allowed] : null,
    })),
    chats: [...world.chats.values()].map((c) => ({
      ...c,
      members: [...c.members],
      messages: [...c.messages.values()].map((m) => ({ ...m, reactions: [...m.reactions] })),
      inviteLinks: [...c.inviteLinks.values()],
    })),
    files: [...world.files.values()].map((f) => ({ ...f, data: f.data.toString('base64') })),
    invoiceLinks: [...world.invoiceLinks],
    charges: [...world.charges],
    starTransactions: [...world.starTransactions],
    paymentLog: world.paymentLog,
  };
}

/** Loads a snapshot into an empty world. */
export function restoreWorld(world: World, snapshot: WorldSnapshot): void {
  if (snapshot.version !== 1)
    throw new Error(`unknown sandbox snapshot version ${String(snapshot.version)}`);
  for (const [k, v] of snapshot.counters) world.counters.set(k, v);
  for (const user of snapshot.users) world.users.set(user.id, user);
  for (const b of snapshot.bots) {
    const bot = newBotState(b.user, b.token);
    b.commands.forEach(([k, v]) => bot.commands.set(k, v));
    b.menuButtons.forEach(([k, v]) => bot.menuButtons.set(k, v));
    b.profile?.forEach(([k, v]) => bot.profile.set(k, v));
    bot.updates.nextUpdateId = b.nextUpdateId;
    bot.updates.pending = b.pending;
    bot.updates.allowed = b.allowed ? new Set(b.allowed) : null;
    world.users.set(b.user.id, b.user);
    world.bots.set(b.user.id, bot);
    world.botsByToken.set(b.token, bot);
  }
  for (const c of snapshot.chats) {
    const chat = newChatState({
      ...c,
      members: new Map(c.members),
      messages: new Map(),
      inviteLinks: new Map(),
    });
    for (const m of c.messages) {
      chat.messages.set(m.message.message_id, { ...m, reactions: new Map(m.reactions) });
    }
    for (const link of c.inviteLinks) chat.inviteLinks.set(link.invite_link, link);
    world.chats.set(chat.key, chat);
  }
  for (const f of snapshot.files) {
    const record: FileRecord = { ...f, data: Buffer.from(f.data, 'base64') };
    world.files.set(record.file_id, record);
    world.filesByPath.set(record.file_path, record);
  }
  for (const [k, v] of snapshot.invoiceLinks) world.invoiceLinks.set(k, v);
  for (const [k, v] of snapshot.charges) world.charges.set(k, v);
  for (const [k, v] of snapshot.starTransactions) world.starTransactions.set(k, v);
  world.paymentLog.push(...snapshot.paymentLog);
}

/** Restores from `path` when it exists; returns whether it did. */
export function loadWorldFile(world: World, path: string): boolean {
  if (!existsSync(path)) return false;
  restoreWorld(world, JSON.parse(readFileSync(path, 'utf8')) as WorldSnapshot);
  return true;
}

/** Writes the snapshot atomically (temp file + rename); returns the JSON written. */
export function saveWorldFile(world: World, path: string, previous?: string): string {
  const json = JSON.stringify(snapshotWorld(world));
  if (json === previous) return json;
  writeFileSync(`${path}.tmp`, json);
  renameSync(`${path}.tmp`, path);
  return json;
}
