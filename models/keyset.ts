import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/** One page of a keyset listing: its items and the key the next page starts after (none: last page). */
export interface KeysetPage<T, K> {
  items: T[];
  next: K | undefined;
}

/**
 * Splits rows fetched with `limit + 1` into a page: a row beyond the limit means another page
 * exists, which starts after the key of the page's last row.
 */
export function keysetPage<R, T, K>(
  rows: R[],
  limit: number,
  toItem: (row: R) => T,
  keyOf: (row: R) => K,
): KeysetPage<T, K> {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    items: shown.map(toItem),
    next: rows.length > limit && last !== undefined ? keyOf(last) : undefined,
  };
}

/**
 * A timestamp column as microseconds since the epoch (bigint): a JS Date would drop the
 * microseconds, and a keyset's next page must not skip a row. Select it `::text`.
 */
export function epochMicros(column: AnyColumn): SQL<string> {
  return sql<string>`(extract(epoch from ${column}) * 1000000)::bigint`;
}
