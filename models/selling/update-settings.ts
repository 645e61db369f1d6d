import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Clock } from '../clock.js';
import type { Database, Tx } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { regenerateChannelSlots } from '../slots/regenerate-slots.js';
import { channelAccess } from '../workspaces/access.js';
import { canPerform } from '../workspaces/permissions.js';
import type { MemberRole } from '../workspaces/table.js';
import type { FixedFormat } from '../channels/formats.js';
import { toggleBlackoutDate } from '../channels/settings-input-values.js';
import {
  channelSettingsSchema,
  readChannelSettings,
  type ChannelCategory,
  type ChannelSettings,
  type PriceCurrency,
  type Schedule,
} from '../channels/settings.js';
import { channels } from '../channels/table.js';

/** One owner edit of a channel's selling settings, applied to the stored value inside the write. */
export type SettingsChange =
  | { field: 'timezone'; value: string }
  | { field: 'schedule'; value: Schedule | null }
  | { field: 'currency'; value: PriceCurrency }
  | { field: 'price'; format: FixedFormat; value: number | null }
  | { field: 'pinned'; value: { hours: number; price: number } | null }
  | { field: 'leadTimeMinutes'; value: number }
  | { field: 'horizonDays'; value: number }
  | { field: 'blackoutToggle'; date: string }
  | { field: 'maxPerDay'; value: number | null }
  | { field: 'category'; value: ChannelCategory | null }
  | { field: 'language'; value: string }
  | { field: 'description'; value: string }
  | { field: 'review'; value: ChannelSettings['review'] }
  | { field: 'whitelistOnly'; value: boolean }
  | { field: 'bundleDiscount'; value: ChannelSettings['bundleDiscount'] }
  | { field: 'requiresMarking'; value: boolean }
  | { field: 'contentRules'; stopWords: string[]; blockedDomains: string[] };

export type SettingsField = SettingsChange['field'];

/** Changes after which the slots of the horizon are materialized again. */
const slotFields: ReadonlySet<SettingsField> = new Set([
  'timezone',
  'schedule',
  'horizonDays',
  'blackoutToggle',
  'maxPerDay',
  'leadTimeMinutes',
]);

export type SettingsAccessCode = 'not_found' | 'forbidden';

/** A channel's selling settings as its member sees them. */
export interface SellingView {
  channelId: string;
  workspaceId: string;
  title: string;
  username: string | null;
  role: MemberRole;
  settings: ChannelSettings;
}

function applyChange(settings: ChannelSettings, change: SettingsChange): ChannelSettings {
  switch (change.field) {
    case 'price': {
      const prices = { ...settings.prices };
      if (change.value === null) delete prices[change.format];
      else prices[change.format] = change.value;
      return { ...settings, prices };
    }
    case 'contentRules':
      return { ...settings, stopWords: change.stopWords, blockedDomains: change.blockedDomains };
    case 'blackoutToggle':
      return {
        ...settings,
        blackoutDates: toggleBlackoutDate(settings.blackoutDates, change.date),
      };
    default:
      return { ...settings, [change.field]: change.value };
  }
}

async function loadChannel(tx: Tx, workspaceId: string, channelId: string) {
  const [row] = await tx
    .select({
      id: channels.id,
      title: channels.title,
      username: channels.username,
      language: channels.language,
      settings: channels.settings,
    })
    .from(channels)
    .where(and(eq(channels.id, channelId), eq(channels.workspaceId, workspaceId)))
    .limit(1);
  return row;
}

/** The selling settings of a channel the account may view (RLS-scoped to its workspace). */
export async function readSellingSettings(
  database: Database,
  input: { accountId: string; channelId: string },
): Promise<Result<SellingView, SettingsAccessCode>> {
  const access = await channelAccess(database, input.accountId, input.channelId);
  if (!access) return fail('not_found');
  if (!canPerform(access.role, 'channels.view')) return fail('forbidden');
  const row = await database.withScope(
    { workspaceId: access.workspaceId, accountId: input.accountId },
    (tx) => loadChannel(tx, access.workspaceId, input.channelId),
  );
  if (!row) return fail('not_found');
  return ok({
    channelId: row.id,
    workspaceId: access.workspaceId,
    title: row.title,
    username: row.username,
    role: access.role,
    settings: readChannelSettings(row.settings, row.language ?? 'en'),
  });
}

/**
 * Applies one change to a channel's selling settings for a member allowed to edit them. The result
 * is validated as a whole; an invalid one saves nothing. Audited; slots are regenerated when the
 * change affects them.
 */
export async function updateChannelSettings(
  database: Database,
  input: { accountId: string; channelId: string; change: SettingsChange },
  clock: Clock,
): Promise<Result<ChannelSettings, SettingsAccessCode | 'invalid'>> {
  const access = await channelAccess(database, input.accountId, input.channelId);
  if (!access) return fail('not_found');
  if (!canPerform(access.role, 'channels.edit')) return fail('forbidden');
  const { workspaceId } = access;
  return database.withScope({ workspaceId, accountId: input.accountId }, async (tx) => {
    // Lock the row so two quick edits apply one after the other, never on a stale copy.
    const [row] = await tx
      .select({ language: channels.language, settings: channels.settings })
      .from(channels)
      .where(and(eq(channels.id, input.channelId), eq(channels.workspaceId, workspaceId)))
      .for('update');
    if (!row) return fail('not_found');
    const before = readChannelSettings(row.settings, row.language ?? 'en');
    const parsed = channelSettingsSchema.safeParse(applyChange(before, input.change));
    if (!parsed.success) {
      return fail('invalid', { issues: parsed.error.issues.map((issue) => issue.message) });
    }
    const after = parsed.data;
    const now = clock.now();
    await tx
      .update(channels)
      .set({
        settings: after as unknown as Record<string, unknown>,
        category: after.category,
        language: after.language,
        updatedAt: now,
      })
      .where(eq(channels.id, input.channelId));
    await recordAudit(tx, {
      actor: `account:${input.accountId}`,
      action: 'channel.settings.update',
      objectType: 'channel',
      objectId: input.channelId,
      data: { change: input.change, role: access.role },
      at: now,
      workspaceId,
    });
    if (slotFields.has(input.change.field)) {
      await regenerateChannelSlots(tx, { id: input.channelId, workspaceId, settings: after }, now);
    }
    return ok(after);
  });
}
