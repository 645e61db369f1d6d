import { randomBytes } from 'node:crypto';
import { badRequest } from '../errors.js';
import type { ApiMessage } from '../types.js';
import { enqueueUpdate } from '../updates.js';
import { privateChat, type World } from '../world.js';
import {
  appendMessage,
  applyReplyMarkup,
  checkReplyMarkup,
  replyFields,
  requireCanSend,
  resolveChat,
  senderFields,
} from './common.js';
import type { MethodHandler } from './context.js';

interface Price {
  label: string;
  amount: number;
}

/** Checks invoice parameters as Telegram does and returns the Invoice object plus hidden payload. */
function checkInvoice(params: Record<string, unknown>): {
  invoice: Record<string, unknown>;
  payload: string;
} {
  const title = params.title as string;
  const description = params.description as string;
  const payload = params.payload as string;
  const currency = params.currency as string;
  const prices = params.prices as Price[];
  if (title.length < 1 || title.length > 32) throw badRequest('INVOICE_TITLE_INVALID');
  if (description.length < 1 || description.length > 255) {
    throw badRequest('INVOICE_DESCRIPTION_INVALID');
  }
  if (Buffer.byteLength(payload) < 1 || Buffer.byteLength(payload) > 128) {
    throw badRequest('INVOICE_PAYLOAD_INVALID');
  }
  if (currency === 'XTR') {
    if (typeof params.provider_token === 'string' && params.provider_token !== '') {
      throw badRequest('PROVIDER_TOKEN_INVALID: must be empty for payments in Telegram Stars');
    }
    if (prices.length !== 1)
      throw badRequest('exactly one price must be specified for Telegram Stars');
  } else {
    throw badRequest('only Telegram Stars (XTR) payments are supported by the sandbox');
  }
  const total = prices.reduce((sum, p) => sum + p.amount, 0);
  if (prices.some((p) => !Number.isInteger(p.amount) || p.amount <= 0) || total > 100_000) {
    throw badRequest('CURRENCY_TOTAL_AMOUNT_INVALID');
  }
  const invoice: Record<string, unknown> = {
    title,
    description,
    start_parameter: '',
    currency,
    total_amount: total,
  };
  if (typeof params.start_parameter === 'string') invoice.start_parameter = params.start_parameter;
  return { invoice, payload };
}

/** A Stars subscription a user started by paying a subscription invoice link. */
export interface StarSubscription {
  botId: number;
  userId: number;
  firstChargeId: string;
  /** Every charge of it (first and recurring), oldest first. */
  chargeIds: string[];
  invoice: { currency: string; total_amount: number; payload: string; subscription_period: number };
  /** Unix seconds the paid period ends. */
  expiresAt: number;
  canceledByBot: boolean;
  canceledByUser: boolean;
}

/** Subscriptions per world (kept beside it, not persisted: a restarted sandbox starts without). */
const subscriptionsByWorld = new WeakMap<World, Map<string, StarSubscription>>();

function subscriptionsOf(world: World): Map<string, StarSubscription> {
  let map = subscriptionsByWorld.get(world);
  if (!map) {
    map = new Map();
    subscriptionsByWorld.set(world, map);
  }
  return map;
}

/** The subscription a charge (first or recurring) belongs to. */
export function starSubscriptionOf(world: World, chargeId: string): StarSubscription | undefined {
  return subscriptionsOf(world).get(chargeId);
}

/** Indexes a subscription under a new charge id. */
export function recordStarSubscriptionCharge(
  world: World,
  subscription: StarSubscription,
  chargeId: string,
): void {
  if (!subscription.chargeIds.includes(chargeId)) subscription.chargeIds.push(chargeId);
  subscriptionsOf(world).set(chargeId, subscription);
}

/** Telegram's only subscription period (30 days) and its price cap for Stars subscriptions. */
export const starSubscriptionPeriod = 2_592_000;
const maxSubscriptionPrice = 10_000;

/** subscription_period of createInvoiceLink, checked as Telegram does (XTR, 30 days, ≤ 10 000 ⭐). */
function checkSubscriptionPeriod(
  params: Record<string, unknown>,
  total: number,
): number | undefined {
  const period = params.subscription_period;
  if (period === undefined) return undefined;
  if (params.currency !== 'XTR') throw badRequest('SUBSCRIPTION_CURRENCY_INVALID');
  if (period !== starSubscriptionPeriod) throw badRequest('SUBSCRIPTION_PERIOD_INVALID');
  if (total > maxSubscriptionPrice) throw badRequest('SUBSCRIPTION_PRICE_INVALID');
  return period;
}

/** Hidden data the world keeps next to an invoice message (never shown to the user). */
export function invoiceKey(chatKey: string, messageId: number): string {
  return `${chatKey}#${messageId}`;
}

const sendInvoice: MethodHandler = ({ world, bot, params }) => {
  const chat = resolveChat(world, bot, params.chat_id);
  requireCanSend(bot, chat);
  const { invoice, payload } = checkInvoice(params);
  const markup = checkReplyMarkup(params.reply_markup, chat);
  const first = markup?.inline_keyboard?.[0]?.[0];
  if (markup?.inline_keyboard && first?.pay !== true) {
    throw badRequest('the first button in the inline keyboard must be a Pay button');
  }
  const fields: Partial<ApiMessage> = {
    ...senderFields(world, bot, chat),
    ...replyFields(chat, params),
    invoice,
  };
  applyReplyMarkup(fields, chat, markup);
  const stored = appendMessage(world, chat, fields, bot.user.id);
  world.invoiceLinks.set(invoiceKey(chat.key, stored.message.message_id), {
    botId: bot.user.id,
    invoice: { ...invoice, payload },
  });
  return stored.message;
};

const createInvoiceLink: MethodHandler = ({ world, bot, params }) => {
  const { invoice, payload } = checkInvoice(params);
  const period = checkSubscriptionPeriod(params, invoice.total_amount as number);
  const link = `https://t.me/$${randomBytes(12).toString('base64url')}`;
  world.invoiceLinks.set(link, {
    botId: bot.user.id,
    invoice: { ...invoice, payload, ...(period ? { subscription_period: period } : {}) },
  });
  return link;
};

const editUserStarSubscription: MethodHandler = ({ world, bot, params }) => {
  const subscription = starSubscriptionOf(world, params.telegram_payment_charge_id as string);
  if (
    !subscription ||
    subscription.botId !== bot.user.id ||
    subscription.userId !== params.user_id
  ) {
    throw badRequest('CHARGE_ID_INVALID');
  }
  if (params.is_canceled === false && subscription.canceledByUser) {
    throw badRequest('SUBSCRIPTION_CANCELED_BY_USER');
  }
  subscription.canceledByBot = params.is_canceled === true;
  world.events.emit('payment', {
    kind: subscription.canceledByBot ? 'subscription_cancelled' : 'subscription_resumed',
    userId: subscription.userId,
    botId: bot.user.id,
    chargeId: subscription.firstChargeId,
  });
  return true;
};

const answerPreCheckoutQuery: MethodHandler = ({ world, bot, params }) => {
  const query = world.preCheckouts.get(params.pre_checkout_query_id as string);
  if (!query || query.botId !== bot.user.id) {
    throw badRequest('query is too old and response timeout expired or query ID is invalid');
  }
  const ok = params.ok === true;
  if (!ok && (typeof params.error_message !== 'string' || params.error_message === '')) {
    throw badRequest('error_message is required when ok is false');
  }
  world.preCheckouts.delete(query.id);
  query.settle(ok ? { ok } : { ok, error_message: params.error_message as string });
  return true;
};

function userObject(world: World, id: number): Record<string, unknown> {
  return { ...(world.users.get(id) ?? { id, is_bot: false, first_name: '' }) };
}

const refundStarPayment: MethodHandler = ({ world, bot, params }) => {
  const charge = world.charges.get(params.telegram_payment_charge_id as string);
  if (!charge || charge.botId !== bot.user.id || charge.userId !== params.user_id) {
    throw badRequest('CHARGE_NOT_FOUND');
  }
  if (charge.refunded) throw badRequest('CHARGE_ALREADY_REFUNDED');
  charge.refunded = true;
  const list = world.starTransactions.get(bot.user.id) ?? [];
  // Outgoing, with the id of the charge it gives back (StarTransaction.id).
  list.push({
    id: charge.chargeId,
    amount: charge.amount,
    date: world.now(),
    receiver: {
      type: 'user',
      transaction_type: 'invoice_payment',
      user: userObject(world, charge.userId),
    },
  });
  world.starTransactions.set(bot.user.id, list);
  const chat = privateChat(world, bot.user.id, charge.userId);
  const refunded_payment = {
    currency: charge.currency,
    total_amount: charge.amount,
    invoice_payload: charge.payload,
    telegram_payment_charge_id: charge.chargeId,
  };
  const stored = appendMessage(
    world,
    chat,
    { from: world.users.get(charge.userId), refunded_payment },
    null,
  );
  enqueueUpdate(bot.updates, 'message', stored.message);
  world.events.emit('payment', {
    kind: 'refunded',
    userId: charge.userId,
    botId: bot.user.id,
    amount: charge.amount,
    currency: charge.currency,
    chargeId: charge.chargeId,
  });
  return true;
};

/**
 * The bot's transactions newest first, as Telegram answers (its docs say "chronological"); like
 * the Bot API server, an offset below 0 counts as 0 and the limit is clamped to 1–100.
 */
const getStarTransactions: MethodHandler = ({ world, bot, params }) => {
  const list = world.starTransactions.get(bot.user.id) ?? [];
  const offset = Math.max((params.offset as number | undefined) ?? 0, 0);
  const limit = Math.min(Math.max((params.limit as number | undefined) ?? 100, 1), 100);
  return { transactions: [...list].reverse().slice(offset, offset + limit) };
};

/** Telegram Stars payments. */
export const paymentMethods: Record<string, MethodHandler> = {
  sendInvoice,
  createInvoiceLink,
  answerPreCheckoutQuery,
  refundStarPayment,
  getStarTransactions,
  editUserStarSubscription,
};
