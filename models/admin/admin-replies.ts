import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db.js';
import { adminCards, type AdminCardKind } from './table.js';

/** A reason (or amount) an admin was asked for by a ForceReply prompt under a card. */
export interface AdminReplyRequest {
  kind: AdminCardKind;
  objectId: string;
  /** The action the answer completes ('reject', 'partial'…), as the card module names it. */
  action: string;
  promptMessageId: number;
  /** Who pressed the button; the answer may come from any listed admin. */
  telegramId: number;
  at: Date;
}

export interface PendingAdminReply {
  cardId: string;
  kind: AdminCardKind;
  objectId: string;
  action: string;
}

/** Stores a pending prompt in the card's data (prompts.<message id>); the card must be open. */
export async function awaitAdminReply(
  database: Database,
  input: AdminReplyRequest,
): Promise<boolean> {
  return database.withSystem('admin: await a reason', async (tx) => {
    const prompt = { action: input.action, telegramId: input.telegramId };
    const updated = await tx
      .update(adminCards)
      .set({
        data: sql`jsonb_set(${adminCards.data} || '{}'::jsonb, '{prompts}', coalesce(${adminCards.data} -> 'prompts', '{}'::jsonb) || ${JSON.stringify({ [String(input.promptMessageId)]: prompt })}::jsonb)`,
        updatedAt: input.at,
      })
      .where(
        and(
          eq(adminCards.kind, input.kind),
          eq(adminCards.objectId, input.objectId),
          eq(adminCards.status, 'open'),
        ),
      )
      .returning({ id: adminCards.id });
    return updated.length > 0;
  });
}

/**
 * The open card whose prompt `promptMessageId` this reply answers; the prompt is consumed (a
 * second reply to the same prompt finds nothing; `consume: false` only looks). Undefined when it is
 * not one of ours.
 */
export async function takeAdminReply(
  database: Database,
  promptMessageId: number,
  options: { consume: boolean } = { consume: true },
): Promise<PendingAdminReply | undefined> {
  const key = String(promptMessageId);
  return database.withSystem('admin: take a reason', async (tx) => {
    const [row] = await tx
      .select({
        id: adminCards.id,
        kind: adminCards.kind,
        objectId: adminCards.objectId,
        action: sql<string | null>`${adminCards.data} -> 'prompts' -> ${key} ->> 'action'`,
      })
      .from(adminCards)
      .where(and(eq(adminCards.status, 'open'), sql`${adminCards.data} -> 'prompts' ? ${key}`))
      .limit(1)
      .for('update');
    if (!row || !row.action) return undefined;
    if (options.consume)
      await tx
        .update(adminCards)
        .set({ data: sql`${adminCards.data} #- ${`{prompts,${key}}`}::text[]` })
        .where(eq(adminCards.id, row.id));
    return { cardId: row.id, kind: row.kind, objectId: row.objectId, action: row.action };
  });
}

/**
 * The newest open prompt this admin asked (pressed the button of), consumed: a plain message
 * from them in the admin chat answers it when their client did not send it as a reply (the
 * sandbox page, or a dismissed ForceReply). Undefined when they have no open prompt.
 */
export async function takeLatestAdminReply(
  database: Database,
  telegramId: number,
): Promise<PendingAdminReply | undefined> {
  return database.withSystem('admin: take a reason', async (tx) => {
    const { rows } = await tx.execute<{
      id: string;
      kind: AdminCardKind;
      object_id: string;
      key: string;
      action: string | null;
    }>(sql`
      select c.id, c.kind, c.object_id, p.key, p.value ->> 'action' as action
      from ${adminCards} c, jsonb_each(coalesce(c.data -> 'prompts', '{}'::jsonb)) p
      where c.status = 'open' and p.value ->> 'telegramId' = ${String(telegramId)}
      order by p.key::bigint desc
      limit 1
      for update of c`);
    const row = rows[0];
    if (!row || !row.action) return undefined;
    await tx
      .update(adminCards)
      .set({ data: sql`${adminCards.data} #- ${`{prompts,${row.key}}`}::text[]` })
      .where(eq(adminCards.id, row.id));
    return { cardId: row.id, kind: row.kind, objectId: row.object_id, action: row.action };
  });
}
