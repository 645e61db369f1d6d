import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyBots } from '../../../sandbox/dispatch.js';
import { samplePng } from '../../../sandbox/actions/user-messages.js';
import { mediaFields, storeFile } from '../../../sandbox/files.js';
import { appendMessage } from '../../../sandbox/methods/common.js';
import type { TestUser } from '../../helpers/telegram-user.js';
import { makeOrder } from '../../factories/orders.js';
import { type BotHarness, startBotHarness } from '../harness.js';
import { accountOf, seedOwnedChannel, sendEntryButton } from '../selling/setup.js';

let h: BotHarness;
let owner: TestUser;
let buyer: TestUser;
let bundleId: string;

/** The sandbox users can't send albums: append the group's photos to the chat like Telegram does. */
function sendAlbum(user: TestUser, captions: (string | undefined)[]): void {
  const world = h.sandbox.emulator.world;
  const chat = h.sandbox.emulator.chat(user.id, h.sandbox.ids.botId);
  for (const caption of captions) {
    const file = storeFile(world, 'photo', samplePng, { mime: 'image/png' });
    const stored = appendMessage(
      world,
      chat,
      {
        from: user.user,
        media_group_id: 'album-1',
        ...mediaFields(file),
        ...(caption ? { caption } : {}),
      },
      null,
    );
    notifyBots(world, chat, 'message', stored.message);
  }
}

beforeAll(async () => {
  h = await startBotHarness();
  owner = h.sandbox.user({ first_name: 'Oleg', language_code: 'en' });
  buyer = h.sandbox.user({ first_name: 'Bea', language_code: 'en' });
  for (const user of [owner, buyer]) {
    user.send('/help');
    await user.waitForMessage('LytSlot help');
  }
  const channel = await seedOwnedChannel(h, owner, 'Tech digest', 'en');
  const advertiserId = await accountOf(h, buyer);
  ({ bundleId } = await makeOrder(h.database, {
    channel: { id: channel.channelId, workspaceId: channel.workspaceId },
    advertiser: advertiserId,
    marking: null,
    creative: null,
  }));
});

afterAll(async () => {
  await h?.close();
});

describe('an album as the creative', () => {
  it('collects the group until «Done»; the preview is an album and the buttons follow it', async () => {
    await sendEntryButton(h, buyer, 'Continue', `crt:start:${bundleId}`);
    await buyer.click('Continue');
    await buyer.waitForMessage('Send the post exactly');
    sendAlbum(buyer, ['Three new gadgets', undefined, undefined]);
    await buyer.waitForMessage('Collecting the album');
    await buyer.click('✅ Done with the album');
    await buyer.waitForMessage('Add URL buttons');
    buyer.send('Shop — https://gadgets.example');
    await buyer.waitForMessage('Button 1 of 6');
    await buyer.click('✅ Done');
    // No marking on an English channel: straight to the preview.
    await buyer.waitForMessage('This is exactly how the ad will look');
    const album = await buyer.waitFor(
      (m) => m.media_group_id !== undefined && m.caption !== undefined,
    );
    expect(album.caption).toBe('Three new gadgets');
    expect(
      buyer.botMessages().filter((m) => m.media_group_id === album.media_group_id),
    ).toHaveLength(3);
    const buttons = await buyer.waitForMessage('Buttons of the post');
    expect(buttons.reply_markup?.inline_keyboard).toEqual([
      [{ text: 'Shop', url: 'https://gadgets.example' }],
    ]);
    await buyer.waitForMessage('Is everything right?');
  });
});
