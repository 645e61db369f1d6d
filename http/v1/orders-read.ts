import { z } from 'zod';
import type { Clock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import {
  findPartnerOrder,
  pagePartnerOrders,
  type PartnerOrder,
} from '../../models/orders/partner-orders.js';
import { orderStatuses } from '../../models/orders/table.js';
import {
  listPartnerPlacements,
  type PartnerPlacement,
} from '../../models/stats/partner-placements.js';
import { placementStatuses } from '../../models/placements/table.js';
import { probeOutcomes, violationKinds } from '../../models/verification/violations.js';
import { apiKeyOwnerOf } from './auth.js';
import { orderSchema, presentOrder, type OrderBody } from './order-schema.js';
import { defineOperation, type Operation } from './operation.js';
import { decodeCursor, pageBody, pageQuery, pageSchema } from './pagination.js';
import { ProblemError } from './problems.js';
import { named, uuid } from './schemas.js';

const orderPage = named('OrderPage', pageSchema(orderSchema));
const orderKey = z.object({ createdMicros: z.string().regex(/^\d{1,19}$/), id: uuid });
const orderParams = z.object({ id: uuid.describe('The order’s id.') });
const instant = z.iso.datetime({ offset: true });
const payableStatuses = new Set(['held', 'awaiting_payment']);

const placement = named(
  'Placement',
  z
    .object({
      id: uuid,
      channel_id: uuid,
      format: z.string(),
      status: z.enum(placementStatuses),
      scheduled_at: instant.describe('When the post is (was) due.'),
      published_at: instant.nullable(),
      delay_seconds: z.number().int().nullable().describe('How late it was posted.'),
      post_url: z.string().nullable().describe('t.me link to the post while it is up.'),
      top_until: instant.nullable(),
      pin_until: instant.nullable(),
      delete_at: instant.nullable(),
      deleted_at: instant.nullable(),
      violations: z
        .array(
          z.object({
            kind: z.enum(violationKinds),
            at: instant.describe('When it was seen.'),
            from: instant.describe('The promise was broken from…'),
            until: instant.describe('…until.'),
          }),
        )
        .describe('Promises the post did not keep (they reduce what the owner is paid).'),
      checks: z
        .array(
          z.object({
            kind: z.enum(['exists', 'pin']),
            at: instant,
            outcome: z.enum(probeOutcomes),
          }),
        )
        .describe('Checks that the post was still there (and pinned) during its lifetime.'),
      clicks: z.number().int(),
      unique_clicks: z.number().int(),
      reactions: z
        .object({
          total: z.number().int().describe('All reactions on the post.'),
          counts: z
            .record(z.string(), z.number().int())
            .describe(
              'Per reaction: the emoji itself, `custom_emoji:<id>` for custom emoji, `paid` for Stars reactions.',
            ),
        })
        .describe('The latest reaction counts Telegram reported for the post (zero before any).'),
      joins: z
        .object({
          joined: z
            .number()
            .int()
            .describe('People who joined through the invite link (each once).'),
          left_within_24h: z.number().int().describe('Of them, left less than 24 h after joining.'),
          left_within_7d: z
            .number()
            .int()
            .describe('Of them, left less than 7 days after joining.'),
          joined_24h_ago: z
            .number()
            .int()
            .describe('Joins at least 24 h old: the base of a final 24 h retention.'),
          joined_7d_ago: z
            .number()
            .int()
            .describe('Joins at least 7 days old: the base of a final 7-day retention.'),
        })
        .nullable()
        .describe(
          'Subscribers gained: when the ad promotes a channel or group where the bot is an admin that may invite, the post carries an invite link of its own and joins through it are counted. Null otherwise.',
        ),
      settled: z.boolean().describe('Its part of the order’s money has been settled.'),
    })
    .describe('One post of an order in one channel and how its delivery went.'),
);
const placementList = named('PlacementList', z.object({ data: z.array(placement) }));

const iso = (at: Date | null) => at?.toISOString() ?? null;

/** An order as the `Order` schema shows it: the payment's link only while the order takes payment. */
function presentPartnerOrder(order: PartnerOrder): OrderBody {
  const { payment } = order;
  return presentOrder(
    order,
    payment
      ? {
          method: payment.provider,
          amount: payment.amount,
          currency: payment.currency,
          url:
            payment.status === 'pending' && payableStatuses.has(order.status)
              ? payment.confirmationUrl
              : null,
        }
      : null,
  );
}

function presentPlacement(p: PartnerPlacement): z.output<typeof placement> {
  return {
    id: p.id,
    channel_id: p.channelId,
    format: p.format,
    status: p.status,
    scheduled_at: p.dueAt.toISOString(),
    published_at: iso(p.publishedAt),
    delay_seconds: p.delaySeconds,
    post_url: p.postUrl,
    top_until: iso(p.topUntil),
    pin_until: iso(p.pinUntil),
    delete_at: iso(p.deleteAt),
    deleted_at: iso(p.deletedAt),
    violations: p.violations.map((v) => ({
      kind: v.kind,
      at: v.at,
      from: v.from,
      until: v.until,
    })),
    checks: p.checks.map(({ kind, at, outcome }) => ({ kind, at, outcome })),
    clicks: p.clicks,
    unique_clicks: p.uniqueClicks,
    reactions: p.reactions,
    joins: p.joins && {
      joined: p.joins.joins,
      left_within_24h: p.joins.leftWithinDay,
      left_within_7d: p.joins.leftWithinWeek,
      joined_24h_ago: p.joins.joinsDayOld,
      joined_7d_ago: p.joins.joinsWeekOld,
    },
    settled: p.settled,
  };
}

const notFound = () => new ProblemError('not-found', 'No order with this id for this key.');

/** `GET /v1/orders`, `GET /v1/orders/{id}` and `GET /v1/orders/{id}/placements`. */
export function orderReadOperations(deps: { database: Database; clock: Clock }): Operation[] {
  const list = defineOperation({
    operationId: 'listOrders',
    method: 'get',
    path: '/v1/orders',
    tag: 'Orders',
    summary: 'List orders',
    description:
      'Newest first. Owner keys: the orders of the workspace’s channels. Advertiser keys: the account’s orders in every workspace.',
    query: z.object({
      ...pageQuery,
      status: z.enum(orderStatuses).optional().describe('Only orders in this status.'),
    }),
    responses: { 200: { description: 'One page of orders.', schema: orderPage } },
    problems: ['invalid-cursor'],
    async handle(ctx, { query }) {
      const page = await pagePartnerOrders(deps.database, apiKeyOwnerOf(ctx), {
        limit: query.limit,
        after: decodeCursor(query.cursor, orderKey),
        status: query.status,
      });
      return { body: pageBody(page, presentPartnerOrder) };
    },
  });
  const read = defineOperation({
    operationId: 'getOrder',
    method: 'get',
    path: '/v1/orders/{id}',
    tag: 'Orders',
    summary: 'Read one order',
    description: 'An order of the key’s workspace (owner keys) or account (advertiser keys).',
    params: orderParams,
    responses: { 200: { description: 'The order.', schema: orderSchema } },
    problems: ['not-found'],
    async handle(ctx, { params }) {
      const order = await findPartnerOrder(deps.database, apiKeyOwnerOf(ctx), params.id);
      if (!order) throw notFound();
      return { body: presentPartnerOrder(order) };
    },
  });
  const placements = defineOperation({
    operationId: 'listOrderPlacements',
    method: 'get',
    path: '/v1/orders/{id}/placements',
    tag: 'Orders',
    summary: 'The posts of an order and their delivery',
    description:
      'One placement per booked slot once the order is paid and scheduled, in due order: its status, publication, post link, the promises it broke, the checks made and whether it is settled.',
    params: orderParams,
    responses: { 200: { description: 'The placements.', schema: placementList } },
    problems: ['not-found'],
    async handle(ctx, { params }) {
      const rows = await listPartnerPlacements(
        deps.database,
        apiKeyOwnerOf(ctx),
        params.id,
        deps.clock.now(),
      );
      if (!rows) throw notFound();
      return { body: { data: rows.map(presentPlacement) } };
    },
  });
  return [list, read, placements];
}
