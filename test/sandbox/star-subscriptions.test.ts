import { Bot } from 'grammy';
import type { SuccessfulPayment } from 'grammy/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renewStarSubscription } from '../../sandbox/actions/payments.js';
import { callBotApi, startSandbox, type Sandbox } from '../helpers/sandbox.js';

const period = 2_592_000;
const link = (extra: Record<string, unknown>) => ({
  title: 'Pro',
  description: 'Pro for 30 days',
  payload: 'sub:demo',
  currency: 'XTR',
  prices: [{ label: 'Pro', amount: 7700 }],
  ...extra,
});

describe('Telegram Stars subscriptions in the emulator', () => {
  let sandbox: Sandbox;
  let bot: Bot;
  const paid: SuccessfulPayment[] = [];

  beforeEach(async () => {
    sandbox = await startSandbox();
    bot = new Bot(sandbox.token, { client: { apiRoot: sandbox.apiRoot } });
    bot.on('pre_checkout_query', (ctx) => ctx.answerPreCheckoutQuery(true));
    bot.on('message:successful_payment', (ctx) => {
      paid.push(ctx.message.successful_payment);
    });
    paid.length = 0;
    void bot.start();
  });
  afterEach(async () => {
    await bot.stop();
    await sandbox.close();
  });

  const waitForPayments = async (count: number) => {
    const deadline = Date.now() + 5000;
    while (paid.length < count && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    expect(paid).toHaveLength(count);
  };

  it('validates subscription_period like Telegram: XTR, 30 days, at most 10 000 Stars', async () => {
    const wrongPeriod = await callBotApi(
      sandbox,
      'createInvoiceLink',
      link({ subscription_period: 86_400 }),
    );
    expect(wrongPeriod).toMatchObject({
      ok: false,
      description: 'Bad Request: SUBSCRIPTION_PERIOD_INVALID',
    });
    const tooDear = await callBotApi(
      sandbox,
      'createInvoiceLink',
      link({ subscription_period: period, prices: [{ label: 'Pro', amount: 20_000 }] }),
    );
    expect(tooDear).toMatchObject({
      ok: false,
      description: 'Bad Request: SUBSCRIPTION_PRICE_INVALID',
    });
    const rub = await callBotApi(
      sandbox,
      'createInvoiceLink',
      link({ subscription_period: period, currency: 'RUB', provider_token: 'x' }),
    );
    expect(rub.ok).toBe(false);
    const fine = await callBotApi(
      sandbox,
      'createInvoiceLink',
      link({ subscription_period: period }),
    );
    expect(fine.ok).toBe(true);
  });

  it('pays a subscription link, renews it 30 days on, and stops after the bot cancels it', async () => {
    const user = sandbox.owner();
    const created = await callBotApi(
      sandbox,
      'createInvoiceLink',
      link({ subscription_period: period }),
    );
    const first = await sandbox.emulator.payInvoice(user.id, { link: created.result as string });
    if (!first.ok) throw new Error(first.code);
    await waitForPayments(1);
    const firstPayment = paid[0]!;
    expect(firstPayment).toMatchObject({
      currency: 'XTR',
      total_amount: 7700,
      invoice_payload: 'sub:demo',
      is_recurring: true,
      is_first_recurring: true,
    });
    const expires = firstPayment.subscription_expiration_date ?? 0;
    expect(Math.abs(expires - (sandbox.emulator.world.now() + period))).toBeLessThanOrEqual(2);

    const renewed = renewStarSubscription(sandbox.emulator.world, first.value.chargeId);
    if (!renewed.ok) throw new Error(renewed.code);
    await waitForPayments(2);
    expect(paid[1]).toMatchObject({
      invoice_payload: 'sub:demo',
      is_recurring: true,
      is_first_recurring: false,
      subscription_expiration_date: expires + period,
      telegram_payment_charge_id: renewed.value.chargeId,
    });
    expect(renewed.value.chargeId).not.toBe(first.value.chargeId);

    const wrongUser = await callBotApi(sandbox, 'editUserStarSubscription', {
      user_id: user.id + 1,
      telegram_payment_charge_id: first.value.chargeId,
      is_canceled: true,
    });
    expect(wrongUser).toMatchObject({ ok: false, description: 'Bad Request: CHARGE_ID_INVALID' });
    const cancelled = await callBotApi(sandbox, 'editUserStarSubscription', {
      user_id: user.id,
      telegram_payment_charge_id: renewed.value.chargeId,
      is_canceled: true,
    });
    expect(cancelled).toEqual({ ok: true, result: true });
    const after = renewStarSubscription(sandbox.emulator.world, first.value.chargeId);
    expect(after.ok ? 'renewed' : after.code).toBe('subscription_cancelled');
    expect(paid).toHaveLength(2);

    // The page's control API renews too (refused here: cancelled).
    const control = await fetch(`${sandbox.apiRoot}/sandbox/api/renew-subscription`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ chargeId: first.value.chargeId }),
    });
    expect(await control.json()).toEqual({
      ok: true,
      result: { ok: false, code: 'subscription_cancelled' },
    });
  });
});
