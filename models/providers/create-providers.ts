import type { Config } from '../../config.js';
import { createStripeGateway, type StripeGateway } from './stripe.js';
import type { PaymentRefunder, PaymentRefunders } from './types.js';
import { createYooKassaGateway, type YooKassaGateway } from './yookassa.js';

/** The external payment gateways, each present only when its keys are configured. */
export interface PaymentProviders {
  stripe?: StripeGateway;
  yookassa?: YooKassaGateway;
}

/** Builds the gateways from the config (STRIPE_* / YOOKASSA_*); none configured ⇒ Stars only. */
export function createPaymentProviders(config: Config): PaymentProviders {
  const providers: PaymentProviders = {};
  if (config.stripe) {
    providers.stripe = createStripeGateway({
      secretKey: config.stripe.secretKey,
      webhookSecret: config.stripe.webhookSecret,
      ...(config.stripe.apiRoot ? { apiRoot: config.stripe.apiRoot } : {}),
    });
  }
  if (config.yookassa) {
    providers.yookassa = createYooKassaGateway({
      shopId: config.yookassa.shopId,
      secretKey: config.yookassa.secretKey,
      apiRoot: config.yookassa.apiRoot,
    });
  }
  return providers;
}

/** The refund function of every configured provider, Stars (from the bot edge) included. */
export function paymentRefunders(
  providers: PaymentProviders,
  stars: PaymentRefunder,
): PaymentRefunders {
  return {
    stars,
    ...(providers.stripe ? { stripe: providers.stripe.refund } : {}),
    ...(providers.yookassa ? { yookassa: providers.yookassa.refund } : {}),
  };
}
