import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { isPreModerationOn } from '../moderation/moderation-policy.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { membershipsOf } from '../workspaces/access.js';
import { ensureOwnerWorkspace } from '../workspaces/ensure-owner-workspace.js';
import { channelLimitOf, effectivePlan } from '../workspaces/plan-limits.js';
import { applyRightsSnapshot, type RightsTransition } from './apply-rights.js';
import { locateChannelByChat } from './locate-channel.js';
import { countPlanChannels, findChannel, workspacePlanOf } from './queries.js';
import { checkChannelRights, type ChannelFacts, type RightsRefusal } from './rights.js';
import { defaultChannelSettings } from './settings.js';
import { newShareCode } from './share-code.js';
import { channelChats, channels } from './table.js';
import { appendEvent } from '../outbox/events.js';

export type RegisterChannelCode = RightsRefusal | 'already_registered' | 'plan_limit';

export interface RegisterChannelInput {
  accountId: string;
  /** The person's language: defaults of a new channel's settings follow it. */
  language: string;
  facts: ChannelFacts;
  now: Date;
}

export interface RegisteredChannel {
  channelId: string;
  workspaceId: string;
  created: boolean;
  transition: RightsTransition;
  /** A new channel waits for an admin (pre-moderation on): not in the catalog until approved. */
  pendingReview: boolean;
}

/**
 * Registers a channel the person administers in their own workspace (new channels are `active`,
 * see docs/channels.md — or `pending_review` with `channel.review_requested` appended (the admins'
 * card, the owner's notice) while pre-moderation is on, docs/admin.md), or refreshes it when one
 * of their workspaces already has it. Refuses missing rights, a channel held by another workspace (never saying which) and
 * the plan limit. A new channel has no schedule, hence no slots, until its owner sets one
 * (updateChannelSettings materializes them).
 */
export async function registerChannel(
  database: Database,
  input: RegisterChannelInput,
): Promise<Result<RegisteredChannel, RegisterChannelCode>> {
  const { accountId, facts, now } = input;
  const rights = checkChannelRights(facts);
  if (!rights.ok) return rights;
  const profile = {
    title: facts.title.slice(0, 255),
    username: facts.username,
    subscribers: Math.max(0, Math.floor(facts.subscribers)),
  };

  const existing = await locateChannelByChat(database, facts.telegramChatId);
  if (existing) {
    const memberships = await database.withScope({ accountId }, (tx) =>
      membershipsOf(tx, accountId),
    );
    const workspaceId = memberships.find(
      (m) => m.workspaceId === existing.workspaceId,
    )?.workspaceId;
    if (!workspaceId) return fail('already_registered');
    return database.withScope({ workspaceId, accountId }, async (tx) => {
      const channel = await findChannel(tx, workspaceId, existing.id);
      if (!channel) return fail('already_registered');
      await tx
        .update(channels)
        .set({ ...profile, updatedAt: now })
        .where(and(eq(channels.id, channel.id), eq(channels.workspaceId, workspaceId)));
      const outcome = await applyRightsSnapshot(tx, channel, rights.value, input.language, now);
      await recordAudit(tx, {
        actor: `account:${accountId}`,
        action: 'channel.reverified',
        objectType: 'channel',
        objectId: channel.id,
        data: { rights: rights.value, subscribers: profile.subscribers },
        at: now,
        workspaceId,
      });
      return ok({
        channelId: channel.id,
        workspaceId,
        created: false,
        transition: outcome.transition,
        pendingReview: outcome.status === 'pending_review',
      });
    });
  }

  const own = await ensureOwnerWorkspace(database, accountId);
  const workspaceId = own.workspaceId;
  return database.withScope({ workspaceId, accountId }, async (tx) => {
    // Two quick verifications of one workspace must not both pass the limit.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${'channels-limit:' + workspaceId}))`,
    );
    const plan = await workspacePlanOf(tx, workspaceId);
    const limit = channelLimitOf(
      effectivePlan(plan?.plan ?? 'free', plan?.planExpiresAt ?? null, now),
    );
    if ((await countPlanChannels(tx, workspaceId)) >= limit) return fail('plan_limit', { limit });
    const settings = defaultChannelSettings(input.language);
    const pendingReview = await isPreModerationOn(tx);
    // The chat's claim first: taken by another workspace between the look-up and now, it conflicts.
    const claimed = await tx
      .insert(channelChats)
      .values({ telegramChatId: facts.telegramChatId, workspaceId, channelId: randomUUID() })
      .onConflictDoNothing()
      .returning({ channelId: channelChats.channelId });
    if (!claimed[0]) return fail('already_registered');
    const channelId = claimed[0].channelId;
    await tx.insert(channels).values({
      id: channelId,
      workspaceId,
      telegramChatId: facts.telegramChatId,
      ...profile,
      settings: { ...settings },
      status: pendingReview ? 'pending_review' : 'active',
      botRights: { ...rights.value },
      rightsCheckedAt: now,
      shareCode: newShareCode(),
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, {
      actor: `account:${accountId}`,
      action: 'channel.registered',
      objectType: 'channel',
      objectId: channelId,
      data: {
        telegramChatId: facts.telegramChatId,
        rights: rights.value,
        plan: plan?.plan,
        pendingReview,
      },
      at: now,
      workspaceId,
    });
    if (pendingReview) {
      await appendEvent(
        tx,
        {
          type: 'channel.review_requested',
          workspaceId,
          channelId,
          ownerAccountId: accountId,
          title: profile.title,
        },
        now,
      );
    }
    return ok({
      channelId,
      workspaceId,
      created: true,
      transition: 'none' as const,
      pendingReview,
    });
  });
}
