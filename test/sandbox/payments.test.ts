import { Bot } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callBotApi, startSandbox, type Sandbox } from '../helpers/sandbox.js';

describe('Telegram Stars payments', () => {
  let sandbox: Sandbox;
  let bot: Bot;
  let decline = false;
  const paid: string[] = [];

  beforeEach(async () => {
    sandbox = await startSandbox({ preCheckoutTimeoutMs: 300 });
    bot = new Bot(sandbox.token, { client: { apiRoot: sandbox.apiRoot } });
    bot.command('buy', (ctx) =>
      ctx.replyWithInvoice('Ad slot', 'One 1/24 post in Olga Travels', 'order:42', 'XTR', [
        { label: 'Slot', amount: 150 },
      ]),
    );
    bot.on('pre_checkout_query', (ctx) =>
      decline
        ? ctx.answerPreCheckoutQuery(false, { error_message: 'The slot was just taken' })
        : ctx.answerPreCheckoutQuery(true),
    );
    bot.on('message:successful_payment', async (ctx) => {
      paid.push(ctx.message.successful_payment.telegram_payment_charge_id);
      await ctx.reply('Paid, thank you!');
    });
    decline = false;
    paid.length = 0;
    void bot.start();
  });
  afterEach(async () => {
    await bot.stop();
    await sandbox.close();
  });

  it('pays, refunds once and refuses a second refund', async () => {
    const alex = sandbox.advertiser();
    alex.send('/buy');
    const invoice = await alex.waitForMessage((m) => m.invoice !== undefined);
    expect(invoice.invoice).toMatchObject({ currency: 'XTR', total_amount: 150, title: 'Ad slot' });
    const result = await alex.pay();
    if (!result.ok) throw new Error(`payment failed: ${result.code}`);
    await alex.waitForMessage('Paid, thank you!');
    expect(paid).toEqual([result.value.chargeId]);

    const again = await alex.pay();
    expect(again.ok && again.value.chargeId).not.toBe(result.value.chargeId);

    const tx = (await callBotApi(sandbox, 'getStarTransactions')).result as {
      transactions: { amount: number }[];
    };
    expect(tx.transactions.map((t) => t.amount)).toEqual([150, 150]);
    const refund = { user_id: alex.id, telegram_payment_charge_id: result.value.chargeId };
    expect(await callBotApi(sandbox, 'refundStarPayment', refund)).toEqual({
      ok: true,
      result: true,
    });
    expect(await callBotApi(sandbox, 'refundStarPayment', refund)).toEqual({
      ok: false,
      error_code: 400,
      description: 'Bad Request: CHARGE_ALREADY_REFUNDED',
    });
    expect(alex.messages().some((m) => m.refunded_payment !== undefined)).toBe(true);
  });

  it('records the decline text, and fails when the bot does not answer in time', async () => {
    const alex = sandbox.advertiser();
    alex.send('/buy');
    await alex.waitForMessage((m) => m.invoice !== undefined);
    decline = true;
    const declined = await alex.pay();
    expect(declined).toEqual({
      ok: false,
      code: 'declined',
      detail: { error_message: 'The slot was just taken' },
    });
    await bot.stop();
    const silent = await alex.pay();
    expect(silent.ok ? 'paid' : silent.code).toBe('timeout');
    expect(paid).toEqual([]);
  });
});
