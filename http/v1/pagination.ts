import { z } from 'zod';
import type { KeysetPage } from '../../models/keyset.js';
import { ProblemError } from './problems.js';

export const maxPageLimit = 100;
export const defaultPageLimit = 20;
const maxCursorLength = 512;

/** `?limit=1..100 (default 20)&cursor=<opaque>`: the query members every list operation accepts. */
export const pageQuery = {
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(maxPageLimit)
    .default(defaultPageLimit)
    .describe('Items per page, 1 to 100.'),
  cursor: z
    .string()
    .max(maxCursorLength)
    .optional()
    .describe('The `next_cursor` of the previous page, as it was given.'),
};

/** `{ data, next_cursor }` around a list's item schema. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    next_cursor: z
      .string()
      .nullable()
      .describe('Pass as `cursor` for the next page; null on the last page.'),
  });
}

/** A row's sort key as an opaque cursor (base64url of its JSON). */
export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The sort key inside a cursor; anything this API did not issue is an `invalid-cursor` problem. */
export function decodeCursor<K>(cursor: string | undefined, key: z.ZodType<K>): K | undefined {
  if (cursor === undefined) return undefined;
  let decoded: unknown;
  try {
    decoded = /^[A-Za-z0-9_-]+$/.test(cursor)
      ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
      : undefined;
  } catch {
    decoded = undefined;
  }
  const parsed = key.safeParse(decoded);
  if (!parsed.success)
    throw new ProblemError('invalid-cursor', 'Pass `next_cursor` back exactly as it was given.');
  return parsed.data;
}

/** A keyset page as the API's page body. */
export function pageBody<T, K, O>(
  page: KeysetPage<T, K>,
  present: (item: T) => O,
): { data: O[]; next_cursor: string | null } {
  return {
    data: page.items.map(present),
    next_cursor: page.next === undefined ? null : encodeCursor(page.next),
  };
}
