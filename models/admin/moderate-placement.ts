import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import { formatSpec, parseFormat } from '../channels/formats.js';
import { channels } from '../channels/table.js';
import type { Clock } from '../clock.js';
import type { Database, Tx } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { writePublished } from '../placements/publish.js';
import { settleOrFailOrder } from '../placements/settle-or-fail-order.js';
import { placements } from '../placements/table.js';
import { transitionPlacement } from '../placements/transition-placement.js';
import { expectMoved } from '../state-machine.js';
import { type AdminActor, decideAdminCard } from './cards.js';

export interface PlacementReviewFacts {
  id: string;
  orderId: string;
  workspaceId: string;
  status: string;
  format: string;
  dueAt: Date;
  sendStartedAt: Date | null;
  lastError: string | null;
  channelTitle: string;
  channelUsername: string | null;
  chatId: number;
}

async function readFacts(tx: Tx, placementId: string, lock = false) {
  const query = tx
    .select({
      id: placements.id,
      orderId: placements.orderId,
      workspaceId: placements.workspaceId,
      status: placements.status,
      format: placements.format,
      dueAt: placements.dueAt,
      sendStartedAt: placements.sendStartedAt,
      lastError: placements.lastError,
      channelTitle: channels.title,
      channelUsername: channels.username,
      chatId: channels.telegramChatId,
    })
    .from(placements)
    .innerJoin(channels, eq(channels.id, placements.channelId))
    .where(eq(placements.id, placementId));
  const [row] = lock ? await query.for('update', { of: placements }) : await query;
  return row;
}

/** A placement waiting for review, for its admin card (cross-tenant read for the admin chat). */
export function placementReviewFacts(
  database: Database,
  placementId: string,
): Promise<PlacementReviewFacts | undefined> {
  return database.withSystem('admin: read a placement card', (tx) => readFacts(tx, placementId));
}

export type PlacementReviewCode = 'not_found' | 'not_in_review';

/**
 * The admin saw the post in the channel: the placement becomes `published` with that message id
 * (published at the send attempt's time), its deletion, probes and settlement jobs queued as for
 * any post; card decided; audit row. One app_system transaction.
 */
export async function confirmPlacementPublished(
  database: Database,
  input: { placementId: string; messageId: number; admin: AdminActor },
  clock: Clock,
): Promise<Result<{ orderId: string }, PlacementReviewCode | 'bad_format'>> {
  return database.withSystem('admin: confirm a publication', async (tx) => {
    const at = clock.now();
    const row = await readFacts(tx, input.placementId, true);
    if (!row) return fail('not_found');
    if (row.status !== 'needs_review') return fail('not_in_review', { status: row.status });
    const format = parseFormat(row.format);
    if (!format) return fail('bad_format');
    const actor = `admin:${input.admin.telegramId}`;
    await writePublished(
      tx,
      { ...row, placementId: row.id, format: formatSpec(format) },
      [input.messageId],
      row.sendStartedAt ?? at,
      actor,
    );
    await decideAdminCard(tx, {
      kind: 'placement',
      objectId: row.id,
      decision: 'published',
      reason: String(input.messageId),
      admin: input.admin,
      at,
    });
    await recordAudit(tx, {
      actor,
      action: 'placement.confirmed_published',
      objectType: 'placement',
      objectId: row.id,
      data: { messageId: input.messageId, admin: input.admin.name },
      at,
      workspaceId: row.workspaceId,
    });
    return ok({ orderId: row.orderId });
  });
}

/**
 * The admin found no post: the placement `failed`. When nothing else of the order was delivered
 * the order fails too (its waiting placements cancelled) and the edge refunds it in full;
 * otherwise settlement returns this placement's share. Card decided; audit row.
 */
export async function failUncertainPlacement(
  database: Database,
  input: { placementId: string; admin: AdminActor },
  clock: Clock,
): Promise<
  Result<{ orderId: string; workspaceId: string; orderFailed: boolean }, PlacementReviewCode>
> {
  return database.withSystem('admin: fail an uncertain publication', async (tx) => {
    const at = clock.now();
    const row = await readFacts(tx, input.placementId, true);
    if (!row) return fail('not_found');
    if (row.status !== 'needs_review') return fail('not_in_review', { status: row.status });
    const actor = `admin:${input.admin.telegramId}`;
    const failed = await transitionPlacement(tx, {
      placementId: row.id,
      from: ['needs_review'],
      to: 'failed',
      at,
      set: { lastError: 'admin: not published' },
    });
    expectMoved(failed, `placement ${row.id} → failed`);
    const { orderFailed } = await settleOrFailOrder(tx, {
      placementId: row.id,
      orderId: row.orderId,
      actor,
      reason: 'not_published',
      statusReason: 'not_published',
      at,
    });
    await decideAdminCard(tx, {
      kind: 'placement',
      objectId: row.id,
      decision: 'not_published',
      admin: input.admin,
      at,
    });
    await recordAudit(tx, {
      actor,
      action: 'placement.not_published',
      objectType: 'placement',
      objectId: row.id,
      data: { admin: input.admin.name, orderFailed },
      at,
      workspaceId: row.workspaceId,
    });
    return ok({ orderId: row.orderId, workspaceId: row.workspaceId, orderFailed });
  });
}
