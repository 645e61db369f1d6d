import type { EmulatorActions } from './emulator-actions.js';
import type { World } from './world.js';

/** Ids of the demo world, for ADMIN_CHAT_ID / ADMIN_TELEGRAM_IDS / VERIFY_CHAT_ID and the page. */
export interface SandboxWorld {
  botId: number;
  botUsername: string;
  botToken: string;
  ownerId: number;
  advertiserId: number;
  adminId: number;
  adminTelegramIds: number[];
  adminChatId: number;
  verifyChatId: number;
  demoChannelId: number;
}

/**
 * Seeds the demo world `npm start` uses: @LytSlotSandboxBot; Olga (owner, ru), Alex (advertiser, en),
 * Ada (admin, en); an admin supergroup with Ada and the bot as admin; a private verification channel
 * where the bot can post and delete; Olga's demo channel WITHOUT the bot (adding it is the first step).
 */
export function createSandboxWorld(
  emulator: EmulatorActions & { world?: World },
  options: { botToken?: string } = {},
): SandboxWorld {
  const existing = emulator.world ? findSandboxWorld(emulator.world) : null;
  if (existing) return existing;
  const bot = emulator.createBot({
    username: 'LytSlotSandboxBot',
    first_name: 'LytSlot Pro (sandbox)',
    ...(options.botToken
      ? { token: options.botToken, id: Number(options.botToken.split(':')[0]) }
      : {}),
  });
  const olga = emulator.createUser({
    first_name: 'Olga (owner)',
    username: 'olga_owner',
    language_code: 'ru',
  });
  const alex = emulator.createUser({
    first_name: 'Alex (advertiser)',
    username: 'alex_ads',
    language_code: 'en',
  });
  const ada = emulator.createUser({
    first_name: 'Ada (admin)',
    username: 'ada_admin',
    language_code: 'en',
  });

  const adminChat = emulator.createGroup({ title: 'LytSlot admins', ownerId: ada.id });
  emulator.addBotToChat(adminChat.id, {
    rights: {
      can_manage_chat: true,
      can_delete_messages: true,
      can_pin_messages: true,
      can_invite_users: true,
    },
    byUserId: ada.id,
  });

  const verify = emulator.createChannel({ title: 'LytSlot verification', ownerId: ada.id });
  emulator.addBotToChat(verify.id, {
    rights: {
      can_manage_chat: true,
      can_post_messages: true,
      can_edit_messages: true,
      can_delete_messages: true,
    },
    byUserId: ada.id,
  });

  const demo = emulator.createChannel({
    title: 'Olga Travels',
    username: 'olga_travels_demo',
    description: 'Weekend trips, cheap flights and city guides.',
    ownerId: olga.id,
    subscribers: 12_400,
  });
  emulator.postInChannel(
    olga.id,
    demo.id,
    'Welcome to Olga Travels! Weekly city guides every Friday.',
  );
  emulator.postInChannel(olga.id, demo.id, 'Top 5 weekend trips from Moscow this autumn 🍂');

  // The seeded history happened "long ago": the bot starts with an empty update queue.
  emulator.defaultBot().updates.pending = [];
  return {
    botId: bot.id,
    botUsername: bot.username,
    botToken: bot.token,
    ownerId: olga.id,
    advertiserId: alex.id,
    adminId: ada.id,
    adminTelegramIds: [ada.id],
    adminChatId: adminChat.id,
    verifyChatId: verify.id,
    demoChannelId: demo.id,
  };
}

/** The ids of an already seeded world (e.g. restored from a file), or null. */
export function findSandboxWorld(world: World): SandboxWorld | null {
  const bot = [...world.bots.values()].find((b) => b.user.username === 'LytSlotSandboxBot');
  const user = (username: string) =>
    [...world.users.values()].find((u) => u.username === username)?.id;
  const chat = (match: (c: { title?: string; username?: string }) => boolean) =>
    [...world.chats.values()].find((c) => c.type !== 'private' && match(c))?.id;
  const ids = {
    ownerId: user('olga_owner'),
    advertiserId: user('alex_ads'),
    adminId: user('ada_admin'),
    adminChatId: chat((c) => c.title === 'LytSlot admins'),
    verifyChatId: chat((c) => c.title === 'LytSlot verification'),
    demoChannelId: chat((c) => c.username === 'olga_travels_demo'),
  };
  const { ownerId, advertiserId, adminId, adminChatId, verifyChatId, demoChannelId } = ids;
  if (
    !bot ||
    !ownerId ||
    !advertiserId ||
    !adminId ||
    !adminChatId ||
    !verifyChatId ||
    !demoChannelId
  ) {
    return null;
  }
  return {
    botId: bot.user.id,
    botUsername: bot.user.username ?? '',
    botToken: bot.token,
    ownerId,
    advertiserId,
    adminId,
    adminTelegramIds: [adminId],
    adminChatId,
    verifyChatId,
    demoChannelId,
  };
}
