import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../models/db.js';
import {
  accounts,
  orders,
  placements,
  slots,
  workspaceMembers,
  workspaces,
} from '../../../models/schema.js';
import { createTestDatabase } from '../../helpers/db.js';
import { type Tenant, makeTenant } from '../../factories/channels.js';
import { pgErrorCode } from '../../helpers/pg-error.js';

let database: Database;
let owner: Tenant;
let other: Tenant;
let advertiserId: string;
let strangerId: string;
let orderId: string;
let slotId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  owner = await makeTenant(database, { title: 'Owner channel' });
  other = await makeTenant(database, { title: 'Other channel' });
  const created = await database.withSystem('test seed', (tx) =>
    tx
      .insert(accounts)
      .values([{ telegramId: 555_001 }, { telegramId: 555_002 }])
      .returning({ id: accounts.id }),
  );
  advertiserId = created[0]?.id ?? '';
  strangerId = created[1]?.id ?? '';
  const [slot] = await database.withScope({ workspaceId: owner.workspaceId }, (tx) =>
    tx
      .insert(slots)
      .values({
        channelId: owner.channelId,
        workspaceId: owner.workspaceId,
        startsAt: new Date('2030-01-01T12:00:00Z'),
      })
      .returning({ id: slots.id }),
  );
  slotId = slot?.id ?? '';
});

afterAll(async () => {
  await database?.close();
});

const order = () => ({
  workspaceId: owner.workspaceId,
  advertiserAccountId: advertiserId,
  currency: 'RUB' as const,
  subtotal: 1000,
  total: 1000,
});

describe('advertiser side', () => {
  it('an advertiser creates an order only through the scope that names its workspace', async () => {
    const alone = database.withScope({ accountId: advertiserId }, (tx) =>
      tx.insert(orders).values(order()),
    );
    expect(await pgErrorCode(alone)).toBe('42501');
    const elsewhere = database.withScope(
      { workspaceId: other.workspaceId, accountId: advertiserId },
      (tx) => tx.insert(orders).values(order()),
    );
    expect(await pgErrorCode(elsewhere)).toBe('42501');
    const [created] = await database.withScope(
      { workspaceId: owner.workspaceId, accountId: advertiserId },
      (tx) => tx.insert(orders).values(order()).returning({ id: orders.id }),
    );
    orderId = created?.id ?? '';
    expect(orderId).not.toBe('');
  });

  it('the order is seen by its advertiser and its workspace, by nobody else', async () => {
    const count = async (scope: { workspaceId?: string; accountId?: string }) =>
      (await database.withScope(scope, (tx) => tx.select().from(orders))).length;
    expect(await count({ accountId: advertiserId })).toBe(1);
    expect(await count({ workspaceId: owner.workspaceId })).toBe(1);
    expect(await count({ workspaceId: other.workspaceId })).toBe(0);
    expect(await count({ accountId: strangerId })).toBe(0);
  });

  it('placements are readable by the advertiser but written by the workspace only', async () => {
    const placement = {
      orderId,
      slotId,
      channelId: owner.channelId,
      workspaceId: owner.workspaceId,
      advertiserAccountId: advertiserId,
      format: '1/24',
      dueAt: new Date('2030-01-01T12:00:00Z'),
    };
    const byAdvertiser = database.withScope({ accountId: advertiserId }, (tx) =>
      tx.insert(placements).values(placement),
    );
    expect(await pgErrorCode(byAdvertiser)).toBe('42501');
    await database.withScope({ workspaceId: owner.workspaceId }, (tx) =>
      tx.insert(placements).values(placement),
    );
    const seen = await database.withScope({ accountId: advertiserId }, (tx) =>
      tx.select({ id: placements.id }).from(placements),
    );
    expect(seen).toHaveLength(1);
  });
});

describe('workspaces', () => {
  it('an account creates its workspace and then lists it through its membership', async () => {
    const id = randomUUID();
    await database.withScope({ workspaceId: id, accountId: advertiserId }, async (tx) => {
      await tx.insert(workspaces).values({ id, ownerAccountId: advertiserId, title: 'Mine' });
      await tx
        .insert(workspaceMembers)
        .values({ workspaceId: id, accountId: advertiserId, role: 'owner' });
    });
    const mine = await database.withScope({ accountId: advertiserId }, (tx) =>
      tx
        .select({ id: workspaces.id })
        .from(workspaces)
        .innerJoin(workspaceMembers, eq(workspaceMembers.workspaceId, workspaces.id)),
    );
    expect(mine).toEqual([{ id }]);
    const theirs = await database.withScope({ accountId: strangerId }, (tx) =>
      tx.select().from(workspaces),
    );
    expect(theirs).toEqual([]);
  });
});
