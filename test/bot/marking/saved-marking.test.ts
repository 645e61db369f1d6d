import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orders } from '../../../models/schema.js';
import type { TestUser } from '../../helpers/telegram-user.js';
import { makeOrder } from '../../factories/orders.js';
import { type BotHarness, startBotHarness } from '../harness.js';
import { accountOf, buttonsOf, seedOwnedChannel, sendEntryButton } from '../selling/setup.js';

let h: BotHarness;
let olga: TestUser;
let artem: TestUser;
let channelId: string;
let workspaceId: string;
let advertiserId: string;

beforeAll(async () => {
  // TEST_CLOCK=on is what the sandbox runs with: the INN question carries a test INN.
  h = await startBotHarness({ env: { TEST_CLOCK: 'on' } });
  olga = h.sandbox.user({ first_name: 'Olga', language_code: 'ru' });
  artem = h.sandbox.user({ first_name: 'Artem', language_code: 'en' });
  for (const user of [olga, artem]) {
    user.send('/help');
    await user.waitForMessage(/help|Помощь/i);
  }
  // A Russian channel: RU ad marking is required by default.
  const channel = await seedOwnedChannel(h, olga, 'Кофейные новости', 'ru');
  channelId = channel.channelId;
  workspaceId = channel.workspaceId;
  advertiserId = await accountOf(h, artem);
});

afterAll(async () => {
  await h?.close();
});

const coffee = (erid: string) => ({ name: 'ООО «Кофе»', inn: '7707083893', erid });

async function markingOf(orderId: string) {
  const [row] = await h.database.withSystem('test: order marking', (tx) =>
    tx.select({ marking: orders.marking }).from(orders).where(eq(orders.id, orderId)),
  );
  return row?.marking;
}

/** Opens the creative step of a fresh held order and hands in a text post without buttons. */
async function handInPost(label: string) {
  const bundle = await makeOrder(h.database, {
    channel: { id: channelId, workspaceId },
    advertiser: advertiserId,
    marking: null,
    creative: null,
  });
  await sendEntryButton(h, artem, label, `crt:start:${bundle.bundleId}`);
  await artem.click(label);
  await artem.waitForMessage('Send the post exactly');
  artem.send(`Coffee ${label}`);
  await artem.waitForMessage('Add URL buttons');
  await artem.click('⏭ No buttons');
  await artem.waitForMessage('publishes ads only with marking');
  return bundle;
}

describe('RU marking details', () => {
  it('are asked once, with a test INN in the sandbox, then offered with one tap', async () => {
    const first = await handInPost('First');
    artem.send('ООО «Кофе»');
    const innQuestion = await artem.waitForMessage("Send the advertiser's INN");
    expect(innQuestion.text).toContain('Sandbox: any INN with a valid check digit works');
    expect(innQuestion.text).toContain('7707083893');
    artem.send('7707083893');
    await artem.waitForMessage('Send the erid token');
    artem.send('Kra23f3QL');
    await artem.waitForMessage('Marking saved');
    expect(await markingOf(first.orderId)).toEqual(coffee('Kra23f3QL'));

    const second = await handInPost('Second');
    const offer = await artem.waitForMessage('Use the details from your last order?');
    expect(offer.text).toContain('Name: ООО «Кофе», INN 7707083893');
    expect(buttonsOf(offer)).toEqual(['✅ ООО «Кофе», INN 7707083893', '✏️ Other name and INN']);
    artem.send('ООО «Чай»');
    await artem.waitForMessage('Tap one of the buttons above');
    expect(await markingOf(second.orderId)).toBeNull();
    await artem.click('✅ ООО «Кофе», INN 7707083893');
    await artem.waitForMessage('Send the erid token');
    artem.send('Kra23f3QM');
    await artem.waitForMessage('Marking saved');
    expect(await markingOf(second.orderId)).toEqual(coffee('Kra23f3QM'));
  });

  it('can be replaced: «Other name and INN» asks both again and saves the new ones', async () => {
    await handInPost('Third');
    await artem.waitForMessage('Use the details from your last order?');
    await artem.click('✏️ Other name and INN');
    await artem.waitForMessage("Send the advertiser's name");
    artem.send('ИП Иванов');
    await artem.waitForMessage("Send the advertiser's INN");
    artem.send('500100732259');
    await artem.waitForMessage('Send the erid token');
    artem.send('Kra23f3QN');
    await artem.waitForMessage('Marking saved');

    await handInPost('Fourth');
    const offer = await artem.waitForMessage('Use the details from your last order?');
    expect(offer.text).toContain('Name: ИП Иванов, INN 500100732259');
  });
});
