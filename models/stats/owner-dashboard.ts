import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { accounts } from '../accounts/table.js';
import { soldStatuses } from '../admin/lookup.js';
import {
  channelDaysIn,
  readRollupSeries,
  rollupSums,
  type RollupPoint,
} from '../analytics/queries.js';
import { placementRollups } from '../analytics/table.js';
import { channelLocalDay } from '../channels/member-counts.js';
import { channels } from '../channels/table.js';
import type { Database, DbOrTx } from '../db.js';
import { readJoinStats } from '../joins/queries.js';
import { orderItems, orders, type Currency } from '../orders/table.js';
import { placements } from '../placements/table.js';
import { slotFill } from '../slots/queries.js';
import { slots } from '../slots/table.js';
import { workspaceEffectivePlan } from '../workspaces/plan-limits.js';
import type { WorkspacePlan } from '../workspaces/table.js';
import { channelGrowth, readChannelSizeSeries, type ChannelGrowth } from './channel-size.js';
import { readOwnWorkspace, readWorkspaceChannels, type WorkspaceChannel } from './own-workspace.js';
import { channelPartOf, orderChannelWeights, revenueByOrder } from './revenue.js';

/** The dashboard's periods, in days back from now. */
export const dashboardPeriods = [7, 30, 90] as const;
export type DashboardPeriod = (typeof dashboardPeriods)[number];

/** How many advertisers and placements the dashboard lists. */
export const dashboardTopAdvertisers = 5;
export const dashboardTopPlacements = 10;

const dayMs = 86_400_000;
/** Orders whose slots count as sold: paid and not failed (a failed order was refunded). */
const sold = soldStatuses.filter((s) => s !== 'failed');

export type DashboardChannel = WorkspaceChannel;

/** The dashboard's period: the last `days` × 24 h up to `now`. */
export function dashboardRange(days: DashboardPeriod, now: Date): { from: Date; to: Date } {
  return { from: new Date(now.getTime() - days * dayMs), to: now };
}

export interface MoneyLine {
  currency: Currency;
  amount: number;
}

export interface OwnerDashboard {
  days: DashboardPeriod;
  /** The owner's time zone (dates on the screen). */
  timezone: string;
  /** The workspace's plan in force (Pro offers the CSV exports). */
  plan: WorkspacePlan;
  from: Date;
  to: Date;
  /** Every channel of the workspace (the dashboard's picker), by title. */
  channels: DashboardChannel[];
  /** The one channel shown, or null for all of them. */
  channelId: string | null;
  /** Per currency, from the journal (settlements less refunds after them) posted in the period. */
  revenue: { currency: Currency; gross: number; net: number }[];
  /** Slots starting in the period: sold (booked, published, done) of offered (not cancelled or blocked). */
  fill: { sold: number; offered: number; percent: number };
  /** Sold slots starting in the period, per format and currency: their average price. */
  averagePrices: { format: string; currency: Currency; average: number; count: number }[];
  /** By what they spent on slots starting in the period (orders' item prices), largest first. */
  topAdvertisers: {
    accountId: string;
    name: string;
    username: string | null;
    orders: number;
    spent: MoneyLine[];
  }[];
  /** Clicks, joins and leaves in the period (rollups), summed. */
  totals: { clicks: number; uniqueClicks: number; joins: number; leaves: number };
  /** The placements with most clicks (then joins) in the period, with their reactions now. */
  placements: {
    id: string;
    channelTitle: string;
    publishedAt: Date | null;
    clicks: number;
    uniqueClicks: number;
    joins: number;
    leaves: number;
    /** Of the people who joined through its invite link, those who left within 24 hours. */
    leftWithinDay: number;
    reactions: number;
  }[];
  /** Each shown channel's size change over the period's local days; absent when unmeasured. */
  growth: { channelId: string; title: string; growth: ChannelGrowth }[];
  /** Clicks and joins per local day (rollups) for the chart. */
  daily: RollupPoint[];
}

export type DashboardResult =
  { ok: true; value: OwnerDashboard } | { ok: false; code: 'no_workspace' | 'unknown_channel' };

/** Sold items whose slots start in the period, in the shown channels. */
function soldItemsWhere(channelIds: string[], range: { from: Date; to: Date }) {
  return and(
    inArray(orderItems.channelId, channelIds),
    inArray(orders.status, sold),
    gte(slots.startsAt, range.from),
    lt(slots.startsAt, range.to),
  );
}

async function averagePricesOf(
  tx: DbOrTx,
  channelIds: string[],
  range: { from: Date; to: Date },
): Promise<OwnerDashboard['averagePrices']> {
  if (channelIds.length === 0) return [];
  const rows = await tx
    .select({
      format: orderItems.format,
      currency: orders.currency,
      average: sql<string>`round(avg(${orderItems.price}))::text`,
      count: sql<number>`count(*)::int`,
    })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .innerJoin(slots, eq(slots.id, orderItems.slotId))
    .where(soldItemsWhere(channelIds, range))
    .groupBy(orderItems.format, orders.currency)
    .orderBy(desc(sql`count(*)`), asc(orderItems.format));
  return rows.map((r) => ({ ...r, average: Number(r.average) }));
}

async function topAdvertisersOf(
  tx: DbOrTx,
  channelIds: string[],
  range: { from: Date; to: Date },
): Promise<OwnerDashboard['topAdvertisers']> {
  if (channelIds.length === 0) return [];
  const rows = await tx
    .select({
      accountId: orders.advertiserAccountId,
      currency: orders.currency,
      orders: sql<number>`count(distinct ${orders.id})::int`,
      spent: sql<string>`sum(${orderItems.price})::text`,
    })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .innerJoin(slots, eq(slots.id, orderItems.slotId))
    .where(soldItemsWhere(channelIds, range))
    .groupBy(orders.advertiserAccountId, orders.currency);
  const byAccount = new Map<string, { orders: number; spent: MoneyLine[] }>();
  for (const row of rows) {
    const entry = byAccount.get(row.accountId) ?? { orders: 0, spent: [] };
    entry.orders += row.orders;
    entry.spent.push({ currency: row.currency, amount: Number(row.spent) });
    byAccount.set(row.accountId, entry);
  }
  // Largest spend first (in the currency each spent most in), then most orders.
  const ranked = [...byAccount]
    .map(([accountId, e]) => ({
      accountId,
      ...e,
      spent: e.spent.sort((a, b) => b.amount - a.amount),
    }))
    .sort(
      (a, b) =>
        b.spent[0]!.amount - a.spent[0]!.amount ||
        b.orders - a.orders ||
        a.accountId.localeCompare(b.accountId),
    )
    .slice(0, dashboardTopAdvertisers);
  if (ranked.length === 0) return [];
  const people = await tx
    .select({ id: accounts.id, firstName: accounts.firstName, username: accounts.username })
    .from(accounts)
    .where(
      inArray(
        accounts.id,
        ranked.map((r) => r.accountId),
      ),
    );
  return ranked.map((r) => {
    const person = people.find((p) => p.id === r.accountId);
    return {
      ...r,
      name: person?.firstName ?? '—',
      username: person?.username ?? null,
    };
  });
}

async function placementsOf(
  tx: DbOrTx,
  channelIds: string[],
  range: { from: Date; to: Date },
): Promise<Omit<OwnerDashboard['placements'][number], 'leftWithinDay'>[]> {
  if (channelIds.length === 0) return [];
  return tx
    .select({
      id: placementRollups.placementId,
      channelTitle: channels.title,
      publishedAt: placements.publishedAt,
      ...rollupSums,
      reactions: placements.reactions,
    })
    .from(placementRollups)
    .innerJoin(placements, eq(placements.id, placementRollups.placementId))
    .innerJoin(channels, eq(channels.id, placementRollups.channelId))
    .where(channelDaysIn(channelIds, range))
    .groupBy(
      placementRollups.placementId,
      channels.title,
      placements.publishedAt,
      placements.reactions,
    )
    .orderBy(desc(rollupSums.clicks), desc(rollupSums.joins), asc(placementRollups.placementId))
    .limit(dashboardTopPlacements);
}

/**
 * The owner's dashboard over the last `days` days (to `now`), for one channel of their own
 * workspace or all of them, read in one transaction of the workspace's scope: revenue gross and
 * net, fill rate, average price per format, top advertisers, clicks and joins per placement
 * (rollups), channel growth and a daily series for the chart. Only the workspace's owner sees it
 * (revenue is theirs); `unknown_channel` for a channel not in the workspace.
 */
export async function readOwnerDashboard(
  database: Database,
  input: { accountId: string; days: DashboardPeriod; channelId: string | null; now: Date },
): Promise<DashboardResult> {
  const { accountId, days, now } = input;
  const own = await readOwnWorkspace(database, accountId);
  if (!own) return { ok: false, code: 'no_workspace' };
  const { workspaceId, timezone } = own;
  const range = dashboardRange(days, now);
  return database.withScope({ workspaceId, accountId }, async (tx) => {
    const all = await readWorkspaceChannels(tx, workspaceId);
    const shown = input.channelId ? all.filter((c) => c.id === input.channelId) : all;
    if (input.channelId && shown.length === 0) return { ok: false, code: 'unknown_channel' };
    const ids = shown.map((c) => c.id);

    const earned = await revenueByOrder(tx, workspaceId, range);
    const weights = input.channelId
      ? await orderChannelWeights(
          tx,
          earned.map((e) => e.orderId),
        )
      : undefined;
    const revenue = new Map<Currency, { gross: number; net: number }>();
    for (const e of earned) {
      const part = (amount: number) =>
        weights ? channelPartOf(weights, e.orderId, input.channelId!, amount) : amount;
      const sum = revenue.get(e.currency) ?? { gross: 0, net: 0 };
      sum.gross += part(e.gross);
      sum.net += part(e.net);
      revenue.set(e.currency, sum);
    }

    const growth: OwnerDashboard['growth'] = [];
    for (const channel of shown) {
      const measured = channelGrowth(
        await readChannelSizeSeries(
          tx,
          { id: channel.id, workspaceId, timezone: channel.timezone },
          {
            from: channelLocalDay(channel.timezone, range.from),
            to: channelLocalDay(channel.timezone, now),
          },
        ),
      );
      if (measured) growth.push({ channelId: channel.id, title: channel.title, growth: measured });
    }

    const daily = await readRollupSeries(
      tx,
      input.channelId ? { channelId: input.channelId } : { workspaceId },
      'day',
      range,
    );
    const listed = await placementsOf(tx, ids, range);
    const retention = await readJoinStats(
      tx,
      listed.map((p) => p.id),
      now,
    );
    const top = listed.map((p) => ({
      ...p,
      leftWithinDay: retention.get(p.id)?.leftWithinDay ?? 0,
    }));
    const totals = { clicks: 0, uniqueClicks: 0, joins: 0, leaves: 0 };
    for (const point of daily)
      for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += point[key];

    return {
      ok: true,
      value: {
        days,
        timezone,
        plan: await workspaceEffectivePlan(tx, workspaceId, now),
        ...range,
        channels: all,
        channelId: input.channelId,
        revenue: [...revenue]
          .map(([currency, sum]) => ({ currency, ...sum }))
          .filter((r) => r.gross !== 0 || r.net !== 0)
          .sort((a, b) => b.gross - a.gross),
        fill: await slotFill(tx, ids, range),
        averagePrices: await averagePricesOf(tx, ids, range),
        topAdvertisers: await topAdvertisersOf(tx, ids, range),
        totals,
        placements: top,
        growth,
        daily,
      },
    };
  });
}
