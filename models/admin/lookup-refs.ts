import { eq, sql } from 'drizzle-orm';
import { accounts } from '../accounts/table.js';
import { channels } from '../channels/table.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { orders } from '../orders/table.js';
import { isUuid } from '../uuid.js';

export type RefCode = 'bad_ref' | 'not_found' | 'ambiguous';

const shortIdPattern = /^[0-9a-f]{6,8}$/i;
const usernamePattern = /^[A-Za-z][A-Za-z0-9_]{3,31}$/;

/** `@name`, `name`, `t.me/name` or `https://t.me/name` ⇒ the bare username, else undefined. */
export function usernameOf(ref: string): string | undefined {
  const bare = ref
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/^t\.me\//i, '')
    .replace(/^@/, '');
  return usernamePattern.test(bare) ? bare : undefined;
}

/** A Telegram numeric id (user or chat) written as digits, possibly negative. */
function telegramIdOf(ref: string): number | undefined {
  if (!/^-?\d{1,16}$/.test(ref.trim())) return undefined;
  const id = Number(ref.trim());
  return Number.isSafeInteger(id) ? id : undefined;
}

/** An order by full uuid or by its short id (the first 6–8 hex digits shown to people). */
export async function resolveOrderRef(
  database: Database,
  ref: string,
): Promise<Result<string, RefCode>> {
  const text = ref.trim().replace(/^#/, '').toLowerCase();
  if (!isUuid(text) && !shortIdPattern.test(text)) return fail('bad_ref');
  const rows = await database.withSystem('admin: find an order', (tx) =>
    tx
      .select({ id: orders.id })
      .from(orders)
      .where(isUuid(text) ? eq(orders.id, text) : sql`${orders.id}::text like ${`${text}%`}`)
      .limit(2),
  );
  if (rows.length === 0) return fail('not_found');
  if (rows.length > 1) return fail('ambiguous');
  return ok(rows[0]!.id);
}

/** A channel by @username (or t.me link), Telegram chat id or our uuid. */
export async function resolveChannelRef(
  database: Database,
  ref: string,
): Promise<Result<string, RefCode>> {
  const text = ref.trim();
  const chatId = telegramIdOf(text);
  const username = chatId === undefined ? usernameOf(text) : undefined;
  const byId = isUuid(text);
  if (chatId === undefined && username === undefined && !byId) return fail('bad_ref');
  const rows = await database.withSystem('admin: find a channel', (tx) =>
    tx
      .select({ id: channels.id })
      .from(channels)
      .where(
        byId
          ? eq(channels.id, text)
          : chatId !== undefined
            ? eq(channels.telegramChatId, chatId)
            : sql`lower(${channels.username}) = lower(${username ?? ''})`,
      )
      .limit(2),
  );
  if (rows.length === 0) return fail('not_found');
  if (rows.length > 1) return fail('ambiguous');
  return ok(rows[0]!.id);
}

/** An account by Telegram id, @username or our uuid. */
export async function resolveUserRef(
  database: Database,
  ref: string,
): Promise<Result<string, RefCode>> {
  const text = ref.trim();
  const telegramId = telegramIdOf(text);
  const username = telegramId === undefined ? usernameOf(text) : undefined;
  const byId = isUuid(text);
  if (telegramId === undefined && username === undefined && !byId) return fail('bad_ref');
  const rows = await database.withScope({}, (tx) =>
    tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(
        byId
          ? eq(accounts.id, text)
          : telegramId !== undefined
            ? eq(accounts.telegramId, telegramId)
            : sql`lower(${accounts.username}) = lower(${username ?? ''})`,
      )
      .limit(2),
  );
  if (rows.length === 0) return fail('not_found');
  if (rows.length > 1) return fail('ambiguous');
  return ok(rows[0]!.id);
}
