import { eq } from 'drizzle-orm';
import { accounts } from '../accounts/table.js';
import { recordAudit } from '../audit/record-audit.js';
import { canSell, readBotRights } from '../channels/rights.js';
import { channels } from '../channels/table.js';
import { transitionChannel } from '../channels/transition-channel.js';
import type { Clock } from '../clock.js';
import type { Database, Tx } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { planIsFull, planPauseReason } from '../subscriptions/plan-channels.js';
import { workspaces } from '../workspaces/table.js';
import { type AdminActor, decideAdminCard } from './cards.js';
import { appendEvent } from '../outbox/events.js';

export interface ChannelModerationFacts {
  id: string;
  title: string;
  username: string | null;
  subscribers: number;
  status: string;
  statusReason: string | null;
  telegramChatId: number;
  category: string | null;
  language: string | null;
  botRights: Record<string, unknown>;
  workspaceId: string;
  owner: {
    accountId: string;
    telegramId: number;
    firstName: string | null;
    username: string | null;
  };
}

async function readFacts(tx: Tx, channelId: string): Promise<ChannelModerationFacts | undefined> {
  const [row] = await tx
    .select({
      id: channels.id,
      title: channels.title,
      username: channels.username,
      subscribers: channels.subscribers,
      status: channels.status,
      statusReason: channels.statusReason,
      telegramChatId: channels.telegramChatId,
      category: channels.category,
      language: channels.language,
      botRights: channels.botRights,
      workspaceId: channels.workspaceId,
      ownerAccountId: accounts.id,
      ownerTelegramId: accounts.telegramId,
      ownerFirstName: accounts.firstName,
      ownerUsername: accounts.username,
    })
    .from(channels)
    .innerJoin(workspaces, eq(workspaces.id, channels.workspaceId))
    .innerJoin(accounts, eq(accounts.id, workspaces.ownerAccountId))
    .where(eq(channels.id, channelId));
  if (!row) return undefined;
  const { ownerAccountId, ownerTelegramId, ownerFirstName, ownerUsername, ...channel } = row;
  return {
    ...channel,
    owner: {
      accountId: ownerAccountId,
      telegramId: ownerTelegramId,
      firstName: ownerFirstName,
      username: ownerUsername,
    },
  };
}

/** A channel's facts for its admin card (cross-tenant read for the admin chat). */
export function channelModerationFacts(
  database: Database,
  channelId: string,
): Promise<ChannelModerationFacts | undefined> {
  return database.withSystem('admin: read a channel card', (tx) => readFacts(tx, channelId));
}

export type ModerateChannelCode = 'not_found' | 'not_pending';

/**
 * Decides a channel waiting for review: approved ⇒ `active` (listed in the catalog; its slots
 * exist since registration; `paused` for bot_rights if the bot lost its rights meanwhile);
 * rejected ⇒ `blocked` with the admin's reason (never listed). Card
 * decided, audit row (actor admin:<id>) and the owner told — one app_system transaction.
 */
async function decideChannel(
  database: Database,
  input: { channelId: string; admin: AdminActor; reason?: string },
  clock: Clock,
): Promise<Result<{ workspaceId: string; title: string }, ModerateChannelCode>> {
  const approve = input.reason === undefined;
  return database.withSystem(
    approve ? 'admin: approve channel' : 'admin: reject channel',
    async (tx) => {
      const at = clock.now();
      const facts = await readFacts(tx, input.channelId);
      if (!facts) return fail('not_found');
      // Approved while the bot lacks the right to post (changed while it waited) ⇒ paused for
      // rights; while the plan in force is full (Pro ended meanwhile) ⇒ paused for the plan, so
      // that a renewal lists it.
      const sellable = canSell(readBotRights(facts.botRights));
      const full = approve && (await planIsFull(tx, facts.workspaceId, facts.id, at));
      const moved = await transitionChannel(tx, {
        channelId: facts.id,
        from: ['pending_review'],
        at,
        ...(!approve
          ? { to: 'blocked', reason: input.reason ?? null }
          : full
            ? { to: 'paused', reason: planPauseReason }
            : sellable
              ? { to: 'active', reason: null }
              : { to: 'paused', reason: 'bot_rights' }),
      });
      if (!moved.ok) return fail('not_pending', { status: facts.status });
      await decideAdminCard(tx, {
        kind: 'channel',
        objectId: facts.id,
        decision: approve ? 'approved' : 'rejected',
        ...(input.reason !== undefined ? { reason: input.reason } : {}),
        admin: input.admin,
        at,
      });
      await recordAudit(tx, {
        actor: `admin:${input.admin.telegramId}`,
        action: approve ? 'channel.approved' : 'channel.rejected',
        objectType: 'channel',
        objectId: facts.id,
        data: {
          admin: input.admin.name,
          ...(input.reason !== undefined ? { reason: input.reason } : {}),
        },
        at,
        workspaceId: facts.workspaceId,
      });
      await appendEvent(
        tx,
        {
          type: 'channel.reviewed',
          workspaceId: facts.workspaceId,
          channelId: facts.id,
          ownerAccountId: facts.owner.accountId,
          title: facts.title,
          approved: approve,
          planFull: full,
          reason: input.reason ?? null,
        },
        at,
      );
      return ok({ workspaceId: facts.workspaceId, title: facts.title });
    },
  );
}

/** Approves a channel waiting for review (it appears in the catalog). */
export function approveChannel(
  database: Database,
  input: { channelId: string; admin: AdminActor },
  clock: Clock,
) {
  return decideChannel(database, { channelId: input.channelId, admin: input.admin }, clock);
}

/** Rejects a channel waiting for review with a reason the owner sees (status blocked). */
export function rejectChannel(
  database: Database,
  input: { channelId: string; admin: AdminActor; reason: string },
  clock: Clock,
) {
  return decideChannel(database, input, clock);
}
