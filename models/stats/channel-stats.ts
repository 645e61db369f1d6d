import { and, count, eq, gte, lt, sql } from 'drizzle-orm';
import { sumsByCurrency, type MoneyByCurrency } from '../admin/lookup.js';
import type { ApiKeyOwner } from '../api-keys/key-owner.js';
import type { Database, Tx } from '../db.js';
import { events } from '../events/table.js';
import { ownerEarningsByOrder, type OrderEarnings } from '../ledger/owner-earnings.js';
import { placements } from '../placements/table.js';
import { localDaysWindow } from '../slots/local-days.js';
import { slotChannelOf } from '../slots/queries.js';
import { channelGrowth, readChannelSizeSeries } from './channel-size.js';
import { channelPartOf, orderChannelWeights } from './revenue.js';

export interface ChannelStats {
  channelId: string;
  timezone: string;
  /** Posts published in the range. */
  publications: number;
  /** Clicks on the posts' tracked links in the range (unique: a visitor's first of the day per post). */
  clicks: number;
  uniqueClicks: number;
  /** The owner's share of settlements posted in the range, this channel's part by item price. */
  earned: MoneyByCurrency[];
  /** Members on the first and last measured local days of the range; null when none was measured. */
  subscribersStart: number | null;
  subscribersEnd: number | null;
}

/** This channel's part of each order's earnings: the order's amount allocated over its channels by item price. */
async function channelPart(tx: Tx, channelId: string, earnings: OrderEarnings[]) {
  const weights = await orderChannelWeights(
    tx,
    earnings.map((e) => e.orderId),
  );
  return earnings.map((e) => ({
    currency: e.currency,
    amount: channelPartOf(weights, e.orderId, channelId, e.amount),
  }));
}

/**
 * What one of the workspace's channels did on local days `from`..`to` of its time zone:
 * publications, clicks, the owner's earnings and its size at the range's ends. Owner keys only; undefined for any other channel.
 */
export async function readChannelStats(
  database: Database,
  owner: ApiKeyOwner,
  input: { channelId: string; days: { from: string; to: string } },
): Promise<ChannelStats | undefined> {
  if (!('workspaceId' in owner)) return undefined;
  const { workspaceId } = owner;
  return database.withScope({ workspaceId }, async (tx) => {
    const channel = await slotChannelOf(tx, input.channelId);
    if (!channel) return undefined;
    const { from, to } = localDaysWindow(channel.settings.timezone, input.days);
    const [published] = await tx
      .select({ n: count() })
      .from(placements)
      .where(
        and(
          eq(placements.channelId, channel.id),
          gte(placements.publishedAt, from),
          lt(placements.publishedAt, to),
        ),
      );
    const [clicks] = await tx
      .select({
        all: sql<number>`count(*)::int`,
        unique: sql<number>`(count(*) filter (where ${events.data}->>'unique' = 'true'))::int`,
      })
      .from(events)
      .where(
        and(
          eq(events.workspaceId, workspaceId),
          eq(events.kind, 'click'),
          eq(events.channelId, channel.id),
          gte(events.occurredAt, from),
          lt(events.occurredAt, to),
        ),
      );
    const growth = channelGrowth(
      await readChannelSizeSeries(
        tx,
        { id: channel.id, workspaceId, timezone: channel.settings.timezone },
        input.days,
      ),
    );
    const earnings = await ownerEarningsByOrder(tx, workspaceId, { from, to });
    const parts = await channelPart(tx, channel.id, earnings);
    const byCurrency = new Map<MoneyByCurrency['currency'], number>();
    for (const p of parts) byCurrency.set(p.currency, (byCurrency.get(p.currency) ?? 0) + p.amount);
    return {
      channelId: channel.id,
      timezone: channel.settings.timezone,
      publications: published?.n ?? 0,
      clicks: clicks?.all ?? 0,
      uniqueClicks: clicks?.unique ?? 0,
      earned: sumsByCurrency([...byCurrency].map(([currency, amount]) => ({ currency, amount }))),
      subscribersStart: growth?.from.subscribers ?? null,
      subscribersEnd: growth?.to.subscribers ?? null,
    };
  });
}
