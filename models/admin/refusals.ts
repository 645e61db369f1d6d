import { recordAudit } from '../audit/record-audit.js';
import type { Database } from '../db.js';

export interface AdminRefusal {
  telegramId: number;
  chatId: number | undefined;
  /** What was attempted: the callback data or the command text (cut to 200 characters). */
  attempt: string;
  kind: 'callback' | 'command';
  /** 'not_admin' (not in ADMIN_TELEGRAM_IDS) or 'wrong_chat' (an admin button outside the admin chat). */
  why: 'not_admin' | 'wrong_chat';
  at: Date;
}

/** Appends `admin.refused` (actor telegram:<id>) for a refused admin button press or command. */
export async function recordAdminRefusal(database: Database, refusal: AdminRefusal): Promise<void> {
  await database.withSystem('admin: record a refused attempt', (tx) =>
    recordAudit(tx, {
      actor: `telegram:${refusal.telegramId}`,
      action: 'admin.refused',
      objectType: 'admin_chat',
      objectId: refusal.chatId === undefined ? null : String(refusal.chatId),
      data: { kind: refusal.kind, attempt: refusal.attempt.slice(0, 200), why: refusal.why },
      at: refusal.at,
    }),
  );
}
