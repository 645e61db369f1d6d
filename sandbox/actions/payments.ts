import { randomBytes } from 'node:crypto';
import { fail, ok, type Result } from '../../models/errors.js';
import { appendMessage } from '../methods/common.js';
import {
  invoiceKey,
  recordStarSubscriptionCharge,
  starSubscriptionOf,
  starSubscriptionPeriod,
} from '../methods/payment-methods.js';
import { enqueueUpdate } from '../updates.js';
import { privateChat, type ChatState, type StoredMessage, type World } from '../world.js';

export type PaymentFailure = 'invoice_not_found' | 'declined' | 'timeout';

export interface PaymentSuccess {
  chargeId: string;
  amount: number;
  message: StoredMessage;
}

/** Where the invoice is: a message in a chat, or an invoice link from createInvoiceLink. */
export type InvoiceRef = { chat: ChatState; messageId: number } | { link: string };

export interface PayOptions {
  /**
   * The charge happens (message in the chat, Star transaction) but its successful_payment update
   * never reaches the bot: a lost update, for testing the reconciliation against the transactions.
   */
  lostUpdate?: boolean;
}

/**
 * A user pays an invoice in Stars: pre_checkout_query, then a successful_payment message when the
 * bot answers ok within the timeout; otherwise the error is recorded and returned.
 */
export async function payInvoice(
  world: World,
  userId: number,
  ref: InvoiceRef,
  options: PayOptions = {},
): Promise<Result<PaymentSuccess, PaymentFailure>> {
  const user = world.users.get(userId);
  if (!user) throw new Error(`unknown user ${userId}`);
  const key = 'link' in ref ? ref.link : invoiceKey(ref.chat.key, ref.messageId);
  const entry = world.invoiceLinks.get(key);
  const bot = world.bots.get(entry?.botId ?? 0);
  if (!entry || !bot) return fail('invoice_not_found');
  const invoice = entry.invoice as { currency: string; total_amount: number; payload: string };
  const id = `${userId}${world.nextId('pre-checkout')}${randomBytes(3).readUIntBE(0, 3)}`;
  const answer = await new Promise<{ ok: boolean; error_message?: string } | null>((resolve) => {
    const timer = setTimeout(() => {
      world.preCheckouts.delete(id);
      resolve(null);
    }, world.preCheckoutTimeoutMs);
    world.preCheckouts.set(id, {
      id,
      botId: bot.user.id,
      userId,
      settle: (a) => {
        clearTimeout(timer);
        resolve(a);
      },
    });
    enqueueUpdate(bot.updates, 'pre_checkout_query', {
      id,
      from: user,
      currency: invoice.currency,
      total_amount: invoice.total_amount,
      invoice_payload: invoice.payload,
    });
  });
  if (!answer || !answer.ok) {
    const error = answer?.error_message ?? 'the bot did not answer the pre-checkout query in time';
    const entry = {
      userId,
      botId: bot.user.id,
      ok: false,
      amount: invoice.total_amount,
      currency: invoice.currency,
      date: world.now(),
      error,
    };
    world.paymentLog.push(entry);
    world.events.emit('payment', { kind: 'failed', ...entry });
    return fail(answer ? 'declined' : 'timeout', { error_message: error });
  }
  const chat = 'link' in ref ? privateChat(world, bot.user.id, userId) : ref.chat;
  const period = (entry.invoice as { subscription_period?: number }).subscription_period;
  const lostUpdate = options.lostUpdate === true;
  if (!period) return ok(charge(world, { botId: bot.user.id, userId, invoice, chat, lostUpdate }));
  const expiresAt = world.now() + period;
  const paid = charge(world, {
    botId: bot.user.id,
    userId,
    invoice,
    chat,
    subscription: { expiresAt, first: true },
    lostUpdate,
  });
  recordStarSubscriptionCharge(
    world,
    {
      botId: bot.user.id,
      userId,
      firstChargeId: paid.chargeId,
      chargeIds: [],
      invoice: { ...invoice, subscription_period: period },
      expiresAt,
      canceledByBot: false,
      canceledByUser: false,
    },
    paid.chargeId,
  );
  return ok(paid);
}

interface ChargeInput {
  botId: number;
  userId: number;
  invoice: { currency: string; total_amount: number; payload: string };
  chat: ChatState;
  /** A Stars subscription payment: its period end and whether it is the first one. */
  subscription?: { expiresAt: number; first: boolean };
  /** The bot is never told (PayOptions.lostUpdate). */
  lostUpdate?: boolean;
}

/** Takes the Stars and tells the bot: charge, transaction, successful_payment message. */
function charge(world: World, input: ChargeInput): PaymentSuccess {
  const { invoice, userId, chat } = input;
  const user = world.users.get(userId);
  const chargeId = `stxSANDBOX${world.nextId('charge')}_${randomBytes(12).toString('base64url')}`;
  world.charges.set(chargeId, {
    chargeId,
    botId: input.botId,
    userId,
    amount: invoice.total_amount,
    currency: invoice.currency,
    payload: invoice.payload,
    refunded: false,
  });
  const list = world.starTransactions.get(input.botId) ?? [];
  list.push({
    id: chargeId,
    amount: invoice.total_amount,
    date: world.now(),
    source: {
      type: 'user',
      transaction_type: 'invoice_payment',
      user,
      invoice_payload: invoice.payload,
      ...(input.subscription ? { subscription_period: starSubscriptionPeriod } : {}),
    },
  });
  world.starTransactions.set(input.botId, list);
  if (chat.type === 'private') chat.started = true;
  const successful_payment = {
    currency: invoice.currency,
    total_amount: invoice.total_amount,
    invoice_payload: invoice.payload,
    ...(input.subscription
      ? {
          subscription_expiration_date: input.subscription.expiresAt,
          is_recurring: true,
          is_first_recurring: input.subscription.first,
        }
      : {}),
    telegram_payment_charge_id: chargeId,
    provider_payment_charge_id: '',
  };
  const message = appendMessage(world, chat, { from: user, successful_payment }, null);
  const bot = world.bots.get(input.botId);
  if (bot && !input.lostUpdate) enqueueUpdate(bot.updates, 'message', message.message);
  world.events.emit('payment', {
    kind: 'succeeded',
    userId,
    botId: input.botId,
    chargeId,
    amount: invoice.total_amount,
  });
  return { chargeId, amount: invoice.total_amount, message };
}

export type RenewalFailure = 'subscription_not_found' | 'subscription_cancelled';

/**
 * Telegram renews a Stars subscription (the sandbox's "renew" control): the next recurring
 * successful_payment (is_recurring, is_first_recurring false) with the period moved 30 days on.
 * A subscription cancelled by the user or by the bot does not renew.
 */
export function renewStarSubscription(
  world: World,
  chargeId: string,
): Result<PaymentSuccess & { expiresAt: number }, RenewalFailure> {
  const subscription = starSubscriptionOf(world, chargeId);
  if (!subscription || !world.bots.has(subscription.botId)) return fail('subscription_not_found');
  if (subscription.canceledByBot || subscription.canceledByUser)
    return fail('subscription_cancelled');
  const expiresAt = subscription.expiresAt + subscription.invoice.subscription_period;
  const paid = charge(world, {
    botId: subscription.botId,
    userId: subscription.userId,
    invoice: subscription.invoice,
    chat: privateChat(world, subscription.botId, subscription.userId),
    subscription: { expiresAt, first: false },
  });
  subscription.expiresAt = expiresAt;
  recordStarSubscriptionCharge(world, subscription, paid.chargeId);
  return ok({ ...paid, expiresAt });
}

/** The user cancels their Stars subscription in Telegram's settings (no renewal after). */
export function cancelStarSubscriptionByUser(world: World, chargeId: string): boolean {
  const subscription = starSubscriptionOf(world, chargeId);
  if (!subscription) return false;
  subscription.canceledByUser = true;
  return true;
}
