import { eq } from 'drizzle-orm';
import { Api } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePostMessageId } from '../../../bot/features/admin/cards/placement.js';
import { postAdminCard } from '../../../messages/admin-cards/post.js';
import { createI18n } from '../../../bot/i18n.js';
import { publishPlacement, type PublishDeps } from '../../../jobs/publish.js';
import { adminCardOf } from '../../../models/admin/cards.js';
import type { Clock } from '../../../models/clock.js';
import { orders, placements } from '../../../models/schema.js';
import type { ApiMessage } from '../../../sandbox/types.js';
import { deliverEvents } from '../../helpers/outbox.js';
import { type BotHarness, startBotHarness } from '../harness.js';
import { makeScheduledPlacement } from '../../factories/sandbox-placements.js';
import { testPublishDeps } from '../../helpers/publish-deps.js';

let h: BotHarness;
let nowMs = Date.now();
const clock: Clock = { now: () => new Date(nowMs), offsetMs: () => 0 };

beforeAll(async () => {
  h = await startBotHarness();
  h.sandbox.adminChat().send('/adminlang en');
  await h.sandbox.adminChat().waitForMessage('now speaks English');
});
afterAll(async () => {
  await h?.close();
});

const text = (m: ApiMessage) => m.text ?? '';
const api = () => new Api(h.sandbox.token, { apiRoot: h.sandbox.apiRoot });

/** A placement whose publisher died after sending, with its card posted in the admin chat. */
async function uncertainPlacementCard() {
  const seeded = await makeScheduledPlacement(h.database, h.sandbox, clock, '1/24');
  nowMs = seeded.placement.dueAt.getTime();
  const publish = (extra: Partial<PublishDeps> = {}) =>
    testPublishDeps({ database: h.database, clock, api: api() }, extra);
  await expect(
    publishPlacement(
      publish({ afterSend: () => Promise.reject(new Error('SIGKILL')) }),
      seeded.placement.id,
    ),
  ).rejects.toThrow('SIGKILL');
  expect(await publishPlacement(publish(), seeded.placement.id)).toBe('needs_review');
  await deliverEvents(h.database); // the outbox opens the card
  const card = await adminCardOf(h.database, 'placement', seeded.placement.id);
  await postAdminCard({ ...h.deps, api: api(), i18n: createI18n() }, card!.id);
  const message = await h.sandbox
    .adminChat()
    .waitFor(
      (m) =>
        text(m).includes('Publication not confirmed') &&
        text(m).includes(seeded.seeded.orderId.slice(0, 8)),
      {
        what: 'the placement card',
      },
    );
  return { ...seeded, message };
}

function press(message: ApiMessage, label: string) {
  return h.sandbox.emulator.pressButton(h.sandbox.ids.adminId, message.message_id, label, {
    chatId: h.sandbox.ids.adminChatId,
  }).answer;
}

function reply(to: ApiMessage, content: string) {
  h.sandbox.emulator.sendMessage(h.sandbox.ids.adminId, content, {
    chatId: h.sandbox.ids.adminChatId,
    replyToMessageId: to.message_id,
  });
}

const placementRow = async (id: string) =>
  (
    await h.database.withSystem('t', (tx) =>
      tx.select().from(placements).where(eq(placements.id, id)),
    )
  )[0]!;

describe('placement cards', () => {
  it('reads post links and message ids', () => {
    expect(parsePostMessageId('https://t.me/coffee_daily/42')).toBe(42);
    expect(parsePostMessageId('t.me/c/1234567/7')).toBe(7);
    expect(parsePostMessageId(' 15 ')).toBe(15);
    expect(parsePostMessageId('https://example.com/42')).toBeUndefined();
    expect(parsePostMessageId('zero')).toBeUndefined();
  });

  it('«It was published» asks for the link again until it gets one, then records the post', async () => {
    const { placement, message, chatId } = await uncertainPlacementCard();
    const [post] = h.sandbox.emulator.messages(chatId);
    await press(message, '📣 It was published');
    const prompt = await h.sandbox
      .adminChat()
      .waitFor((m) => text(m).includes('link to the post'), {
        what: 'the prompt',
      });
    reply(prompt, 'somewhere in the channel');
    await h.sandbox
      .adminChat()
      .waitFor((m) => text(m).includes('not a post link'), { what: 'refusal' });
    const again = await h.sandbox
      .adminChat()
      .waitFor((m) => text(m).includes('link to the post') && m.message_id > prompt.message_id, {
        what: 'the second prompt',
      });
    reply(again, `https://t.me/c/${Math.abs(chatId)}/${post!.message_id}`);
    const decided = await h.sandbox
      .adminChat()
      .waitFor(
        (m) => m.message_id === message.message_id && text(m).includes('Marked as published'),
        {
          what: 'the decided card',
        },
      );
    expect(text(decided)).toMatch(/— Ada \(admin\), .+ UTC/);
    expect(await placementRow(placement.id)).toMatchObject({
      status: 'published',
      messageIds: [post!.message_id],
    });
  });

  it('«Not published» fails the placement and its order', async () => {
    const { placement, message, seeded } = await uncertainPlacementCard();
    const answer = await press(message, '🚫 Not published — refund');
    expect(answer.text).toBe('Done.');
    await h.sandbox
      .adminChat()
      .waitFor((m) => m.message_id === message.message_id && text(m).includes('Not published'), {
        what: 'the decided card',
      });
    expect((await placementRow(placement.id)).status).toBe('failed');
    const [order] = await h.database.withSystem('t', (tx) =>
      tx.select().from(orders).where(eq(orders.id, seeded.orderId)),
    );
    expect(['failed', 'refunded']).toContain(order?.status);
  });
});
