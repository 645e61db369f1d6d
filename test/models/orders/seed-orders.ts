import { eq } from 'drizzle-orm';
import { defaultChannelSettings, type ChannelSettings } from '../../../models/channels/settings.js';
import type { Database } from '../../../models/db.js';
import { accounts, channels, slots } from '../../../models/schema.js';
import { seedTenant, type Tenant } from '../seed.js';

let advertiserSeq = 7_000_000 + Math.floor(Math.random() * 1_000_000);

/** A sellable owner channel (active, RUB prices) with free slots at the given instants. */
export async function seedSellingTenant(
  database: Database,
  startsAt: Date[],
  settings: Partial<ChannelSettings> = {},
  title = 'Seller',
): Promise<Tenant & { slotIds: string[] }> {
  const tenant = await seedTenant(database, title);
  const full: ChannelSettings = {
    ...defaultChannelSettings('ru'),
    prices: { '1/24': 100_000, '2/48': 150_000 },
    leadTimeMinutes: 60,
    ...settings,
  };
  const slotIds = await database.withSystem('test seed', async (tx) => {
    await tx
      .update(channels)
      .set({ status: 'active', settings: full })
      .where(eq(channels.id, tenant.channelId));
    if (startsAt.length === 0) return [];
    const rows = await tx
      .insert(slots)
      .values(
        startsAt.map((at) => ({
          channelId: tenant.channelId,
          workspaceId: tenant.workspaceId,
          startsAt: at,
        })),
      )
      .returning({ id: slots.id });
    return rows.map((r) => r.id);
  });
  return { ...tenant, slotIds };
}

/** A fresh advertiser account (with a given Telegram id, e.g. an emulator user's). */
export async function seedAdvertiser(
  database: Database,
  knownTelegramId?: number,
): Promise<string> {
  advertiserSeq += 1;
  const telegramId = knownTelegramId ?? advertiserSeq;
  const [row] = await database.withSystem('test seed', (tx) =>
    tx.insert(accounts).values({ telegramId }).returning({ id: accounts.id }),
  );
  if (!row) throw new Error('no account');
  return row.id;
}
