import { eq } from 'drizzle-orm';
import { accounts } from '../accounts/table.js';
import { formatPrices } from '../channels/format-prices.js';
import { readChannelSettings, type PriceCurrency } from '../channels/settings.js';
import { channels } from '../channels/table.js';
import type { FormatId } from '../channels/formats.js';
import type { Database, DbOrTx } from '../db.js';
import { availableSlots, slotFill } from '../slots/queries.js';
import {
  clicksPer1000,
  readRecentClicks,
  readRecentGrowth,
  type RecentGrowth,
} from './card-figures.js';

/** How many free bookable slots the card lists. */
export const cardSlotCount = 5;
/** Fill rate looks this many days back (and forward over the booking horizon). */
export const fillRateDays = 30;

export interface CatalogCard {
  id: string;
  title: string;
  username: string | null;
  subscribers: number;
  category: string | null;
  language: string | null;
  description: string;
  shareCode: string;
  timezone: string;
  currency: PriceCurrency;
  prices: { format: FormatId; price: number }[];
  /**
   * Members gained (negative: lost) from the first to the last measured local day of the last 30
   * (card-figures.ts `recentDays`), and how many days apart those are; null with fewer than two.
   */
  growth: RecentGrowth | null;
  /** Placements published in [now − 30 days, now]. */
  recentAds: number;
  /**
   * Clicks on those placements (rollups) ÷ their number ÷ subscribers × 1 000, one decimal; null
   * when none was published or the channel has no subscribers.
   */
  clicksPer1000: number | null;
  /** Next free slots that can be booked now (lead time and horizon respected). */
  nextSlots: Date[];
  /** Booked, published and done slots per offered slot, percent (0 when none). */
  fillRate: number;
  /** From the settlement counters; keptRate = published ads not deleted early, percent (0 when none). */
  reputation: { published: number; onTimeRate: number; earlyDeletions: number; keptRate: number };
  /** Only whitelisted advertisers may book (others request access). */
  whitelistOnly: boolean;
  /** RU ad marking (advertiser name, INN, erid) is required. */
  requiresMarking: boolean;
}

const cardColumns = {
  id: channels.id,
  workspaceId: channels.workspaceId,
  status: channels.status,
  title: channels.title,
  username: channels.username,
  subscribers: channels.subscribers,
  category: channels.category,
  language: channels.language,
  shareCode: channels.shareCode,
  settings: channels.settings,
  publishedCount: channels.publishedCount,
  onTimeCount: channels.onTimeCount,
  earlyDeletionCount: channels.earlyDeletionCount,
};

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part * 100) / whole) : 0);

/** The public card of an active channel, read inside a system transaction; undefined otherwise. */
export async function readCatalogCard(
  tx: DbOrTx,
  where: { channelId: string } | { shareCode: string },
  now: Date,
): Promise<CatalogCard | undefined> {
  const [row] = await tx
    .select(cardColumns)
    .from(channels)
    .where(
      'channelId' in where
        ? eq(channels.id, where.channelId)
        : eq(channels.shareCode, where.shareCode),
    )
    .limit(1);
  if (!row || row.status !== 'active') return undefined;
  const settings = readChannelSettings(row.settings, row.language ?? 'en');
  const prices = formatPrices(settings);
  const from = new Date(now.getTime() + settings.leadTimeMinutes * 60_000);
  const to = new Date(now.getTime() + settings.horizonDays * 86_400_000);
  const free =
    settings.schedule && prices.length > 0 ? await availableSlots(tx, row.id, from, to) : [];
  const since = new Date(now.getTime() - fillRateDays * 86_400_000);
  const recent = await readRecentClicks(tx, row.id, now);
  return {
    id: row.id,
    title: row.title,
    username: row.username,
    subscribers: row.subscribers,
    category: settings.category,
    language: settings.language,
    description: settings.description,
    shareCode: row.shareCode,
    timezone: settings.timezone,
    currency: settings.currency,
    prices,
    growth: await readRecentGrowth(
      tx,
      { id: row.id, workspaceId: row.workspaceId, timezone: settings.timezone },
      now,
    ),
    recentAds: recent.ads,
    clicksPer1000: clicksPer1000(recent, row.subscribers),
    nextSlots: free.slice(0, cardSlotCount).map((s) => s.startsAt),
    fillRate: (await slotFill(tx, [row.id], { from: since, to })).percent,
    reputation: {
      published: row.publishedCount,
      onTimeRate: percent(row.onTimeCount, row.publishedCount),
      earlyDeletions: row.earlyDeletionCount,
      keptRate: percent(
        Math.max(0, row.publishedCount - row.earlyDeletionCount),
        row.publishedCount,
      ),
    },
    whitelistOnly: settings.whitelistOnly,
    requiresMarking: settings.requiresMarking,
  };
}

/**
 * A channel's public card for advertisers (by id from the catalog, or by share code from a deep
 * link): the audited cross-tenant read; paused, blocked, pending or unknown ⇒ undefined.
 */
export async function loadCatalogCard(
  database: Database,
  where: { channelId: string } | { shareCode: string },
  now: Date,
): Promise<CatalogCard | undefined> {
  if ('channelId' in where && !/^[0-9a-f-]{36}$/i.test(where.channelId)) return undefined;
  if ('shareCode' in where && !/^[A-Za-z0-9_-]{1,64}$/.test(where.shareCode)) return undefined;
  return database.withSystem('catalog: channel card', (tx) => readCatalogCard(tx, where, now));
}

/** The viewer's time zone for showing times beside the channel's (accounts.timezone). */
export async function viewerTimezone(database: Database, accountId: string): Promise<string> {
  const [row] = await database.withScope({}, (tx) =>
    tx.select({ timezone: accounts.timezone }).from(accounts).where(eq(accounts.id, accountId)),
  );
  return row?.timezone ?? 'UTC';
}
