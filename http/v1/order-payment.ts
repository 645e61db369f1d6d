import type { Api } from 'grammy';
import type { BookedPayment } from '../../models/checkout/book-order.js';
import {
  attachProviderPayment,
  prepareExternalPayment,
} from '../../models/checkout/prepare-external-payment.js';
import { attachInvoiceLink, prepareInvoice } from '../../models/checkout/prepare-invoice.js';
import { createProviderPayment } from '../../models/checkout/provider-payment.js';
import type { Clock } from '../../models/clock.js';
import { orderReadiness } from '../../models/creatives/order-readiness.js';
import type { ModerationAdapter } from '../../models/creatives/check-content.js';
import type { Database } from '../../models/db.js';
import type { Logger } from '../../models/logger.js';
import type { OrderView } from '../../models/orders/order-view.js';
import type { StarsRates } from '../../models/payments/stars-amount.js';
import type { PaymentProviders } from '../../models/providers/create-providers.js';
import type { Translator } from '../../messages/i18n.js';
import type { OrderBody } from './order-schema.js';

/** What booking through the API needs beyond the database (main.ts wires it). */
export interface OrderWriteDeps {
  database: Database;
  clock: Clock;
  logger: Logger;
  /** The outbound gateway's Api: Stars invoice links and Stars refunds. Absent: no Stars. */
  telegram?: Pick<Api, 'createInvoiceLink' | 'refundStarPayment' | 'getMe'>;
  providers?: PaymentProviders;
  starsRates: StarsRates;
  /** The AI content check, when configured (its flags send a creative to moderation). */
  moderation?: ModerationAdapter;
  /** Invoice texts in the advertiser's language. */
  i18n: Translator;
  /** Where a provider's payment page returns to when the bot is unknown. */
  publicUrl: string;
}

/** The member `payment` of an order awaiting this payment, its link not made yet. */
export function awaitedPayment(payment: BookedPayment): NonNullable<OrderBody['payment']> {
  if (payment.method === 'stars')
    return { method: 'stars', amount: payment.invoice.stars, currency: 'XTR', url: null };
  const { amount, currency } = payment.external;
  return { method: payment.method, amount, currency, url: null };
}

async function returnUrl(deps: OrderWriteDeps): Promise<string> {
  if (!deps.telegram) return deps.publicUrl;
  const me = await deps.telegram.getMe();
  return `https://t.me/${me.username}`;
}

/**
 * Where the advertiser pays a readied payment: a Stars invoice link (createInvoiceLink with the
 * bot's invoice payload, so paying it goes through the bot's pre-checkout and successful-payment
 * path) or the provider's checkout page (created once per payment, then reused). Throws when
 * Telegram or the provider does not answer.
 */
export async function paymentLinkOf(
  deps: OrderWriteDeps,
  accountId: string,
  payment: BookedPayment,
  view: OrderView,
): Promise<string> {
  const locale = view.advertiser.language;
  const channels = [...new Set(view.items.map((i) => i.channelTitle))].join(', ');
  const description = deps.i18n
    .tPlain(locale, 'checkout-invoice-description', { channels, count: view.items.length })
    .slice(0, 255);
  if (payment.method === 'stars') {
    if (!deps.telegram) throw new Error('no Telegram Api for Stars invoice links');
    const { payload, stars, orderId, workspaceId } = payment.invoice;
    const link = await deps.telegram.createInvoiceLink(
      deps.i18n.tPlain(locale, 'checkout-invoice-title'),
      description,
      payload,
      '',
      'XTR',
      [{ label: deps.i18n.tPlain(locale, 'checkout-invoice-label'), amount: stars }],
    );
    // Kept for reads of the order. Not kept when the payment moved on meanwhile (paid, or its
    // invoice refreshed in the bot): the link then leads to the bot's own checks, which decide.
    await attachInvoiceLink(
      deps.database,
      { accountId, workspaceId, orderId, payload, link },
      deps.clock,
    );
    return link;
  }
  const prepared = payment.external;
  if (prepared.confirmationUrl) return prepared.confirmationUrl;
  const created = await createProviderPayment(deps, payment.method, prepared, {
    description,
    returnUrl: await returnUrl(deps),
  });
  const attached = await attachProviderPayment(
    deps.database,
    {
      accountId,
      workspaceId: prepared.workspaceId,
      paymentId: prepared.paymentId,
      providerPaymentId: created.providerPaymentId,
      confirmationUrl: created.url,
    },
    deps.clock,
  );
  if (!attached.ok) throw new Error(`payment ${prepared.paymentId} is no longer pending`);
  return created.url;
}

/**
 * The order's awaited payment readied again (the bot's own path: same payload while the order is
 * unchanged, the provider's payment reused), for a link made after the booking committed; undefined
 * when the order no longer takes payment.
 */
export async function reprepare(
  deps: OrderWriteDeps,
  accountId: string,
  orderId: string,
  method: NonNullable<OrderBody['payment']>['method'],
): Promise<BookedPayment | undefined> {
  // The API books with a link to pay; the bot's balance is never an awaited payment here.
  if (method === 'balance') return undefined;
  const input = { accountId, orderId, readiness: orderReadiness };
  if (method === 'stars') {
    const invoice = await prepareInvoice(
      deps.database,
      { ...input, rates: deps.starsRates },
      deps.clock,
    );
    return invoice.ok ? { method, invoice: invoice.value } : undefined;
  }
  const external = await prepareExternalPayment(
    deps.database,
    { ...input, provider: method },
    deps.clock,
  );
  return external.ok ? { method, external: external.value } : undefined;
}
