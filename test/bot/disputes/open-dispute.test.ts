import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disputes, orders } from '../../../models/schema.js';
import { makeAccount } from '../../factories/accounts.js';
import { makeServedOrder } from '../../factories/placements.js';
import { startCheckoutWorld, type CheckoutWorld } from '../checkout/setup.js';

let world: CheckoutWorld;
beforeAll(async () => {
  world = await startCheckoutWorld();
});
afterAll(async () => {
  await world?.close();
});

async function advertiserWithPublishedOrder(name: string) {
  const user = world.sandbox.user({ first_name: name, language_code: 'en' });
  const account = await makeAccount(world.database, {
    telegramId: user.id,
    language: 'en',
    firstName: name,
  });
  const order = await makeServedOrder(world.database, {
    base: world.clock.now(),
    amount: 700,
    placements: [{ status: 'published' }],
    advertiser: account.id,
  });
  return { user, order };
}

const openCard = async (user: ReturnType<CheckoutWorld['sandbox']['user']>) => {
  user.send('/orders');
  await user.waitForMessage(/My orders/);
  await user.click(/published/i);
  await user.waitFor((m) => (m.text ?? '').includes('Status:'));
};

describe('opening a dispute from the order card', () => {
  it('re-asks a too long reason, takes any message as evidence, and the order becomes disputed', async () => {
    const { user, order } = await advertiserWithPublishedOrder('Dina');
    await openCard(user);
    await user.click('⚖️ Open a dispute');
    await user.waitForMessage(/What went wrong/);
    user.send('x'.repeat(1001));
    await user.waitForMessage(/1 to 1000 characters/);
    user.send('The <b>post</b> has no button');
    await user.waitForMessage(/evidence/);
    user.send({ document: { name: 'screen.pdf' } });
    await user.waitForMessage(/dispute is open/);
    const [row] = await world.database.withSystem('test read', (tx) =>
      tx.select().from(disputes).where(eq(disputes.orderId, order.orderId)),
    );
    expect(row).toMatchObject({ reason: 'The <b>post</b> has no button', status: 'open' });
    const [o] = await world.database.withSystem('test read', (tx) =>
      tx.select({ status: orders.status }).from(orders).where(eq(orders.id, order.orderId)),
    );
    expect(o!.status).toBe('disputed');

    // A second dispute on the same order is refused; nothing new is stored.
    user.send('/orders');
    await user.waitForMessage(/My orders/);
    await user.click(/disputed/i);
    const card = await user.waitFor((m) => /Status: .*disputed/.test(m.text ?? ''), {
      what: 'the disputed order card',
    });
    const labels = (card.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.text);
    expect(labels).not.toContain('⚖️ Open a dispute');
  });
});
