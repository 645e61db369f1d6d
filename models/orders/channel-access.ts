import { and, eq } from 'drizzle-orm';
import { accounts } from '../accounts/table.js';
import { workspaceRecipients } from '../channels/queries.js';
import { channels } from '../channels/table.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { channelAccess as accessRows } from '../workspaces/access.js';
import { canPerform } from '../workspaces/permissions.js';
import { channelAccess } from './access-table.js';
import { bookingChannelOf } from './booking-channel.js';

/** '@username', else the first name, else a dash. */
function displayName(who: { username: string | null; firstName: string | null } | undefined) {
  return who?.username ? `@${who.username}` : (who?.firstName ?? '—');
}

export interface AccessRequested {
  requestId: string;
  channelTitle: string;
  advertiserName: string;
  /** The workspace's owner and managers to ask (Telegram ids and languages). */
  recipients: { telegramId: number; language: string }[];
}

/** An advertiser asks a whitelist-only channel for access; one open request per channel. */
export async function requestChannelAccess(
  database: Database,
  input: { accountId: string; channelId: string },
  clock: Clock,
): Promise<
  Result<AccessRequested, 'channel_not_found' | 'not_needed' | 'already_requested' | 'declined'>
> {
  const channel = await bookingChannelOf(database, input.channelId, input.accountId);
  if (!channel || channel.status !== 'active') return fail('channel_not_found');
  if (!channel.settings.whitelistOnly || channel.access === 'allowed' || channel.ownChannel) {
    return fail('not_needed');
  }
  if (channel.access === 'requested') return fail('already_requested');
  if (channel.access === 'declined') return fail('declined');
  const [row] = await database.withScope({ accountId: input.accountId }, (tx) =>
    tx
      .insert(channelAccess)
      .values({
        channelId: channel.id,
        workspaceId: channel.workspaceId,
        accountId: input.accountId,
        requestedAt: clock.now(),
      })
      .onConflictDoNothing()
      .returning({ id: channelAccess.id }),
  );
  if (!row) return fail('already_requested');
  return database.withScope({ workspaceId: channel.workspaceId }, async (tx) => {
    const recipients = await workspaceRecipients(tx, channel.workspaceId);
    const [who] = await tx
      .select({ username: accounts.username, firstName: accounts.firstName })
      .from(accounts)
      .where(eq(accounts.id, input.accountId));
    const advertiserName = displayName(who);
    return ok({ requestId: row.id, channelTitle: channel.title, advertiserName, recipients });
  });
}

export interface AccessDecided {
  channelId: string;
  channelTitle: string;
  allowed: boolean;
  advertiser: { telegramId: number; language: string };
  advertiserName: string;
}

/** The owner or a manager allows or declines an advertiser's access request (one tap, audited by decided_by). */
export async function decideChannelAccess(
  database: Database,
  input: { accountId: string; requestId: string; allow: boolean },
  clock: Clock,
): Promise<Result<AccessDecided, 'not_found' | 'forbidden' | 'already_decided'>> {
  const [request] = await database.withSystem('booking: access request look-up', (tx) =>
    tx
      .select({ channelId: channelAccess.channelId, status: channelAccess.status })
      .from(channelAccess)
      .where(eq(channelAccess.id, input.requestId))
      .limit(1),
  );
  if (!request) return fail('not_found');
  const access = await accessRows(database, input.accountId, request.channelId);
  if (!access) return fail('not_found');
  if (!canPerform(access.role, 'orders.review')) return fail('forbidden');
  const now = clock.now();
  return database.withScope(
    { workspaceId: access.workspaceId, accountId: input.accountId },
    async (tx): Promise<Result<AccessDecided, 'not_found' | 'already_decided'>> => {
      const [updated] = await tx
        .update(channelAccess)
        .set({
          status: input.allow ? 'allowed' : 'declined',
          decidedAt: now,
          decidedBy: input.accountId,
        })
        .where(and(eq(channelAccess.id, input.requestId), eq(channelAccess.status, 'requested')))
        .returning({ accountId: channelAccess.accountId });
      if (!updated) return fail('already_decided');
      const [advertiser] = await tx
        .select({
          telegramId: accounts.telegramId,
          language: accounts.language,
          username: accounts.username,
          firstName: accounts.firstName,
        })
        .from(accounts)
        .where(eq(accounts.id, updated.accountId));
      const [channel] = await tx
        .select({ title: channels.title })
        .from(channels)
        .where(eq(channels.id, request.channelId));
      if (!advertiser || !channel) return fail('not_found');
      return ok({
        channelId: request.channelId,
        channelTitle: channel.title,
        allowed: input.allow,
        advertiser: { telegramId: advertiser.telegramId, language: advertiser.language },
        advertiserName: displayName(advertiser),
      });
    },
  );
}
