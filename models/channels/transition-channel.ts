import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db.js';
import { ok, type Result } from '../errors.js';
import { decideMove } from '../state-machine.js';
import { channels, type ChannelStatus } from './table.js';
import { channelTransitions } from './transitions.js';

export interface ChannelTransitionInput {
  channelId: string;
  /** Also required to match when given (the caller's tenant). */
  workspaceId?: string;
  /** States the caller expects the channel to be in; anything else is 'illegal_transition'. */
  from: ChannelStatus[];
  to: ChannelStatus;
  /** The new status_reason: why it is paused (pauseReasons) or blocked; null when active. */
  reason: string | null;
  at: Date;
}

/**
 * The only way a channel changes status (or pause reason): locks the row, checks it is in one of
 * `from` and that the state machine allows `to`, sets status and status_reason (caller's
 * transaction). The audit row is the caller's: each use-case records its own (docs/channels.md).
 */
export async function transitionChannel(
  tx: Tx,
  input: ChannelTransitionInput,
): Promise<Result<{ id: string; from: ChannelStatus }, 'not_found' | 'illegal_transition'>> {
  const where = and(
    eq(channels.id, input.channelId),
    input.workspaceId ? eq(channels.workspaceId, input.workspaceId) : undefined,
  );
  const [row] = await tx
    .select({ status: channels.status })
    .from(channels)
    .where(where)
    .for('update');
  const move = decideMove(channelTransitions, row?.status, input);
  if (!move.ok) return move;
  await tx
    .update(channels)
    .set({ status: input.to, statusReason: input.reason, updatedAt: input.at })
    .where(where);
  return ok({ id: input.channelId, from: move.value });
}
