import type { Clock } from '../../models/clock.js';
import type { CreateUserOptions } from '../../sandbox/actions/setup.js';
import { createEmulator, type Emulator, type EmulatorOptions } from '../../sandbox/emulator.js';
import { createSandboxWorld, type SandboxWorld } from '../../sandbox/seed.js';
import type { UserContent } from '../../sandbox/actions/user-messages.js';
import type { ApiMessage } from '../../sandbox/types.js';
import { createTestUser, type ChatSession, type TestUser } from './telegram-user.js';

export interface StartSandboxOptions {
  clock?: Clock;
  floodLimits?: EmulatorOptions['floodLimits'];
  callbackTtlMs?: number;
  preCheckoutTimeoutMs?: number;
  webhookRetryMs?: number;
  /** As the sandbox page: URL buttons to 127.0.0.1 (the fakes' payment pages) accepted. Default: refused, as Telegram does. */
  allowLocalLinks?: boolean;
}

export interface Sandbox {
  emulator: Emulator;
  /** Pass to grammY: `new Bot(token, { client: { apiRoot } })`. */
  apiRoot: string;
  token: string;
  bot: { id: number; username: string };
  /** Ids of the seeded demo world (admin chat, verification channel, demo channel, people). */
  ids: SandboxWorld;
  /** A new user (or the existing one with `id`), scripted as a person using the bot. */
  user(options?: Partial<CreateUserOptions>): TestUser;
  /** The seeded people: Olga (owner, ru), Alex (advertiser, en), Ada (admin, en). */
  owner(): TestUser;
  advertiser(): TestUser;
  admin(): TestUser;
  /** The admin group as Ada sees it (read the bot's cards, press their buttons). */
  adminChat(): ChatSession & { send(content: UserContent): ApiMessage };
  close(): Promise<void>;
}

/** Starts the emulator on 127.0.0.1 with a random port and the demo world seeded. */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<Sandbox> {
  const emulator = createEmulator({
    ...options,
    allowLocalLinks: options.allowLocalLinks ?? false,
    onError: (error, context) => console.error(`sandbox: ${context}`, error),
  });
  const ids = createSandboxWorld(emulator);
  const { url } = await emulator.listen(0, '127.0.0.1');
  let counter = 0;
  const wrap = (id: number): TestUser => {
    const user = emulator.world.users.get(id);
    if (!user) throw new Error(`unknown user ${id}`);
    return createTestUser(emulator, user, ids.botId);
  };
  return {
    emulator,
    apiRoot: url,
    token: ids.botToken,
    bot: { id: ids.botId, username: ids.botUsername },
    ids,
    user(o = {}) {
      if (o.id !== undefined && emulator.world.users.has(o.id)) return wrap(o.id);
      counter++;
      const created = emulator.createUser({
        first_name: o.first_name ?? `Tester ${counter}`,
        language_code: o.language_code ?? 'en',
        ...(o.id !== undefined ? { id: o.id } : {}),
        ...(o.username ? { username: o.username } : {}),
        ...(o.last_name ? { last_name: o.last_name } : {}),
      });
      return wrap(created.id);
    },
    owner: () => wrap(ids.ownerId),
    advertiser: () => wrap(ids.advertiserId),
    admin: () => wrap(ids.adminId),
    adminChat: () => wrap(ids.adminId).inChat(ids.adminChatId),
    close: () => emulator.close(),
  };
}

/** Calls the emulator's Bot API over HTTP with a JSON body and returns Telegram's envelope. */
export async function callBotApi(
  sandbox: Pick<Sandbox, 'apiRoot' | 'token'>,
  method: string,
  params: Record<string, unknown> = {},
  init: { token?: string; signal?: AbortSignal } = {},
): Promise<{
  ok: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}> {
  const res = await fetch(`${sandbox.apiRoot}/bot${init.token ?? sandbox.token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
    ...(init.signal ? { signal: init.signal } : {}),
  });
  return (await res.json()) as {
    ok: boolean;
    result?: unknown;
    error_code?: number;
    description?: string;
  };
}
