import { randomBytes } from 'node:crypto';
import { fail, ok, type Result } from '../../models/errors.js';
import { appendMessage } from '../methods/common.js';
import { invoiceKey } from '../methods/payment-methods.js';
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

/**
 * A user pays an invoice in Stars: pre_checkout_query, then a successful_payment message when the
 * bot answers ok within the timeout; otherwise the error is recorded and returned.
 */
export async function payInvoice(
  world: World,
  userId: number,
  ref: InvoiceRef,
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
  const chargeId = `stxSANDBOX${world.nextId('charge')}_${randomBytes(12).toString('base64url')}`;
  world.charges.set(chargeId, {
    chargeId,
    botId: bot.user.id,
    userId,
    amount: invoice.total_amount,
    currency: invoice.currency,
    payload: invoice.payload,
    refunded: false,
  });
  const list = world.starTransactions.get(bot.user.id) ?? [];
  list.push({
    id: chargeId,
    amount: invoice.total_amount,
    date: world.now(),
    source: {
      type: 'user',
      transaction_type: 'invoice_payment',
      user,
      invoice_payload: invoice.payload,
    },
  });
  world.starTransactions.set(bot.user.id, list);
  const chat = 'link' in ref ? privateChat(world, bot.user.id, userId) : ref.chat;
  if (chat.type === 'private') chat.started = true;
  const successful_payment = {
    currency: invoice.currency,
    total_amount: invoice.total_amount,
    invoice_payload: invoice.payload,
    telegram_payment_charge_id: chargeId,
    provider_payment_charge_id: '',
  };
  const message = appendMessage(world, chat, { from: user, successful_payment }, null);
  enqueueUpdate(bot.updates, 'message', message.message);
  world.events.emit('payment', {
    kind: 'succeeded',
    userId,
    botId: bot.user.id,
    chargeId,
    amount: invoice.total_amount,
  });
  return ok({ chargeId, amount: invoice.total_amount, message });
}
