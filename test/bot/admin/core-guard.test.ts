import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postAdminCard } from '../../../messages/admin-cards/post.js';
import { createI18n } from '../../../bot/i18n.js';
import { adminCardOf, openAdminCardSystem } from '../../../models/admin/cards.js';
import { isPreModerationOn } from '../../../models/moderation/moderation-policy.js';
import { registerChannel } from '../../../models/channels/register-channel.js';
import { auditLog, channels } from '../../../models/schema.js';
import type { ApiMessage } from '../../../sandbox/types.js';
import { callBotApi } from '../../helpers/sandbox.js';
import { channelFacts, createAccount } from '../../models/channels/fixtures.js';
import { type BotHarness, startBotHarness } from '../harness.js';

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness({ moderation: true });
});
afterAll(async () => {
  await h?.close();
});

const text = (m: ApiMessage) => m.text ?? '';
const admins = () => h.sandbox.adminChat();
const moderationOn = () => h.database.withSystem('test', (tx) => isPreModerationOn(tx));

function sendInAdminChat(userId: number, content: string, replyTo?: number) {
  return h.sandbox.emulator.sendMessage(userId, content, {
    chatId: h.sandbox.ids.adminChatId,
    ...(replyTo !== undefined ? { replyToMessageId: replyTo } : {}),
  });
}

async function refusals(telegramId: number) {
  return h.database.withSystem('test read', (tx) =>
    tx
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'admin.refused'), eq(auditLog.actor, `telegram:${telegramId}`)),
      ),
  );
}

/** A channel waiting for review with its card posted in the admin chat (no jobs in this harness). */
async function pendingChannelCard() {
  const owner = await createAccount(h.database);
  const registered = await registerChannel(h.database, {
    accountId: owner.id,
    language: 'en',
    facts: channelFacts({ title: 'Guarded <Channel>' }),
    now: h.deps.clock.now(),
  });
  if (!registered.ok) throw new Error(registered.code);
  const { channelId } = registered.value;
  const { cardId } = await openAdminCardSystem(h.database, {
    kind: 'channel',
    objectId: channelId,
    at: h.deps.clock.now(),
  });
  await postAdminCard(
    {
      ...h.deps,
      api: h.deps.outbound.api,
      i18n: createI18n(),
    },
    cardId,
  );
  const card = await admins().waitFor((m) => text(m).includes('Guarded <Channel>'), {
    what: 'the channel card',
  });
  return { channelId, card };
}

describe('the admin guard', () => {
  it('refuses an admin button outside the admin chat, even to a listed admin, and logs it', async () => {
    const ada = h.sandbox.admin();
    ada.send('/start');
    await ada.waitForMessage();
    const crafted = await callBotApi(h.sandbox, 'sendMessage', {
      chat_id: ada.id,
      text: 'crafted',
      reply_markup: {
        inline_keyboard: [
          [{ text: 'Approve', callback_data: `adm:channel:ok:${crypto.randomUUID()}` }],
        ],
      },
    });
    const message = crafted.result as ApiMessage;
    const answer = await h.sandbox.emulator.pressButton(ada.id, message.message_id, 'Approve')
      .answer;
    expect(answer.show_alert).toBe(true);
    // No /adminlang: the admin chat speaks its admins' language (Ada's Telegram is English).
    expect(answer.text).toContain('Only LytSlot admins');
    const rows = await refusals(ada.id);
    expect(rows.map((r) => r.data)).toEqual([
      expect.objectContaining({ kind: 'callback', why: 'wrong_chat' }),
    ]);
  });

  it('lets only listed admins switch moderation and the admin language', async () => {
    const eve = h.sandbox.user({ first_name: 'Eve' });
    h.sandbox.emulator.joinChat(eve.id, h.sandbox.ids.adminChatId);
    sendInAdminChat(eve.id, '/moderation off');
    await admins().waitFor((m) => text(m).includes('The attempt has been logged'), {
      what: 'refusal',
    });
    expect(await moderationOn()).toBe(true);
    expect((await refusals(eve.id)).map((r) => r.data.why)).toEqual(['not_admin']);

    sendInAdminChat(h.sandbox.ids.adminId, '/adminlang de');
    await admins().waitFor((m) => text(m).includes('/adminlang ru | en'), { what: 'usage' });
    sendInAdminChat(h.sandbox.ids.adminId, '/adminlang ru');
    await admins().waitFor((m) => text(m).includes('по-русски'), { what: 'russian' });
    sendInAdminChat(h.sandbox.ids.adminId, '/adminlang en');
    await admins().waitFor((m) => text(m).includes('now speaks English'), { what: 'english' });
    sendInAdminChat(h.sandbox.ids.adminId, '/moderation off');
    await admins().waitFor((m) => text(m).includes('Pre-moderation is off'), { what: 'off' });
    expect(await moderationOn()).toBe(false);
    sendInAdminChat(h.sandbox.ids.adminId, '/moderation on');
    await admins().waitFor((m) => text(m).includes('Pre-moderation is on'), { what: 'on' });
    expect(await moderationOn()).toBe(true);
    const switched = await h.database.withSystem('test read', (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(eq(auditLog.actor, `admin:${h.sandbox.ids.adminId}`)),
    );
    expect(switched.map((r) => r.action)).toEqual(
      expect.arrayContaining(['admin.language', 'moderation.disabled', 'moderation.enabled']),
    );
  });

  it('takes a rejection reason only from a text reply to the prompt, escaped on the card', async () => {
    const { channelId, card } = await pendingChannelCard();
    const eve = h.sandbox.user({ first_name: 'Eve 2' });
    h.sandbox.emulator.joinChat(eve.id, h.sandbox.ids.adminChatId);
    const asked = await h.sandbox.emulator.pressButton(
      h.sandbox.ids.adminId,
      card.message_id,
      '❌ Reject',
      { chatId: h.sandbox.ids.adminChatId },
    ).answer;
    expect(asked.text).toContain('Reply');
    const prompt = await admins().waitFor((m) => text(m).includes('reason for rejecting'), {
      what: 'the prompt',
    });
    // A non-admin's reply is ignored; a command is not a reason.
    sendInAdminChat(eve.id, 'Looks fine to me', prompt.message_id);
    sendInAdminChat(h.sandbox.ids.adminId, '/start', prompt.message_id);
    await admins().waitFor((m) => text(m).includes('reply with a text'), { what: 'invalid' });
    const still = await h.database.withSystem('test', (tx) =>
      tx.select().from(channels).where(eq(channels.id, channelId)),
    );
    expect(still[0]?.status).toBe('pending_review');

    sendInAdminChat(h.sandbox.ids.adminId, 'Spam <b>network</b>', prompt.message_id);
    const decided = await admins().waitFor(
      (m) => m.message_id === card.message_id && text(m).includes('Rejected'),
      { what: 'the decided card' },
    );
    expect(text(decided)).toContain('Reason: Spam <b>network</b>');
    expect(decided.reply_markup).toBeUndefined();
    const [row] = await h.database.withSystem('test', (tx) =>
      tx.select().from(channels).where(eq(channels.id, channelId)),
    );
    expect(row).toMatchObject({ status: 'blocked', statusReason: 'Spam <b>network</b>' });
    expect((await adminCardOf(h.database, 'channel', channelId))?.decidedByTelegramId).toBe(
      h.sandbox.ids.adminId,
    );
    expect(await refusals(eve.id)).toEqual([]);
  });

  it('accepts the reason as a plain message from the admin who asked (no reply)', async () => {
    const { channelId, card } = await pendingChannelCard();
    await h.sandbox.emulator.pressButton(h.sandbox.ids.adminId, card.message_id, '❌ Reject', {
      chatId: h.sandbox.ids.adminChatId,
    }).answer;
    await admins().waitFor(
      (m) => text(m).includes('reason for rejecting') && m.message_id > card.message_id,
      {
        what: 'the prompt',
      },
    );
    sendInAdminChat(h.sandbox.ids.adminId, 'Duplicate of another channel');
    await admins().waitFor(
      (m) => m.message_id === card.message_id && text(m).includes('Duplicate of another channel'),
      { what: 'the decided card' },
    );
    const [row] = await h.database.withSystem('test', (tx) =>
      tx.select().from(channels).where(eq(channels.id, channelId)),
    );
    expect(row).toMatchObject({ status: 'blocked', statusReason: 'Duplicate of another channel' });
  });
});
