import { sql, type SQL } from 'drizzle-orm';
import type { PriceCurrency } from '../channels/settings.js';
import type { Database, DbOrTx } from '../db.js';
import { keysetPage, type KeysetPage } from '../keyset.js';
import { isUuid } from '../uuid.js';
import { escapeLike, type CatalogFilters } from './filters.js';

export const catalogPageSize = 5;

export interface CatalogEntry {
  id: string;
  title: string;
  username: string | null;
  subscribers: number;
  category: string | null;
  language: string | null;
  currency: PriceCurrency;
  /** Price of the cheapest offered format, minor units of `currency`. */
  cheapestPrice: number;
  shareCode: string;
}

export interface CatalogPage {
  items: CatalogEntry[];
  total: number;
  /** The page shown (clamped to the last page). */
  page: number;
  pages: number;
}

/** Sellable channels with their currency and cheapest price (a subquery the filters apply to). */
const sellable = sql`
  select c.id, c.title, c.username, c.subscribers, c.category, c.language, c.share_code,
    coalesce(c.settings->>'currency', case when c.language = 'ru' then 'RUB' else 'USD' end) as currency,
    least(
      (select min((p.value #>> '{}')::bigint) from jsonb_each(
          case when jsonb_typeof(c.settings->'prices') = 'object' then c.settings->'prices' else '{}'::jsonb end
        ) p where jsonb_typeof(p.value) = 'number'),
      case when jsonb_typeof(c.settings->'pinned'->'price') = 'number'
        then (c.settings->'pinned'->>'price')::bigint end
    ) as cheapest
  from channels c
  where c.status = 'active' and jsonb_typeof(c.settings->'schedule') = 'object'`;

function conditions(filters: CatalogFilters): SQL {
  const parts: SQL[] = [sql`s.cheapest is not null`];
  if (filters.category) parts.push(sql`s.category = ${filters.category}`);
  if (filters.language) parts.push(sql`s.language = ${filters.language}`);
  const subs = filters.subscribers;
  if (subs?.min !== undefined) parts.push(sql`s.subscribers >= ${subs.min}`);
  if (subs?.max !== undefined) parts.push(sql`s.subscribers < ${subs.max}`);
  const price = filters.price;
  if (price) {
    parts.push(sql`s.currency = ${price.currency}`);
    if (price.min !== undefined) parts.push(sql`s.cheapest >= ${price.min}`);
    if (price.max !== undefined) parts.push(sql`s.cheapest < ${price.max}`);
  }
  if (filters.search) {
    const pattern = `%${escapeLike(filters.search)}%`;
    parts.push(
      sql`(s.title ilike ${pattern} escape '\\' or coalesce(s.username, '') ilike ${pattern} escape '\\')`,
    );
  }
  return sql.join(parts, sql` and `);
}

type Row = {
  id: string;
  title: string;
  username: string | null;
  subscribers: number;
  category: string | null;
  language: string | null;
  share_code: string;
  currency: PriceCurrency;
  cheapest: string | number;
};

function toEntry(r: Row): CatalogEntry {
  return {
    id: r.id,
    title: r.title,
    username: r.username,
    subscribers: r.subscribers,
    category: r.category,
    language: r.language,
    currency: r.currency,
    cheapestPrice: Number(r.cheapest),
    shareCode: r.share_code,
  };
}

/** One page of sellable channels matching the filters, in a stable order (subscribers desc, id). */
export async function queryCatalog(
  tx: DbOrTx,
  filters: CatalogFilters,
  options: { page: number; pageSize?: number },
): Promise<CatalogPage> {
  const pageSize = options.pageSize ?? catalogPageSize;
  const where = conditions(filters);
  const counted = await tx.execute<{ total: string | number }>(
    sql`select count(*) as total from (${sellable}) s where ${where}`,
  );
  const total = Number(counted.rows[0]?.total ?? 0);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(0, Math.floor(options.page)), pages - 1);
  const found = await tx.execute<Row>(sql`
    select * from (${sellable}) s where ${where}
    order by s.subscribers desc, s.id
    limit ${pageSize} offset ${page * pageSize}`);
  return { items: found.rows.map(toEntry), total, page, pages };
}

/**
 * The catalog: the one audited cross-tenant listing of channels. Only active channels with a
 * schedule and at least one price; public columns only.
 */
export async function searchCatalog(
  database: Database,
  filters: CatalogFilters,
  options: { page: number; pageSize?: number },
): Promise<CatalogPage> {
  return database.withSystem('catalog: list sellable channels', (tx) =>
    queryCatalog(tx, filters, options),
  );
}

/** Where a page of the catalog ends in its order (subscribers descending, then id). */
export interface CatalogKey {
  subscribers: number;
  id: string;
}

/**
 * One keyset page of the catalog (searchCatalog's filters and order) for the partner API, or only
 * the listed channel `channelId`: the same audited cross-tenant read of public columns.
 */
export async function listCatalog(
  database: Database,
  filters: CatalogFilters,
  options: { limit: number; after?: CatalogKey; channelId?: string },
): Promise<KeysetPage<CatalogEntry, CatalogKey>> {
  const { after, channelId, limit } = options;
  if ((channelId !== undefined && !isUuid(channelId)) || (after && !isUuid(after.id)))
    return { items: [], next: undefined };
  const parts = [conditions(filters)];
  if (channelId !== undefined) parts.push(sql`s.id = ${channelId}::uuid`);
  if (after) {
    parts.push(sql`(s.subscribers < ${after.subscribers}
      or (s.subscribers = ${after.subscribers} and s.id > ${after.id}::uuid))`);
  }
  const found = await database.withSystem('catalog: partner API page', (tx) =>
    tx.execute<Row>(sql`
      select * from (${sellable}) s where ${sql.join(parts, sql` and `)}
      order by s.subscribers desc, s.id
      limit ${limit + 1}`),
  );
  return keysetPage(found.rows, limit, toEntry, (r) => ({ subscribers: r.subscribers, id: r.id }));
}
