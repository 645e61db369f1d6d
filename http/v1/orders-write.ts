import type { Context } from 'koa';
import { z } from 'zod';
import { closeMootAdminCard } from '../../models/admin/moot-cards.js';
import { bookOrder, type BookedPayment } from '../../models/checkout/book-order.js';
import { cancelOrder } from '../../models/checkout/cancel-order.js';
import { readMyOrder } from '../../models/checkout/my-orders.js';
import { readOrderView } from '../../models/orders/order-view.js';
import { refundOrder } from '../../telegram/refund-order.js';
import { apiKeyScopeOf } from './auth.js';
import { idempotentWriteOf, replayOf } from './idempotency.js';
import { defineOperation, type Operation, type OperationResult } from './operation.js';
import { refusalProblem } from './order-problems.js';
import { createOrderBody, readOrderContent } from './order-request.js';
import { awaitedPayment, paymentLinkOf, reprepare, type OrderWriteDeps } from './order-payment.js';
import { orderSchema, presentOrder, type OrderBody } from './order-schema.js';
import { ProblemError } from './problems.js';
import { uuid } from './schemas.js';

/** The advertiser account of the key; owner keys do not book (403). */
function advertiserOf(ctx: Context): string {
  const scope = apiKeyScopeOf(ctx);
  if (scope.kind !== 'account')
    throw new ProblemError('forbidden', 'Orders are booked and cancelled with advertiser keys.');
  return scope.accountId;
}

/** The link of a booked payment, stored in the key's answer; a failure is a 503 to retry. */
async function withLink(
  ctx: Context,
  deps: OrderWriteDeps,
  accountId: string,
  order: OrderBody,
  payment: BookedPayment,
): Promise<OperationResult> {
  const view = await readMyOrder(deps.database, accountId, order.id);
  try {
    if (!view || !order.payment) throw new Error('the booked order is gone');
    const url = await paymentLinkOf(deps, accountId, payment, view);
    const body = { ...order, payment: { ...order.payment, url } };
    await idempotentWriteOf(ctx).restore({ status: 201, body });
    return { status: 201, body };
  } catch (err) {
    deps.logger.warn({ err, orderId: order.id }, 'payment link not created');
    ctx.set('Retry-After', '5');
    throw new ProblemError(
      'payment-link-unavailable',
      `Order ${order.id} is booked; retry with the same Idempotency-Key for its payment link.`,
    );
  }
}

/** `POST /v1/orders` and `POST /v1/orders/{id}/cancel` (advertiser keys; docs/api.md#orders). */
export function orderWriteOperations(deps: OrderWriteDeps): Operation[] {
  const configured = {
    stripe: Boolean(deps.providers?.stripe),
    yookassa: Boolean(deps.providers?.yookassa),
  };
  const create = defineOperation({
    operationId: 'createOrder',
    method: 'post',
    path: '/v1/orders',
    tag: 'Orders',
    summary: 'Book slots and get the payment link',
    description:
      'Holds every slot (all or none) for 15 minutes, stores the creative and marking, and readies the payment; `payment.url` is where the advertiser pays. Advertiser keys only.',
    body: createOrderBody,
    responses: { 201: { description: 'The order, awaiting payment.', schema: orderSchema } },
    problems: [
      'forbidden',
      'not-found',
      'format-not-offered',
      'channel-not-bookable',
      'slot-unavailable',
      'content-refused',
      'method-unavailable',
      'payment-link-unavailable',
    ],
    async handle(ctx, { body }) {
      const accountId = advertiserOf(ctx);
      const content = readOrderContent(body);
      if (!content.ok)
        throw new ProblemError(
          'validation-failed',
          'Each rejected member is in `errors`.',
          content.errors,
        );
      if (body.payment_method === 'stars' && !deps.telegram)
        throw refusalProblem('method_unavailable');
      const write = idempotentWriteOf(ctx);
      const booked = await bookOrder(
        deps.database,
        {
          accountId,
          items: body.items.map((i) => ({
            channelId: i.channel_id,
            startsAt: new Date(i.starts_at),
            format: i.format,
          })),
          creative: content.creative,
          marking: content.marking,
          method: body.payment_method,
          rates: deps.starsRates,
          configured,
        },
        deps.clock,
        {
          ...(deps.moderation ? { ai: deps.moderation } : {}),
          async commit(tx, order) {
            const view = await readOrderView(tx, order.orderId);
            if (!view) throw new Error('the booked order is not visible');
            const answer = presentOrder(view, awaitedPayment(order.payment));
            if (!(await write.storeInTx(tx, { status: 201, body: answer })))
              throw new Error('another request completed this Idempotency-Key');
            return answer;
          },
        },
      );
      if (!booked.ok) throw refusalProblem(booked.code, booked.detail);
      return withLink(ctx, deps, accountId, booked.value.committed, booked.value.payment);
    },
    async replay(ctx, stored) {
      const order = stored.body as OrderBody;
      if (stored.status !== 201 || !order.payment || order.payment.url !== null)
        return replayOf(stored);
      // The booking committed but its link was not made: make it now (the same payment).
      const accountId = advertiserOf(ctx);
      const payment = await reprepare(deps, accountId, order.id, order.payment.method);
      if (!payment) {
        const view = await readMyOrder(deps.database, accountId, order.id);
        return { status: 201, body: view ? presentOrder(view, null) : order };
      }
      return withLink(ctx, deps, accountId, order, payment);
    },
  });
  const cancel = defineOperation({
    operationId: 'cancelOrder',
    method: 'post',
    path: '/v1/orders/{id}/cancel',
    tag: 'Orders',
    summary: 'Cancel an order',
    description:
      'As in the bot: an order not yet approved by the owner (held, awaiting payment, paid, in review) is cancelled and its slots freed; money taken is refunded in full. Advertiser keys only.',
    params: z.object({ id: uuid.describe('The order’s id.') }),
    responses: { 200: { description: 'The cancelled order.', schema: orderSchema } },
    problems: ['forbidden', 'not-found', 'order-not-cancellable'],
    async handle(ctx, { params }) {
      const accountId = advertiserOf(ctx);
      const before = await readMyOrder(deps.database, accountId, params.id);
      const result = await cancelOrder(
        deps.database,
        { accountId, orderId: params.id },
        deps.clock,
      );
      if (!result.ok) {
        if (result.code === 'not_found')
          throw new ProblemError('not-found', 'No order with this id for this key.');
        throw new ProblemError(
          'order-not-cancellable',
          `The order is ${before?.status ?? 'past cancelling'}; the owner has approved it or it has ended.`,
        );
      }
      // Waiting for the platform's moderation: its admin card no longer needs a decision.
      if (before?.status === 'paid')
        await closeMootAdminCard(
          deps.database,
          { kind: 'creative', objectId: params.id },
          deps.clock,
        );
      if (result.value.paid) {
        if (deps.telegram)
          await refundOrder({ ...deps, api: deps.telegram }, result.value, `account:${accountId}`);
        else
          deps.logger.warn(
            { orderId: params.id },
            'cancelled paid order left to the refund retries',
          );
      }
      const view = await readMyOrder(deps.database, accountId, params.id);
      if (!view) throw new Error('the cancelled order is gone');
      return { body: presentOrder(view, null) };
    },
  });
  return [create, cancel];
}
