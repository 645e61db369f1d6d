import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator } from '../../sandbox/emulator.js';
import { createSandboxWorld } from '../../sandbox/seed.js';

describe('persisting the sandbox world', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lytslot-sandbox-'));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('restores people, chats, history, files and unconfirmed updates after a restart', async () => {
    const persistFile = join(dir, 'world.json');
    const first = createEmulator({ persistFile });
    expect(first.restored).toBe(false);
    const ids = createSandboxWorld(first);
    first.addBotToChat(ids.demoChannelId, {
      rights: { can_post_messages: true },
      byUserId: ids.ownerId,
    });
    first.sendMessage(ids.advertiserId, { photo: true, caption: 'banner' });
    await first.close();

    const second = createEmulator({ persistFile });
    expect(second.restored).toBe(true);
    expect(createSandboxWorld(second)).toEqual(ids);
    const photo = second.messages(ids.advertiserId).at(-1);
    expect(photo?.caption).toBe('banner');
    const fileId = (photo?.photo as { file_id: string }[])[0]?.file_id ?? '';
    expect(second.world.files.get(fileId)?.data.length).toBeGreaterThan(0);
    const updates = (await second.callApi(ids.botToken, 'getUpdates')) as {
      result: Record<string, unknown>[];
    };
    expect(updates.result.map((u) => Object.keys(u)[1])).toEqual(['my_chat_member', 'message']);
    expect(second.createUser({ first_name: 'New' }).id).toBeGreaterThan(ids.adminId);
    await second.close();
  });
});
