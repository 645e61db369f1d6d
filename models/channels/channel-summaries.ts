import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db.js';
import { epochMicros, keysetPage, type KeysetPage } from '../keyset.js';
import { isUuid } from '../uuid.js';
import type { FormatId } from './formats.js';
import { formatPrices } from './format-prices.js';
import { readChannelSettings, type ChannelCategory, type PriceCurrency } from './settings.js';
import { channels, type ChannelStatus } from './table.js';

/** A channel with the selling settings its owner set (what an owner's API key reads). */
export interface ChannelSummary {
  id: string;
  title: string;
  username: string | null;
  status: ChannelStatus;
  subscribers: number;
  category: ChannelCategory | null;
  language: string;
  currency: PriceCurrency;
  timezone: string;
  /** Offered formats with prices in minor units of `currency`. */
  formats: { format: FormatId; price: number }[];
}

/** Where a page of a workspace's channels ends: creation time (µs since the epoch) and id. */
export interface ChannelSummaryKey {
  createdMicros: string;
  id: string;
}

const createdMicros = epochMicros(channels.createdAt);

function toSummary(row: SummaryRow): ChannelSummary {
  const settings = readChannelSettings(row.settings, row.language ?? 'en');
  return {
    id: row.id,
    title: row.title,
    username: row.username,
    status: row.status,
    subscribers: row.subscribers,
    category: settings.category,
    language: settings.language,
    currency: settings.currency,
    timezone: settings.timezone,
    formats: formatPrices(settings),
  };
}

function selectSummaries(
  database: Database,
  workspaceId: string,
  where: SQL | undefined,
  limit: number,
) {
  return database.withScope({ workspaceId }, (tx) =>
    tx
      .select({
        id: channels.id,
        title: channels.title,
        username: channels.username,
        status: channels.status,
        subscribers: channels.subscribers,
        language: channels.language,
        settings: channels.settings,
        createdMicros: sql<string>`${createdMicros}::text`,
      })
      .from(channels)
      .where(and(eq(channels.workspaceId, workspaceId), where))
      .orderBy(asc(channels.createdAt), asc(channels.id))
      .limit(limit),
  );
}

type SummaryRow = Awaited<ReturnType<typeof selectSummaries>>[number];

/**
 * One page of a workspace's channels (every status), oldest first, read under the workspace's
 * scope so RLS shows no other tenant's rows; `after` is the previous page's last key.
 */
export async function pageWorkspaceChannels(
  database: Database,
  workspaceId: string,
  options: { limit: number; after?: ChannelSummaryKey },
): Promise<KeysetPage<ChannelSummary, ChannelSummaryKey>> {
  const { after, limit } = options;
  if (after && (!isUuid(after.id) || !/^\d{1,19}$/.test(after.createdMicros)))
    return { items: [], next: undefined };
  const rows = await selectSummaries(
    database,
    workspaceId,
    after
      ? sql`(${createdMicros}, ${channels.id}) > (${after.createdMicros}::bigint, ${after.id}::uuid)`
      : undefined,
    limit + 1,
  );
  return keysetPage(rows, limit, toSummary, (row) => ({
    createdMicros: row.createdMicros,
    id: row.id,
  }));
}

/** One channel of the workspace as a summary; undefined for an unknown id or another tenant's. */
export async function findChannelSummary(
  database: Database,
  workspaceId: string,
  channelId: string,
): Promise<ChannelSummary | undefined> {
  if (!isUuid(channelId)) return undefined;
  const [row] = await selectSummaries(database, workspaceId, eq(channels.id, channelId), 1);
  return row ? toSummary(row) : undefined;
}
