import { eq } from 'drizzle-orm';
import { defaultChannelSettings, type ChannelSettings } from '../../models/channels/settings.js';
import type { ChannelStatus } from '../../models/channels/table.js';
import type { Database } from '../../models/db.js';
import { channels, workspaces } from '../../models/schema.js';
import { regenerateChannelSlots } from '../../models/slots/regenerate-slots.js';
import { ensureOwnerWorkspace } from '../../models/workspaces/ensure-owner-workspace.js';
import { newShareCode, nextChatId } from './sequence.js';
import { makeSlots } from './slots.js';
import { makeWorkspace } from './workspaces.js';

export interface ChannelOverrides {
  /** The channel's workspace; a new one (of `owner`, or of a new account) otherwise. */
  workspaceId?: string;
  owner?: string;
  title?: string;
  username?: string | null;
  subscribers?: number;
  status?: ChannelStatus;
  statusReason?: string | null;
  botRights?: Record<string, unknown>;
  telegramChatId?: number;
  shareCode?: string;
  createdAt?: Date;
  /** Language of the default settings (ru: RUB prices, Moscow time, marking required). */
  language?: string;
  /** Changes on top of a sellable default; null stores no settings (a channel just registered). */
  settings?: Partial<ChannelSettings> | null;
  /** Free slots at these instants. */
  slots?: Date[];
  /** Materializes the schedule's horizon from this instant (as saving the settings does). */
  slotsFrom?: Date;
}

export interface MadeChannel {
  id: string;
  workspaceId: string;
  ownerAccountId: string;
  title: string;
  telegramChatId: number;
  shareCode: string;
  settings: ChannelSettings;
  /** The free slots made from `slots` (not those of `slotsFrom`). */
  slotIds: string[];
}

/** An owner account, its workspace and the owner's three ids. */
export interface Tenant {
  accountId: string;
  workspaceId: string;
  channelId: string;
}

/** Every day at these local times (the schedule of catalog and booking tests). */
export function everyDayAt(...times: string[]): ChannelSettings['schedule'] {
  return { mode: 'times', days: [1, 2, 3, 4, 5, 6, 7], times };
}

/**
 * A channel, active and sellable by default: RUB prices 1 000 ₽ (1/24) and 1 500 ₽ (2/48), one
 * hour's lead time; category and language columns follow the settings as saving them does.
 */
export async function makeChannel(
  database: Database,
  overrides: ChannelOverrides = {},
): Promise<MadeChannel> {
  const { workspaceId, ownerAccountId } = overrides.workspaceId
    ? {
        workspaceId: overrides.workspaceId,
        ownerAccountId: await ownerOf(database, overrides.workspaceId),
      }
    : await makeWorkspace(database, {
        ...(overrides.owner ? { owner: overrides.owner } : {}),
        title: overrides.title ?? null,
      });
  const settings: ChannelSettings = {
    ...defaultChannelSettings(overrides.language ?? 'ru'),
    prices: { '1/24': 100_000, '2/48': 150_000 },
    leadTimeMinutes: 60,
    ...overrides.settings,
  };
  const stored = overrides.settings === null ? null : settings;
  const title = overrides.title ?? 'Coffee channel';
  const row = await database.withSystem('test factory: channel', async (tx) => {
    const [inserted] = await tx
      .insert(channels)
      .values({
        workspaceId,
        telegramChatId: overrides.telegramChatId ?? nextChatId(),
        title,
        username: overrides.username ?? null,
        subscribers: overrides.subscribers ?? 1_000,
        status: overrides.status ?? 'active',
        statusReason: overrides.statusReason ?? null,
        botRights: overrides.botRights ?? {},
        category: stored?.category ?? null,
        language: stored?.language ?? null,
        settings: (stored ?? {}) as unknown as Record<string, unknown>,
        shareCode: overrides.shareCode ?? newShareCode(),
        ...(overrides.createdAt ? { createdAt: overrides.createdAt } : {}),
      })
      .returning({
        id: channels.id,
        telegramChatId: channels.telegramChatId,
        shareCode: channels.shareCode,
      });
    if (!inserted) throw new Error('channel not inserted');
    if (overrides.slotsFrom)
      await regenerateChannelSlots(
        tx,
        { id: inserted.id, workspaceId, settings },
        overrides.slotsFrom,
      );
    return inserted;
  });
  const slotIds = await makeSlots(database, { id: row.id, workspaceId }, overrides.slots ?? []);
  return { ...row, workspaceId, ownerAccountId, title, settings, slotIds };
}

/** A channel booked through the bot: every day at 10:00, 14:00 and 18:00 in `timezone`, no lead time. */
export function bookableSettings(timezone: string, horizonDays: number): Partial<ChannelSettings> {
  return {
    timezone,
    schedule: everyDayAt('10:00', '14:00', '18:00'),
    leadTimeMinutes: 0,
    horizonDays,
  };
}

/**
 * A channel as the catalog tests list it: English, every day at 10:00 and 18:00, 1/24 for $1 500,
 * travel, two hours' lead time (the defaults' own).
 */
export function makeListedChannel(
  database: Database,
  overrides: ChannelOverrides = {},
): Promise<MadeChannel> {
  return makeChannel(database, {
    language: 'en',
    ...overrides,
    settings: {
      schedule: everyDayAt('10:00', '18:00'),
      prices: { '1/24': 150_000 },
      leadTimeMinutes: 120,
      category: 'travel',
      ...overrides.settings,
    },
  });
}

/** A channel in the account's own workspace (made on first use, as the bot does). */
export async function makeOwnChannel(
  database: Database,
  accountId: string,
  overrides: Omit<ChannelOverrides, 'workspaceId' | 'owner'> = {},
): Promise<MadeChannel> {
  const { workspaceId } = await ensureOwnerWorkspace(database, accountId);
  return makeChannel(database, { ...overrides, workspaceId });
}

/** makeChannel as the three ids most tenant tests need. */
export async function makeTenant(
  database: Database,
  overrides: ChannelOverrides = {},
): Promise<Tenant> {
  const channel = await makeChannel(database, overrides);
  return {
    accountId: channel.ownerAccountId,
    workspaceId: channel.workspaceId,
    channelId: channel.id,
  };
}

/** The account that owns a workspace. */
export async function ownerOf(database: Database, workspaceId: string): Promise<string> {
  const [row] = await database.withSystem('test factory: workspace owner', (tx) =>
    tx
      .select({ owner: workspaces.ownerAccountId })
      .from(workspaces)
      .where(eq(workspaces.id, workspaceId)),
  );
  if (!row) throw new Error(`no workspace ${workspaceId}`);
  return row.owner;
}
