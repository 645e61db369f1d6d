import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Database, DbOrTx, Tx } from '../db.js';
import { needsAdminModeration } from './needs-admin-moderation.js';
import { creatives } from '../orders/table.js';
import { readSetting, writeSetting } from '../platform/queries.js';

/** platform_settings key of the pre-moderation switch: { enabled, by: 'default' | 'admin' }. */
export const moderationSettingKey = 'pre_moderation';

interface ModerationSetting {
  enabled: boolean;
  by: 'default' | 'admin';
}

function readSwitch(value: unknown): ModerationSetting | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.enabled !== 'boolean') return undefined;
  return { enabled: v.enabled, by: v.by === 'admin' ? 'admin' : 'default' };
}

/**
 * Whether new channels and first-time/flagged advertisers' creatives wait for an admin. Off unless
 * the setting says on: startup turns it on when an admin chat is configured (syncModerationDefault).
 */
export async function isPreModerationOn(tx: DbOrTx): Promise<boolean> {
  return readSwitch(await readSetting(tx, moderationSettingKey))?.enabled === true;
}

/**
 * At startup: with an admin chat, pre-moderation defaults to on (an admin's /moderation choice is
 * kept); without one it is off (nobody could approve anything).
 */
export async function syncModerationDefault(
  database: Database,
  input: { adminChatConfigured: boolean },
): Promise<boolean> {
  return database.withSystem('admin: moderation default', async (tx) => {
    const current = readSwitch(await readSetting(tx, moderationSettingKey));
    const kept = input.adminChatConfigured && current?.by === 'admin';
    const next: ModerationSetting = kept
      ? current
      : { enabled: input.adminChatConfigured, by: 'default' };
    if (current?.enabled !== next.enabled || current.by !== next.by)
      await writeSetting(tx, moderationSettingKey, next);
    const enabled = next.enabled;
    return enabled;
  });
}

/** `/moderation on|off` (or a test harness): sets the switch and writes an audit row. */
export async function setPreModeration(
  database: Database,
  input: { enabled: boolean; actor: string; at: Date },
): Promise<void> {
  await database.withSystem('admin: switch moderation', async (tx) => {
    await writeSetting(tx, moderationSettingKey, { enabled: input.enabled, by: 'admin' });
    await recordAudit(tx, {
      actor: input.actor,
      action: input.enabled ? 'moderation.enabled' : 'moderation.disabled',
      objectType: 'platform',
      objectId: moderationSettingKey,
      data: {},
      at: input.at,
    });
  });
}

/** The content check's flags stored on the order's creatives (empty when none flagged). */
export async function orderCreativeFlags(tx: Tx, orderId: string): Promise<unknown[]> {
  const rows = await tx
    .select({ flags: creatives.moderationFlags })
    .from(creatives)
    .where(eq(creatives.orderId, orderId));
  return rows.flatMap((r) => (Array.isArray(r.flags) ? r.flags : []));
}

/** Why a paid order's creatives must wait for an admin (empty ⇒ they need not). */
export async function creativeModerationReasons(
  tx: Tx,
  order: { id: string; advertiserAccountId: string },
): Promise<('first_time' | 'flagged')[]> {
  if (!(await isPreModerationOn(tx))) return [];
  const reasons: ('first_time' | 'flagged')[] = [];
  // First-time: no order of theirs ever reached `scheduled` nor had creatives approved (MODERATION's rule).
  if (await needsAdminModeration(tx, order.advertiserAccountId)) reasons.push('first_time');
  if ((await orderCreativeFlags(tx, order.id)).length > 0) reasons.push('flagged');
  return reasons;
}

/** Puts the order's creatives in the admin queue (pending), except ones already decided. */
export async function markCreativesPending(tx: Tx, orderId: string): Promise<void> {
  await tx
    .update(creatives)
    .set({ moderationStatus: 'pending' })
    .where(
      and(
        eq(creatives.orderId, orderId),
        inArray(creatives.moderationStatus, ['not_required', 'pending']),
      ),
    );
}
