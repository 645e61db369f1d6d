import { and, count, countDistinct, eq, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { channels } from '../channels/table.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { ledgerEntries } from '../ledger/table.js';
import { orders, type Currency } from '../orders/table.js';
import { topAdvertisers, topChannels, type TopAdvertiser, type TopChannel } from './stats-top.js';

export const statsPeriods = ['day', 'week', 'month'] as const;
export type StatsPeriod = (typeof statsPeriods)[number];
/** How many buckets each period shows (today/this week/this month included). */
export const statsBucketCount: Record<StatsPeriod, number> = { day: 14, week: 12, month: 12 };
/** Ledger accounts whose credits are platform revenue. */
export const revenueAccounts = ['platform:fees', 'platform:subscriptions'];

/** One currency's values per bucket (never added across currencies). */
export interface CurrencySeries {
  currency: Currency;
  values: number[];
  total: number;
}

export interface RefundStats {
  currency: Currency;
  amount: number;
  /** Refunded share of that currency's GMV, in basis points (1 % = 100). */
  rateBp: number;
}

export interface PlatformStats {
  period: StatsPeriod;
  from: Date;
  to: Date;
  /** Bucket starts (UTC), oldest first; series values line up with them. */
  buckets: Date[];
  /** Totals of orders paid in each bucket, per order currency. */
  gmv: CurrencySeries[];
  /** Platform fees and subscriptions (ledger credits net of reversals), per ledger currency. */
  revenue: CurrencySeries[];
  refunds: RefundStats[];
  paidOrders: number;
  refundedOrders: number;
  activeChannels: number;
  activeAdvertisers: number;
  topChannels: TopChannel[];
  topAdvertisers: TopAdvertiser[];
}

/** Bucket starts for a period ending at `now` (UTC; weeks start on Monday). */
export function statsBuckets(period: StatsPeriod, now: Date): Date[] {
  const last = DateTime.fromJSDate(now, { zone: 'utc' }).startOf(period);
  const n = statsBucketCount[period];
  return Array.from({ length: n }, (_, i) => last.minus({ [`${period}s`]: n - 1 - i }).toJSDate());
}

/** Rows of (bucket, currency, amount) into one aligned series per currency. */
function toSeries(
  buckets: Date[],
  rows: { bucket: string; currency: Currency; amount: string }[],
): CurrencySeries[] {
  const index = new Map(buckets.map((b, i) => [b.toISOString().slice(0, 10), i]));
  const byCurrency = new Map<Currency, number[]>();
  for (const row of rows) {
    const i = index.get(row.bucket.slice(0, 10));
    if (i === undefined) continue;
    const values = byCurrency.get(row.currency) ?? buckets.map(() => 0);
    values[i] = (values[i] ?? 0) + Number(row.amount);
    byCurrency.set(row.currency, values);
  }
  return [...byCurrency.entries()]
    .map(([currency, values]) => ({ currency, values, total: values.reduce((a, b) => a + b, 0) }))
    .filter((s) => s.total !== 0)
    .sort((a, b) => a.currency.localeCompare(b.currency));
}

/** `date_trunc(<period>, ts)` in UTC as text, for grouping. */
function bucketOf(
  period: StatsPeriod,
  column: typeof orders.paidAt | typeof ledgerEntries.createdAt,
) {
  return sql<string>`to_char(date_trunc(${period}, ${column} at time zone 'UTC'), 'YYYY-MM-DD')`;
}

/**
 * Platform statistics for the admin chat over the last statsBucketCount[period] buckets: GMV,
 * revenue, refunds and their rate, active channels and advertisers, top 5 channels and advertisers.
 * One named cross-tenant read; money stays per currency.
 */
export async function platformStats(
  database: Database,
  period: StatsPeriod,
  clock: Clock,
): Promise<PlatformStats> {
  const to = clock.now();
  const buckets = statsBuckets(period, to);
  const from = buckets[0]!;
  return database.withSystem('admin: platform stats', async (tx) => {
    const paidInRange = and(
      isNotNull(orders.paidAt),
      gte(orders.paidAt, from),
      lt(orders.paidAt, to),
    );
    const gmvRows = await tx
      .select({
        bucket: bucketOf(period, orders.paidAt),
        currency: orders.currency,
        amount: sql<string>`sum(${orders.total})::text`,
      })
      .from(orders)
      .where(paidInRange)
      .groupBy(sql`1`, orders.currency);
    const revenueRows = await tx
      .select({
        bucket: bucketOf(period, ledgerEntries.createdAt),
        currency: ledgerEntries.currency,
        amount: sql<string>`(-sum(${ledgerEntries.amount}))::text`,
      })
      .from(ledgerEntries)
      .where(
        and(
          inArray(ledgerEntries.account, revenueAccounts),
          gte(ledgerEntries.createdAt, from),
          lt(ledgerEntries.createdAt, to),
        ),
      )
      .groupBy(sql`1`, ledgerEntries.currency);
    const gmv = toSeries(buckets, gmvRows);
    const [orderCounts] = await tx
      .select({
        paid: count(),
        refunded: sql<number>`count(*) filter (where ${orders.refundedAmount} > 0)::int`,
        advertisers: countDistinct(orders.advertiserAccountId),
      })
      .from(orders)
      .where(paidInRange);
    const refundRows = await tx
      .select({
        currency: orders.currency,
        amount: sql<string>`sum(${orders.refundedAmount})::text`,
      })
      .from(orders)
      .where(paidInRange)
      .groupBy(orders.currency);
    const [active] = await tx
      .select({ n: count() })
      .from(channels)
      .where(eq(channels.status, 'active'));
    return {
      period,
      from,
      to,
      buckets,
      gmv,
      revenue: toSeries(buckets, revenueRows),
      refunds: refundRows
        .map((r) => {
          const amount = Number(r.amount);
          const base = gmv.find((s) => s.currency === r.currency)?.total ?? 0;
          return {
            currency: r.currency,
            amount,
            rateBp: base > 0 ? Math.round((amount * 10_000) / base) : 0,
          };
        })
        .filter((r) => r.amount > 0),
      paidOrders: orderCounts?.paid ?? 0,
      refundedOrders: orderCounts?.refunded ?? 0,
      activeChannels: active?.n ?? 0,
      activeAdvertisers: orderCounts?.advertisers ?? 0,
      topChannels: await topChannels(tx, paidInRange),
      topAdvertisers: await topAdvertisers(tx, paidInRange),
    };
  });
}
