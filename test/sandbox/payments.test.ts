import { Bot } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSpec } from '../../sandbox/spec/load-spec.js';
import { callBotApi, startSandbox, type Sandbox } from '../helpers/sandbox.js';

/** The fields of `value` that the spec's `type` lacks, and its required fields `value` misses. */
function specMismatches(value: Record<string, unknown>, type: string): string[] {
  const fields = loadSpec().types[type]?.fields ?? [];
  const known = new Set(fields.map((f) => f.name));
  return [
    ...Object.keys(value)
      .filter((k) => !known.has(k))
      .map((k) => `${type}.${k} is not in the spec`),
    ...fields
      .filter((f) => f.required && !(f.name in value))
      .map((f) => `${type}.${f.name} missing`),
  ];
}

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

  it('lists Star transactions newest first, per the spec: payments in, refunds out under the same id', async () => {
    const alex = sandbox.advertiser();
    alex.send('/buy');
    await alex.waitForMessage((m) => m.invoice !== undefined);
    const charges: string[] = [];
    for (let i = 0; i < 3; i++) {
      const result = await alex.pay();
      if (!result.ok) throw new Error(`payment failed: ${result.code}`);
      charges.push(result.value.chargeId);
    }
    const refund = { user_id: alex.id, telegram_payment_charge_id: charges[0] };
    expect((await callBotApi(sandbox, 'refundStarPayment', refund)).ok).toBe(true);

    type Tx = { id: string; amount: number; date: number; source?: Record<string, unknown> };
    const list = async (params: Record<string, unknown> = {}) => {
      const answer = await callBotApi(sandbox, 'getStarTransactions', params);
      expect(answer.ok).toBe(true);
      return (answer.result as { transactions: (Tx & { receiver?: Record<string, unknown> })[] })
        .transactions;
    };
    const all = await list();
    expect(all.map((t) => [t.id, t.source ? 'in' : 'out'])).toEqual([
      [charges[0], 'out'],
      [charges[2], 'in'],
      [charges[1], 'in'],
      [charges[0], 'in'],
    ]);
    const [refunded, , , first] = all;
    expect(first).toMatchObject({
      id: charges[0],
      amount: 150,
      source: {
        type: 'user',
        transaction_type: 'invoice_payment',
        user: { id: alex.id },
        invoice_payload: 'order:42',
      },
    });
    expect(refunded).toMatchObject({
      id: charges[0],
      amount: 150,
      receiver: { type: 'user', transaction_type: 'invoice_payment', user: { id: alex.id } },
    });
    expect(refunded?.source).toBeUndefined();
    for (const t of all) {
      expect(specMismatches(t, 'StarTransaction')).toEqual([]);
      expect(specMismatches(t.source ?? t.receiver ?? {}, 'TransactionPartnerUser')).toEqual([]);
      expect(Number.isInteger(t.date)).toBe(true);
    }

    // offset/limit page through the same order; Telegram clamps the limit to 1–100.
    expect((await list({ offset: 1, limit: 2 })).map((t) => t.id)).toEqual([
      charges[2],
      charges[1],
    ]);
    expect(await list({ limit: 0 })).toHaveLength(1);
    expect(await list({ limit: 500 })).toHaveLength(4);
    expect(await list({ offset: 10 })).toEqual([]);
    expect(await callBotApi(sandbox, 'getStarTransactions', { limit: 'many' })).toMatchObject({
      ok: false,
      error_code: 400,
    });
  });

  it('a lost update: the user is charged, the transaction is listed, the bot never hears of it', async () => {
    const alex = sandbox.advertiser();
    alex.send('/buy');
    await alex.waitForMessage((m) => m.invoice !== undefined);
    const lost = await alex.pay({ lostUpdate: true });
    if (!lost.ok) throw new Error(`payment failed: ${lost.code}`);
    expect(alex.messages().some((m) => m.successful_payment !== undefined)).toBe(true);
    const answer = await callBotApi(sandbox, 'getStarTransactions');
    const ids = (answer.result as { transactions: { id: string }[] }).transactions.map((t) => t.id);
    expect(ids).toEqual([lost.value.chargeId]);
    // A normal payment afterwards is delivered: only it reaches the bot.
    const delivered = await alex.pay();
    if (!delivered.ok) throw new Error(`payment failed: ${delivered.code}`);
    await alex.waitForMessage('Paid, thank you!');
    expect(paid).toEqual([delivered.value.chargeId]);
  });
});
