import { eq } from 'drizzle-orm';
import type { Database } from '../db.js';
import { platformSettings } from '../platform/table.js';

/** What a ForceReply prompt under a look-up answer waits for. */
export interface OpsPrompt {
  action: 'block_channel' | 'block_user' | 'refund_order';
  targetId: string;
  /** The admin who pressed the button. */
  telegramId: number;
}

const keyOf = (chatId: number, messageId: number) => `admin_ops_prompt:${chatId}:${messageId}`;
const actions: OpsPrompt['action'][] = ['block_channel', 'block_user', 'refund_order'];

/** Remembers a prompt (by its message in the admin chat) until an admin replies to it. */
export async function awaitOpsReply(
  database: Database,
  input: OpsPrompt & { chatId: number; promptMessageId: number },
): Promise<void> {
  const value = { action: input.action, targetId: input.targetId, telegramId: input.telegramId };
  await database.withSystem('admin: await a look-up reason', (tx) =>
    tx
      .insert(platformSettings)
      .values({ key: keyOf(input.chatId, input.promptMessageId), value })
      .onConflictDoUpdate({ target: platformSettings.key, set: { value } }),
  );
}

/** Takes (and removes) the prompt a reply answers; undefined when the reply is not to one of ours. */
export async function takeOpsReply(
  database: Database,
  chatId: number,
  promptMessageId: number,
): Promise<OpsPrompt | undefined> {
  return database.withSystem('admin: take a look-up reason', async (tx) => {
    const [row] = await tx
      .delete(platformSettings)
      .where(eq(platformSettings.key, keyOf(chatId, promptMessageId)))
      .returning({ value: platformSettings.value });
    const value = row?.value as Partial<OpsPrompt> | undefined;
    if (!value || !actions.includes(value.action as OpsPrompt['action'])) return undefined;
    if (typeof value.targetId !== 'string' || typeof value.telegramId !== 'number')
      return undefined;
    return {
      action: value.action as OpsPrompt['action'],
      targetId: value.targetId,
      telegramId: value.telegramId,
    };
  });
}
