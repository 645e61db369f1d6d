import { eq } from 'drizzle-orm';
import type { Database } from '../../models/db.js';
import type { Currency } from '../../models/orders/table.js';
import { accounts } from '../../models/schema.js';
import { settlePlacement } from '../../models/settlement/settle-placement.js';
import { ensureOwnerWorkspace } from '../../models/workspaces/ensure-owner-workspace.js';
import { makeChannel, type Tenant } from './channels.js';
import { makeServedOrder, type ServedOrder } from './placements.js';

const hour = 3_600_000;

interface Earning {
  amount: number;
  currency: Currency;
  base: Date;
}

export interface EarningOrder extends ServedOrder {
  placementId: string;
  currency: Currency;
}

/**
 * A served order of `tenant` paid `amount` in `currency` (the order too): one 1/24 placement
 * published at its slot (from `base`), ready for settlePlacement.
 */
export async function makeEarningOrder(
  database: Database,
  tenant: Tenant,
  options: Earning & { advertiser?: string },
): Promise<EarningOrder> {
  const order = await makeServedOrder(database, {
    base: options.base,
    amount: options.amount,
    currency: options.currency,
    orderCurrency: options.currency,
    placements: [{ price: options.amount, delaySeconds: 3 }],
    channel: {
      id: tenant.channelId,
      workspaceId: tenant.workspaceId,
      ownerAccountId: tenant.accountId,
    },
    ...(options.advertiser ? { advertiser: options.advertiser } : {}),
  });
  return { ...order, placementId: order.placementIds[0]!, currency: options.currency };
}

/**
 * makeEarningOrder, then the real settlement 48 h after `base`: the owner earns
 * amount − round(amount × 0.20).
 */
export async function makeSettledEarnings(
  database: Database,
  tenant: Tenant,
  options: Earning & { advertiser?: string },
): Promise<EarningOrder> {
  const order = await makeEarningOrder(database, tenant, options);
  const settled = await settlePlacement(
    database,
    order.placementId,
    new Date(options.base.getTime() + 48 * hour),
  );
  if (!settled.ok || settled.value.kind !== 'settled') {
    throw new Error(`settlement failed: ${JSON.stringify(settled)}`);
  }
  return order;
}

/**
 * For a person who already talked to the bot (has an account): their own workspace, one active
 * channel in it and one settled order of `amount`.
 */
export async function makeEarningsOf(
  database: Database,
  telegramId: number,
  options: Earning,
): Promise<Tenant> {
  const [account] = await database.withSystem('test read', (tx) =>
    tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.telegramId, telegramId)),
  );
  if (!account) throw new Error(`no account for ${telegramId}`);
  const { workspaceId } = await ensureOwnerWorkspace(database, account.id);
  const channel = await makeChannel(database, {
    workspaceId,
    title: 'Payout channel',
    settings: null,
  });
  const tenant = { accountId: account.id, workspaceId, channelId: channel.id };
  await makeSettledEarnings(database, tenant, options);
  return tenant;
}
