import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSystemClock } from '../../../models/clock.js';
import { orderReadiness } from '../../../models/creatives/order-readiness.js';
import { setContentRules } from '../../../models/marking/set-content-rules.js';
import { creatives, orders, workspaces } from '../../../models/schema.js';
import { ensureOwnerWorkspace } from '../../../models/workspaces/ensure-owner-workspace.js';
import type { TestUser } from '../../helpers/telegram-user.js';
import { type BotHarness, startBotHarness } from '../harness.js';
import { accountOf, buttonsOf, seedOwnedChannel, sendEntryButton } from '../selling/setup.js';
import { makeOrder } from '../../factories/orders.js';

let h: BotHarness;
let olga: TestUser;
let artem: TestUser;
let bundle: { bundleId: string; orderId: string };
let workspaceId: string;

const markingLine = 'Реклама. ООО «Кофе», ИНН 7707083893. erid: Kra23f3QL';

beforeAll(async () => {
  h = await startBotHarness();
  olga = h.sandbox.user({ first_name: 'Olga', language_code: 'ru' });
  artem = h.sandbox.user({ first_name: 'Artem', language_code: 'en' });
  for (const user of [olga, artem]) {
    user.send('/help');
    await user.waitForMessage(/help|Помощь|LytSlot/i);
  }
  // A Russian channel: marking required by default; the owner bans «casino» and spam.io.
  const channel = await seedOwnedChannel(h, olga, 'Кофейные новости', 'ru');
  workspaceId = channel.workspaceId;
  const rules = await setContentRules(
    h.database,
    {
      accountId: channel.accountId,
      channelId: channel.channelId,
      stopWords: ['casino'],
      blockedDomains: ['spam.io'],
    },
    createSystemClock(),
  );
  expect(rules.ok).toBe(true);
  const advertiserId = await accountOf(h, artem);
  bundle = await makeOrder(h.database, {
    channel: { id: channel.channelId, workspaceId },
    advertiser: advertiserId,
    marking: null,
    creative: null,
  });
});

afterAll(async () => {
  await h?.close();
});

async function stored() {
  return h.database.withSystem('test: creative rows', async (tx) => ({
    creatives: await tx.select().from(creatives).where(eq(creatives.orderId, bundle.orderId)),
    order: (await tx.select().from(orders).where(eq(orders.id, bundle.orderId)))[0],
    readiness: await orderReadiness(tx, bundle.orderId),
  }));
}

describe('handing in a creative with marking', () => {
  it('refuses a foreign bundle', async () => {
    await sendEntryButton(h, olga, 'Creative', `crt:start:${bundle.bundleId}`);
    const answer = await olga.click('Creative');
    expect(answer.text).toContain('больше недоступен');
  });

  it('runs from the post to the exact preview; bad input changes nothing', async () => {
    await sendEntryButton(h, artem, 'Continue', `crt:start:${bundle.bundleId}`);
    await artem.click('Continue');
    await artem.waitForMessage('Send the post exactly as it should appear');

    artem.send({ sticker: true });
    await artem.waitForMessage("This can't be an ad post");
    artem.send('x'.repeat(5000));
    await artem.waitForMessage(
      'The post is too long: 5,000 characters, the limit is 4,096. Cut 904',
    );
    artem.send({ photo: true, caption: 'Best casino in town' });
    await artem.waitForMessage('does not accept ads with the word «casino»');
    expect((await stored()).creatives).toHaveLength(0);

    artem.send({ photo: true, caption: 'Fresh coffee every morning' });
    await artem.waitForMessage('Add URL buttons under the post');
    artem.send('Hack — javascript:alert(1)');
    await artem.waitForMessage('Links starting with «javascript:» are not allowed');
    artem.send('Spam — https://go.spam.io/x');
    await artem.waitForMessage('does not accept links to spam.io');
    artem.send('Order — https://shop.example/order?utm_source=tg');
    await artem.waitForMessage('Button 1 of 6');
    artem.send('Menu');
    await artem.waitForMessage('Now send the link for the button «Menu»');
    artem.send('https://shop.example/menu');
    await artem.waitForMessage('Button 2 of 6');
    await artem.click('✅ Done');

    await artem.waitForMessage('publishes ads only with marking');
    artem.send('ООО «Кофе»');
    await artem.waitForMessage("Send the advertiser's INN");
    artem.send('7707083894');
    await artem.waitForMessage('wrong check digit');
    expect((await stored()).order?.marking).toBeNull();
    artem.send('7707 083 893');
    await artem.waitForMessage('Send the erid token');
    artem.send('bad erid!');
    await artem.waitForMessage('An erid is 1–64 Latin letters and digits');
    artem.send('Kra23f3QL');
    await artem.waitForMessage('Marking saved');

    await artem.waitForMessage('This is exactly how the ad will look');
    const preview = await artem.waitForMessage((m) => m.photo !== undefined);
    expect(preview.caption).toBe(`Fresh coffee every morning\n\n${markingLine}`);
    const urls = (preview.reply_markup?.inline_keyboard ?? [])
      .flat()
      .map((b) => ('url' in b ? b.url : ''));
    expect(urls).toEqual([
      'https://shop.example/order?utm_source=tg&erid=Kra23f3QL',
      'https://shop.example/menu?erid=Kra23f3QL',
    ]);
    const actions = await artem.waitForMessage('Is everything right?');
    expect(buttonsOf(actions)).toEqual(['✅ Looks good', '✏️ Redo', '➕ Add a variant']);
    await artem.click('✅ Looks good');
    const done = await artem.waitForMessage('The ad is saved');
    expect(done.reply_markup?.inline_keyboard?.[0]?.[0]).toMatchObject({
      text: 'Continue to payment ›',
      callback_data: `chk:review:${bundle.bundleId}`,
    });

    const rows = await stored();
    expect(rows.order?.marking).toEqual({
      name: 'ООО «Кофе»',
      inn: '7707083893',
      erid: 'Kra23f3QL',
    });
    expect(rows.creatives).toHaveLength(1);
    const [creative] = rows.creatives;
    expect(creative).toMatchObject({
      variantIndex: 0,
      workspaceId,
      content: { kind: 'photo', caption: 'Fresh coffee every morning' },
      buttons: [
        [
          { text: 'Order', url: 'https://shop.example/order?utm_source=tg' },
          { text: 'Menu', url: 'https://shop.example/menu' },
        ],
      ],
    });
    expect(typeof (creative?.content as { file_id?: unknown }).file_id).toBe('string');
    expect(rows.readiness).toEqual({ ok: true, value: undefined });
  });

  it('redoes variant 1 as a text whose bare link gets erid, then adds variant 2 with Pro', async () => {
    await sendEntryButton(h, artem, 'Again', `crt:start:${bundle.bundleId}`);
    await artem.click('Again');
    await artem.waitForMessage('Ad variant 1 of up to 4');
    await artem.waitForMessage('Send the post exactly');
    artem.send('Beans at https://shop.example today');
    await artem.waitForMessage('Add URL buttons');
    await artem.click('⏭ No buttons');
    // Marking is already stored: not asked again.
    await artem.waitForMessage('This is exactly how the ad will look');
    const preview = await artem.waitForMessage('Beans at');
    expect(preview.text).toBe(`Beans at https://shop.example today\n\n${markingLine}`);
    expect(preview.entities).toContainEqual({
      type: 'text_link',
      offset: 9,
      length: 20,
      url: 'https://shop.example?erid=Kra23f3QL',
    });
    await artem.waitForMessage('Is everything right?');
    // A second variant is an A/B test: on Free the bot says what Pro gives and asks again.
    await artem.click('➕ Add a variant');
    const pro = await artem.waitForMessage('A second variant makes an A/B test, a Pro feature');
    expect(buttonsOf(pro)).toEqual(['✅ Looks good', '✏️ Redo']);
    expect((await stored()).creatives).toHaveLength(1);
    // With Pro in Artem's own workspace it goes on.
    const { workspaceId: own } = await ensureOwnerWorkspace(h.database, await accountOf(h, artem));
    await h.database.withSystem('test: Pro', (tx) =>
      tx.update(workspaces).set({ plan: 'pro' }).where(eq(workspaces.id, own)),
    );
    await artem.click('✏️ Redo');
    await artem.waitForMessage('Ad variant 1 of up to 4');
    artem.send('Beans at https://shop.example today');
    await artem.waitForMessage('Add URL buttons');
    await artem.click('⏭ No buttons');
    await artem.waitForMessage('Is everything right?');
    await artem.click('➕ Add a variant');
    await artem.waitForMessage('Ad variant 2 of up to 4');
    artem.send('Second variant');
    await artem.waitForMessage('Add URL buttons');
    await artem.click('⏭ No buttons');
    await artem.waitForMessage('Is everything right?');
    await artem.click('✅ Looks good');
    await artem.waitForMessage('The ad is saved');
    const rows = await stored();
    const contents = rows.creatives
      .sort((a, b) => a.variantIndex - b.variantIndex)
      .map((row) => [row.variantIndex, (row.content as { text?: string }).text, row.buttons]);
    expect(contents).toEqual([
      [0, 'Beans at https://shop.example today', []],
      [1, 'Second variant', []],
    ]);
    expect(rows.readiness.ok).toBe(true);
  });

  it('an ad linking to a channel is told how its joins get counted', async () => {
    await sendEntryButton(h, artem, 'Once more', `crt:start:${bundle.bundleId}`);
    await artem.click('Once more');
    await artem.waitForMessage(/Ad variant \d of up to 4/);
    await artem.waitForMessage('Send the post exactly');
    artem.send('Follow https://t.me/roastery_news for fresh beans');
    await artem.waitForMessage('Add URL buttons');
    await artem.click('⏭ No buttons');
    const hint = await artem.waitForMessage('The ad links to @roastery_news');
    expect(hint.text).toMatch(/make @\w+ an admin there with the right to invite users/);
    await artem.waitForMessage('Is everything right?');
    await artem.click('✅ Looks good');
    await artem.waitForMessage('The ad is saved');
  });
});
