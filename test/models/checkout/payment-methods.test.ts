import { describe, expect, it } from 'vitest';
import { maxStarsInvoice, paymentMethodsFor } from '../../../models/checkout/payment-methods.js';

const all = { stripe: true, yookassa: true };
const none = { stripe: false, yookassa: false };

describe('paymentMethodsFor', () => {
  it('offers Stars always, Stripe for USD/EUR and YooKassa for RUB, only when configured', () => {
    expect(paymentMethodsFor('RUB', all)).toEqual(['stars', 'yookassa']);
    expect(paymentMethodsFor('USD', all)).toEqual(['stars', 'stripe']);
    expect(paymentMethodsFor('EUR', all)).toEqual(['stripe']);
    expect(paymentMethodsFor('RUB', none)).toEqual(['stars']);
    expect(paymentMethodsFor('USD', { stripe: false, yookassa: true })).toEqual(['stars']);
    expect(paymentMethodsFor('RUB', { stripe: true, yookassa: false })).toEqual(['stars']);
  });

  it('leaves Stars out above Telegram’s invoice limit only when another method exists', () => {
    expect(paymentMethodsFor('RUB', all, maxStarsInvoice + 1)).toEqual(['yookassa']);
    expect(paymentMethodsFor('RUB', all, maxStarsInvoice)).toEqual(['stars', 'yookassa']);
    expect(paymentMethodsFor('RUB', none, maxStarsInvoice + 1)).toEqual(['stars']);
  });
});
