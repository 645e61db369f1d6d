import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAccount } from '../../../models/accounts/ensure-account.js';
import { auditLog } from '../../../models/audit/table.js';
import {
  readSellingSettings,
  updateChannelSettings,
} from '../../../models/selling/update-settings.js';
import { createTestClock } from '../../../models/clock.js';
import type { Database } from '../../../models/db.js';
import { channels, slots, workspaceMembers } from '../../../models/schema.js';
import { channelAccess } from '../../../models/workspaces/access.js';
import { createTestDatabase } from '../../helpers/db.js';
import { type Tenant, makeTenant } from '../../factories/channels.js';

const clock = createTestClock();
let database: Database;
let olga: Tenant;
let other: Tenant;
let managerId: string;

async function account(telegramId: number): Promise<string> {
  const row = await database.withScope({}, (tx) =>
    ensureAccount(tx, { telegramId, username: undefined, firstName: 'M', language: 'en' }, clock),
  );
  return row.id;
}

async function addMember(workspaceId: string, accountId: string, role: 'owner' | 'manager') {
  await database.withSystem('test: membership', (tx) =>
    tx.insert(workspaceMembers).values({ workspaceId, accountId, role }),
  );
}

async function storedSettings(channelId: string, workspaceId: string) {
  const [row] = await database.withScope({ workspaceId }, (tx) =>
    tx.select({ settings: channels.settings }).from(channels).where(eq(channels.id, channelId)),
  );
  return row?.settings;
}

beforeAll(async () => {
  database = await createTestDatabase();
  olga = await makeTenant(database, { title: 'Olga channel' });
  other = await makeTenant(database, { title: 'Other channel' });
  managerId = await account(777_001);
  await addMember(olga.workspaceId, managerId, 'manager');
});

afterAll(async () => {
  await database?.close();
});

describe('updateChannelSettings', () => {
  it('saves a schedule, audits it and materializes slots', async () => {
    const result = await updateChannelSettings(
      database,
      {
        accountId: olga.accountId,
        channelId: olga.channelId,
        change: {
          field: 'schedule',
          value: { mode: 'times', days: [1, 2, 3, 4, 5, 6, 7], times: ['09:00', '18:00'] },
        },
      },
      clock,
    );
    expect(result.ok).toBe(true);
    const view = await readSellingSettings(database, {
      accountId: olga.accountId,
      channelId: olga.channelId,
    });
    expect(view.ok && view.value.settings.schedule).toMatchObject({
      mode: 'times',
      times: ['09:00', '18:00'],
    });
    const rows = await database.withScope({ workspaceId: olga.workspaceId }, (tx) =>
      tx.select({ id: slots.id }).from(slots).where(eq(slots.channelId, olga.channelId)),
    );
    // 30-day horizon, 2 a day, minus what the lead time leaves out.
    expect(rows.length).toBeGreaterThanOrEqual(55);
    const audits = await database.withScope({ workspaceId: olga.workspaceId }, (tx) =>
      tx
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(
          and(
            eq(auditLog.objectId, olga.channelId),
            eq(auditLog.action, 'channel.settings.update'),
          ),
        ),
    );
    expect(audits.length).toBeGreaterThanOrEqual(1);
  });

  it('saves nothing when the result is invalid', async () => {
    const before = await storedSettings(olga.channelId, olga.workspaceId);
    const bad = [
      { field: 'price', format: '1/24', value: 0 },
      { field: 'price', format: '1/24', value: 99_999_999_999_00 },
      { field: 'timezone', value: '' },
      { field: 'horizonDays', value: 91 },
      { field: 'schedule', value: { mode: 'times', days: [1], times: ['25:00'] } },
      {
        field: 'schedule',
        value: {
          mode: 'windows',
          days: [1],
          windows: [{ from: '10:00', to: '12:00' }],
          stepMinutes: 7,
        },
      },
    ] as const;
    for (const change of bad) {
      const result = await updateChannelSettings(
        database,
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        { accountId: olga.accountId, channelId: olga.channelId, change: change as any },
        clock,
      );
      expect(result, JSON.stringify(change)).toMatchObject({ ok: false, code: 'invalid' });
    }
    expect(await storedSettings(olga.channelId, olga.workspaceId)).toEqual(before);
  });

  it('lets a manager edit prices, and toggles blackout dates', async () => {
    const price = await updateChannelSettings(
      database,
      {
        accountId: managerId,
        channelId: olga.channelId,
        change: { field: 'price', format: '2/48', value: 250_000 },
      },
      clock,
    );
    expect(price.ok && price.value.prices['2/48']).toBe(250_000);
    const on = await updateChannelSettings(
      database,
      {
        accountId: managerId,
        channelId: olga.channelId,
        change: { field: 'blackoutToggle', date: '2099-01-01' },
      },
      clock,
    );
    expect(on.ok && on.value.blackoutDates).toEqual(['2099-01-01']);
    const off = await updateChannelSettings(
      database,
      {
        accountId: managerId,
        channelId: olga.channelId,
        change: { field: 'blackoutToggle', date: '2099-01-01' },
      },
      clock,
    );
    expect(off.ok && off.value.blackoutDates).toEqual([]);
  });

  it('never lets another workspace read or edit the channel', async () => {
    const before = await storedSettings(olga.channelId, olga.workspaceId);
    expect(
      await updateChannelSettings(
        database,
        {
          accountId: other.accountId,
          channelId: olga.channelId,
          change: { field: 'price', format: '1/24', value: 100 },
        },
        clock,
      ),
    ).toEqual({ ok: false, code: 'not_found' });
    expect(
      await readSellingSettings(database, {
        accountId: other.accountId,
        channelId: olga.channelId,
      }),
    ).toEqual({
      ok: false,
      code: 'not_found',
    });
    expect(await storedSettings(olga.channelId, olga.workspaceId)).toEqual(before);
    // Scoped to its own workspace, the other tenant sees neither the channel nor its slots.
    const seen = await database.withScope(
      { workspaceId: other.workspaceId, accountId: other.accountId },
      async (tx) => ({
        channels: await tx.select().from(channels).where(eq(channels.id, olga.channelId)),
        slots: await tx.select().from(slots).where(eq(slots.channelId, olga.channelId)),
      }),
    );
    expect(seen).toEqual({ channels: [], slots: [] });
  });

  it('refuses an account with no membership at all', async () => {
    const stranger = await account(777_002);
    expect(await channelAccess(database, stranger, olga.channelId)).toBeUndefined();
    expect(
      await updateChannelSettings(
        database,
        {
          accountId: stranger,
          channelId: olga.channelId,
          change: { field: 'whitelistOnly', value: true },
        },
        clock,
      ),
    ).toEqual({ ok: false, code: 'not_found' });
  });
});
