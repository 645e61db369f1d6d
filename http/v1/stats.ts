import { z } from 'zod';
import { currencies } from '../../models/orders/table.js';
import type { Database } from '../../models/db.js';
import { readChannelStats } from '../../models/stats/channel-stats.js';
import { readOrderStats } from '../../models/stats/order-stats.js';
import { apiKeyOwnerOf } from './auth.js';
import { checkDayRange, dayRangeMembers } from './day-range.js';
import { defineOperation, type Operation } from './operation.js';
import { ProblemError } from './problems.js';
import { minorUnits, named, uuid } from './schemas.js';

/** Most local days one channel statistics request may span. */
export const maxStatsDays = 366;

const money = z
  .array(z.object({ currency: z.enum(currencies), amount: minorUnits }))
  .describe('Per currency (of the payments), largest first; empty when nothing yet.');
const clicks = {
  clicks: z.number().int().describe('Clicks on the ads’ tracked links (bots not counted).'),
  unique_clicks: z
    .number()
    .int()
    .describe('Of those, a visitor’s first click on a post that day (UTC).'),
};

const subscribers = z.number().int().min(0).nullable();

const channelStats = named(
  'ChannelStats',
  z
    .object({
      channel_id: uuid,
      timezone: z.string().describe('IANA time zone the days are counted in.'),
      from: z.iso.date(),
      to: z.iso.date(),
      publications: z.number().int().describe('Ads published in the range.'),
      ...clicks,
      earned: money.describe(
        'Your share of the orders settled in the range (after the platform fee and any refund), this channel’s part by item price; per payment currency.',
      ),
      subscribers_start: subscribers.describe(
        'Members on the first measured day of the range (measured once a day with Telegram’s member count); null when no day of the range was measured.',
      ),
      subscribers_end: subscribers.describe(
        'Members on the last measured day of the range; null when no day of the range was measured.',
      ),
    })
    .describe('What one of your channels did on a range of its local days.'),
);

const orderStats = named(
  'OrderStats',
  z
    .object({
      order_id: uuid,
      currency: z.enum(currencies).describe('The order’s currency (of `spent`).'),
      placements: z.number().int().describe('Posts the order scheduled.'),
      publications: z.number().int().describe('Of those, published.'),
      ...clicks,
      spent: minorUnits.describe(
        'What the advertiser pays in the end: the total less refunds once paid; 0 before payment.',
      ),
      earned: money
        .optional()
        .describe('Owner keys only: your share from the settlement (empty until it is settled).'),
    })
    .describe('Delivery, clicks and money of one order.'),
);

const notFound = (what: string) =>
  new ProblemError('not-found', `No ${what} with this id for this key.`);

/** `GET /v1/channels/{id}/stats` (owner keys) and `GET /v1/orders/{id}/stats` (both sides). */
export function statsOperations(deps: { database: Database }): Operation[] {
  const channel = defineOperation({
    operationId: 'getChannelStats',
    method: 'get',
    path: '/v1/channels/{id}/stats',
    tag: 'Statistics',
    summary: 'Statistics of one of your channels',
    description: `Owner keys: publications, clicks, earnings and size (members at the range’s ends) of a channel of the workspace on local days \`from\`..\`to\` (at most ${maxStatsDays}) of its time zone. Any other channel, and any channel for an advertiser key, is not found.`,
    params: z.object({ id: uuid.describe('The channel’s id.') }),
    query: checkDayRange(z.object(dayRangeMembers(maxStatsDays)), maxStatsDays),
    responses: { 200: { description: 'The statistics.', schema: channelStats } },
    problems: ['not-found'],
    async handle(ctx, { params, query }) {
      const stats = await readChannelStats(deps.database, apiKeyOwnerOf(ctx), {
        channelId: params.id,
        days: query,
      });
      if (!stats) throw notFound('channel');
      return {
        body: {
          channel_id: stats.channelId,
          timezone: stats.timezone,
          from: query.from,
          to: query.to,
          publications: stats.publications,
          clicks: stats.clicks,
          unique_clicks: stats.uniqueClicks,
          earned: stats.earned,
          subscribers_start: stats.subscribersStart,
          subscribers_end: stats.subscribersEnd,
        } satisfies z.output<typeof channelStats>,
      };
    },
  });
  const order = defineOperation({
    operationId: 'getOrderStats',
    method: 'get',
    path: '/v1/orders/{id}/stats',
    tag: 'Statistics',
    summary: 'Statistics of one order',
    description:
      'Both sides of the order: its posts, their clicks and what the advertiser spends; owner keys also see their earnings from it.',
    params: z.object({ id: uuid.describe('The order’s id.') }),
    responses: { 200: { description: 'The statistics.', schema: orderStats } },
    problems: ['not-found'],
    async handle(ctx, { params }) {
      const stats = await readOrderStats(deps.database, apiKeyOwnerOf(ctx), params.id);
      if (!stats) throw notFound('order');
      return {
        body: {
          order_id: stats.orderId,
          currency: stats.currency,
          placements: stats.placements,
          publications: stats.publications,
          clicks: stats.clicks,
          unique_clicks: stats.uniqueClicks,
          spent: stats.spent,
          ...(stats.earned ? { earned: stats.earned } : {}),
        } satisfies z.output<typeof orderStats>,
      };
    },
  });
  return [channel, order];
}
