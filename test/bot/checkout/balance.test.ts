import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postEntries } from '../../../models/ledger/post-entries.js';
import type { Currency } from '../../../models/orders/table.js';
import { readAdvertiserBalance } from '../../../models/payments/advertiser-balance.js';
import type { MadeOrder } from '../../factories/orders.js';
import type { ApiMessage } from '../../../sandbox/types.js';
import type { TestUser } from '../../helpers/telegram-user.js';
import { readOrderState, seedPeople, startCheckoutWorld, type CheckoutWorld } from './setup.js';

let world: CheckoutWorld;

const labels = (m: ApiMessage) => (m.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.text);
const textOf = (m: ApiMessage) => m.text ?? '';

beforeAll(async () => {
  world = await startCheckoutWorld({ jobs: true });
}, 60_000);
afterAll(async () => {
  await world?.close();
});

/** The advertiser of the order, credited `amount` as a settlement pro-rata credit would. */
async function credit(order: MadeOrder, amount: number, currency: Currency = 'RUB') {
  const { order: row } = await readOrderState(world, order);
  const accountId = row.advertiserAccountId;
  await world.database.withSystem('test seed: advertiser credit', (tx) =>
    postEntries(tx, {
      memo: `order ${randomUUID()}: settlement credit (test)`,
      lines: [
        { account: 'escrow', amount, currency },
        { account: `advertiser:${accountId}`, amount: -amount, currency },
      ],
      at: world.clock.now(),
    }),
  );
  return accountId;
}

const creditOf = async (accountId: string) =>
  (await readAdvertiserBalance(world.database, accountId)).credits.find((c) => c.currency === 'RUB')
    ?.available ?? 0;

/** My orders → the held order → «Pay». */
async function pressPay(advertiser: TestUser) {
  advertiser.send('/orders');
  await advertiser.waitForMessage(/My orders/);
  await advertiser.click(/held, not paid/);
  await advertiser.waitFor((m) => textOf(m).includes('Status:'));
  await advertiser.click('💳 Pay');
}

describe('the advertiser balance in the bot', () => {
  it('a credited advertiser sees the balance: /balance and «My balance» on the advertiser screen', async () => {
    const { advertiser, order } = await seedPeople(world);
    await credit(order, 50_000);
    // /balance: the owner's screen as before, with the way to the advertiser's own credit.
    advertiser.send('/balance');
    await advertiser.waitFor((m) => labels(m).includes('💰 My balance'));
    await advertiser.click('💰 My balance');
    const screen = await advertiser.waitFor((m) => textOf(m).includes('My balance'));
    expect(textOf(screen)).toContain('Available:');
    expect(textOf(screen)).toContain('credit for order #');
    advertiser.send('/start');
    await advertiser.waitFor((m) => labels(m).some((l) => l.includes('I advertise')));
    await advertiser.click(/I advertise/);
    await advertiser.waitFor((m) => labels(m).includes('💰 My balance'));
    await advertiser.click('💰 My balance');
    const again = await advertiser.waitFor(
      (m) => textOf(m).includes('My balance') && textOf(m).includes('Available:'),
    );
    expect(labels(again)).toContain('🧾 My orders');
  });

  it('balance covering the order ⇒ «Pay from balance»: paid, credit down by the total, receipt says balance', async () => {
    const { advertiser, order } = await seedPeople(world);
    const accountId = await credit(order, order.total + 10_000);
    await pressPay(advertiser);
    const offer = await advertiser.waitFor((m) => textOf(m).includes('Choose how to pay'));
    expect(labels(offer).some((l) => l.startsWith('💰 Pay from balance'))).toBe(true);
    await advertiser.click(/Pay from balance/);
    await advertiser.waitFor((m) => textOf(m).includes('is paid from your balance'));
    const state = await readOrderState(world, order);
    expect(state.order.status).toBe('in_review');
    expect(state.payments).toEqual([
      expect.objectContaining({ provider: 'balance', status: 'succeeded', amount: order.total }),
    ]);
    expect(await creditOf(accountId)).toBe(10_000);
    const receipt = await advertiser.waitFor((m) => textOf(m).includes('Receipt'), {
      what: 'the payment receipt',
      timeoutMs: 15_000,
    });
    expect(textOf(receipt)).toContain('from your balance with us');
  });

  it('balance short of the order ⇒ not offered; a forged «Pay from balance» is refused, nothing changes', async () => {
    const { advertiser, order } = await seedPeople(world);
    const accountId = await credit(order, order.total - 1);
    await pressPay(advertiser);
    // Stars is then the only method: its invoice comes at once, no choice offered.
    await advertiser.waitFor((m) => m.invoice !== undefined, { what: 'an invoice' });
    const before = await readOrderState(world, order);
    const chat = world.sandbox.emulator.chat(advertiser.id, world.sandbox.bot.id);
    const newest = [...chat.messages.values()].reverse().find((s) => s.byBotId !== null);
    const data = `chk:pay:b:${order.orderId}`;
    newest!.message.reply_markup = {
      inline_keyboard: [[{ text: 'crafted', callback_data: data }]],
    };
    await advertiser.click({ data });
    await advertiser.waitFor((m) => textOf(m).includes('does not cover the whole order'));
    const after = await readOrderState(world, order);
    expect(after.order.status).toBe(before.order.status);
    expect(after.payments).toEqual(before.payments);
    expect(after.payments.some((p) => p.provider === 'balance')).toBe(false);
    expect(await creditOf(accountId)).toBe(order.total - 1);
  });
});
