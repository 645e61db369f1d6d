import { and, eq } from 'drizzle-orm';
import { decideAdminCard, openAdminCard, type AdminActor } from '../admin/cards.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { updateIntake, type IntakeStatus } from './table.js';

/** What an admin sees of a parked update. */
export interface ParkedUpdateFacts {
  id: string;
  updateId: number;
  kind: string;
  orderKey: string;
  attempts: number;
  lastError: string | null;
  receivedAt: Date;
  status: IntakeStatus;
}

const facts = {
  id: updateIntake.id,
  updateId: updateIntake.updateId,
  kind: updateIntake.kind,
  orderKey: updateIntake.orderKey,
  attempts: updateIntake.attempts,
  lastError: updateIntake.lastError,
  receivedAt: updateIntake.receivedAt,
  status: updateIntake.status,
};

/** Opens the admin-chat card of an update that was parked (once per update) and audits it. */
export async function reportParkedUpdate(
  database: Database,
  input: { updateId: number; at: Date },
): Promise<void> {
  await database.withSystem('admin: a parked update', async (tx) => {
    const [row] = await tx
      .select(facts)
      .from(updateIntake)
      .where(eq(updateIntake.updateId, input.updateId));
    if (!row || row.status !== 'parked') return;
    const { created } = await openAdminCard(tx, {
      kind: 'parked_update',
      objectId: row.id,
      data: { updateId: row.updateId },
      at: input.at,
    });
    if (!created) return;
    await recordAudit(tx, {
      actor: 'system:intake',
      action: 'update.parked',
      objectType: 'update',
      objectId: row.id,
      data: {
        updateId: row.updateId,
        kind: row.kind,
        attempts: row.attempts,
        error: row.lastError,
      },
      at: input.at,
    });
  });
}

/** A parked update's facts for its card, or undefined when it is gone (purged). */
export async function parkedUpdateFacts(
  database: Database,
  id: string,
): Promise<ParkedUpdateFacts | undefined> {
  const [row] = await database.withSystem('admin: read a parked update', (tx) =>
    tx.select(facts).from(updateIntake).where(eq(updateIntake.id, id)),
  );
  return row;
}

export type ParkedDecisionCode = 'not_found' | 'not_parked';

/**
 * An admin's decision on a parked update: 'retry' puts it back in the queue with fresh attempts
 * (a live bot process takes it within its sweep), 'dismiss' ends it unhandled. Audited; the card
 * is decided in the same transaction.
 */
export async function decideParkedUpdate(
  database: Database,
  input: { id: string; decision: 'retry' | 'dismiss'; admin: AdminActor; at: Date },
): Promise<Result<{ updateId: number }, ParkedDecisionCode>> {
  return database.withSystem('admin: decide a parked update', async (tx) => {
    const [row] = await tx
      .select(facts)
      .from(updateIntake)
      .where(eq(updateIntake.id, input.id))
      .for('update');
    if (!row) return fail('not_found');
    if (row.status !== 'parked') return fail('not_parked');
    const retry = input.decision === 'retry';
    await tx
      .update(updateIntake)
      .set(
        retry
          ? { status: 'pending', attempts: 0, leaseOwner: null, leaseUntil: null, finishedAt: null }
          : { status: 'done', finishedAt: input.at },
      )
      .where(and(eq(updateIntake.id, input.id), eq(updateIntake.status, 'parked')));
    await decideAdminCard(tx, {
      kind: 'parked_update',
      objectId: input.id,
      decision: retry ? 'retried' : 'dismissed',
      admin: input.admin,
      at: input.at,
    });
    await recordAudit(tx, {
      actor: `admin:${input.admin.telegramId}`,
      action: retry ? 'update.retried' : 'update.dismissed',
      objectType: 'update',
      objectId: input.id,
      data: { updateId: row.updateId, kind: row.kind },
      at: input.at,
    });
    return ok({ updateId: row.updateId });
  });
}
