import { and, eq, sql } from 'drizzle-orm';
import type { Database, Tx } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { enqueueJobInTx } from '../platform/enqueue-job.js';
import { adminCards, type AdminCardKind } from './table.js';

/** Job that posts a card into the admin chat, or edits it in place once it has a message. */
export const adminCardRenderJob = 'admin.card-render';

export type AdminCard = typeof adminCards.$inferSelect;

/** Who pressed the button: shown on the decided card and written to the audit log. */
export interface AdminActor {
  telegramId: number;
  name: string;
}

export interface OpenAdminCardInput {
  kind: AdminCardKind;
  objectId: string;
  data?: Record<string, unknown>;
  at: Date;
}

/** Asap for Agenda: a due time already past for any clock. */
const asap = new Date(0);

/** Inserts the card row unless one exists for (kind, object); never enqueues. */
async function ensureCardRow(
  tx: Tx,
  input: OpenAdminCardInput,
): Promise<{ cardId: string; created: boolean }> {
  const inserted = await tx
    .insert(adminCards)
    .values({
      kind: input.kind,
      objectId: input.objectId,
      data: input.data ?? {},
      createdAt: input.at,
      updatedAt: input.at,
    })
    .onConflictDoNothing({ target: [adminCards.kind, adminCards.objectId] })
    .returning({ id: adminCards.id });
  if (inserted[0]) return { cardId: inserted[0].id, created: true };
  const [row] = await tx
    .select({ id: adminCards.id })
    .from(adminCards)
    .where(and(eq(adminCards.kind, input.kind), eq(adminCards.objectId, input.objectId)));
  if (!row) throw new Error(`admin card ${input.kind}:${input.objectId} vanished`);
  return { cardId: row.id, created: false };
}

/**
 * Opens the moderation card of an object (idempotent per kind + object: a second call returns the
 * same card and posts nothing new) and queues its render job in the same transaction.
 * The transaction must be app_system (database.withSystem('admin: …')).
 */
export async function openAdminCard(
  tx: Tx,
  input: OpenAdminCardInput,
): Promise<{ cardId: string; created: boolean }> {
  const card = await ensureCardRow(tx, input);
  if (card.created) await enqueueJobInTx(tx, adminCardRenderJob, { cardId: card.cardId }, asap);
  return card;
}

/** openAdminCard in its own named app_system transaction (for callers outside one). */
export function openAdminCardSystem(
  database: Database,
  input: OpenAdminCardInput,
): Promise<{ cardId: string; created: boolean }> {
  return database.withSystem(`admin: open a ${input.kind} card`, (tx) => openAdminCard(tx, input));
}

/**
 * Opens the object's card, or adds `data` to the one it has and queues its re-render (a card kept
 * open but redrawn, e.g. a payout after approval); app_system tx.
 */
export async function refreshAdminCard(
  tx: Tx,
  input: OpenAdminCardInput & { data: Record<string, unknown> },
): Promise<void> {
  const { cardId, created } = await openAdminCard(tx, input);
  if (created) return;
  await mergeAdminCardData(tx, cardId, input.data, input.at);
  await enqueueJobInTx(tx, adminCardRenderJob, { cardId }, asap);
}

/**
 * The card of a render job: by id, or opened from (kind, object) for a job queued in the old
 * shape. Cards are opened by the admin-cards outbox consumer now (with an id); jobs of the
 * {kind, objectId, data} shape may still wait in a deployed database: accepted for one release.
 */
export function resolveAdminCard(
  database: Database,
  ref: { cardId: string } | OpenAdminCardInput,
): Promise<string> {
  if ('cardId' in ref) return Promise.resolve(ref.cardId);
  return database.withSystem('admin: open a requested card', async (tx) => {
    const card = await ensureCardRow(tx, ref);
    return card.cardId;
  });
}

export interface DecideAdminCardInput {
  kind: AdminCardKind;
  objectId: string;
  /** Short code of what was decided ('approved', 'rejected', 'paid', 'partial_refund'…). */
  decision: string;
  reason?: string;
  admin: AdminActor;
  at: Date;
  /** The data of a card that is created decided (an existing card keeps its own). */
  data?: Record<string, unknown>;
}

/** The columns of a card being decided: what, why, by whom and when. */
const decidedFields = (input: DecideAdminCardInput) => ({
  status: 'decided' as const,
  decision: input.decision,
  reason: input.reason ?? null,
  decidedByTelegramId: input.admin.telegramId,
  decidedByName: input.admin.name,
  decidedAt: input.at,
  updatedAt: input.at,
});

/**
 * Marks the object's card decided (who, when, what, why) and queues the re-render that edits it
 * in place without buttons. A card that is already decided is left as it is ('already_decided').
 * A missing card (the object never went through the queue) is created decided. app_system tx.
 */
export async function decideAdminCard(
  tx: Tx,
  input: DecideAdminCardInput,
): Promise<Result<{ cardId: string }, 'already_decided'>> {
  const { cardId } = await ensureCardRow(tx, input);
  const updated = await tx
    .update(adminCards)
    .set(decidedFields(input))
    .where(and(eq(adminCards.id, cardId), eq(adminCards.status, 'open')))
    .returning({ id: adminCards.id });
  if (updated.length === 0) return fail('already_decided');
  await enqueueJobInTx(tx, adminCardRenderJob, { cardId }, asap);
  return ok({ cardId });
}

/**
 * Closes the object's card if one is still open, because the object ended another way (an order
 * cancelled by a channel block, a pending channel blocked): decided with `decision`, re-rendered
 * in place. No card, or one already decided ⇒ nothing happens (app_system tx).
 */
export async function closeOpenAdminCard(tx: Tx, input: DecideAdminCardInput): Promise<boolean> {
  const updated = await tx
    .update(adminCards)
    .set(decidedFields(input))
    .where(
      and(
        eq(adminCards.kind, input.kind),
        eq(adminCards.objectId, input.objectId),
        eq(adminCards.status, 'open'),
      ),
    )
    .returning({ id: adminCards.id });
  const card = updated[0];
  if (!card) return false;
  await enqueueJobInTx(tx, adminCardRenderJob, { cardId: card.id }, asap);
  return true;
}

/** Adds keys to a card's data (e.g. a note for the next render); app_system tx. */
export async function mergeAdminCardData(
  tx: Tx,
  cardId: string,
  data: Record<string, unknown>,
  at: Date,
): Promise<void> {
  await tx
    .update(adminCards)
    .set({ data: sql`${adminCards.data} || ${JSON.stringify(data)}::jsonb`, updatedAt: at })
    .where(eq(adminCards.id, cardId));
}

/** One card by id (with the row locked when `lock`), in an app_system tx. */
export async function findAdminCard(
  tx: Tx,
  cardId: string,
  lock = false,
): Promise<AdminCard | undefined> {
  const query = tx.select().from(adminCards).where(eq(adminCards.id, cardId)).limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** The card of an object, if one was ever opened. */
export function adminCardOf(
  database: Database,
  kind: AdminCardKind,
  objectId: string,
): Promise<AdminCard | undefined> {
  return database.withSystem('admin: read a card', async (tx) => {
    const [row] = await tx
      .select()
      .from(adminCards)
      .where(and(eq(adminCards.kind, kind), eq(adminCards.objectId, objectId)));
    return row;
  });
}

/** Remembers where the card was posted (so later renders edit it in place); app_system tx. */
export async function recordAdminCardMessage(
  tx: Tx,
  cardId: string,
  message: { chatId: number; messageId: number },
  at: Date,
): Promise<void> {
  await tx
    .update(adminCards)
    .set({ chatId: message.chatId, messageId: message.messageId, updatedAt: at })
    .where(eq(adminCards.id, cardId));
}
