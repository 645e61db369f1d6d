import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../models/db.js';
import { needsAdminModeration } from '../../../models/moderation/needs-admin-moderation.js';
import { accounts, creatives, orders } from '../../../models/schema.js';
import { createTestDatabase } from '../../helpers/db.js';
import { makeTenant } from '../../factories/channels.js';
import { makeOrder } from '../../factories/orders.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const check = (accountId: string) =>
  database.withSystem('test: moderation routing', (tx) => needsAdminModeration(tx, accountId));

describe('needsAdminModeration', () => {
  it('is true for a first-time advertiser, false once an order reached scheduled or a creative was approved', async () => {
    const tenant = await makeTenant(database, { title: 'Routing channel' });
    const newAccount = async () =>
      database.withSystem('test seed', async (tx) => {
        const [row] = await tx
          .insert(accounts)
          .values({ telegramId: 9_500_000 + Math.floor(Math.random() * 100_000) })
          .returning({ id: accounts.id });
        return row!.id;
      });
    const first = await newAccount();
    const { orderId } = await makeOrder(database, {
      channels: [tenant.channelId].map((id) => ({ id, workspaceId: tenant.workspaceId })),
      advertiser: first,
      marking: null,
      creative: null,
    });
    expect(await check(first)).toBe(true);
    await database.withSystem('test: scheduled once', (tx) =>
      tx.update(orders).set({ scheduledAt: new Date() }).where(eq(orders.id, orderId)),
    );
    expect(await check(first)).toBe(false);

    const second = await newAccount();
    const held = await makeOrder(database, {
      channels: [tenant.channelId].map((id) => ({ id, workspaceId: tenant.workspaceId })),
      advertiser: second,
      marking: null,
      creative: null,
    });
    await database.withSystem('test: creative', (tx) =>
      tx.insert(creatives).values({
        orderId: held.orderId,
        workspaceId: tenant.workspaceId,
        advertiserAccountId: second,
        content: { kind: 'text', text: 'Hi' },
      }),
    );
    expect(await check(second)).toBe(true);
    await database.withSystem('test: approved', (tx) =>
      tx
        .update(creatives)
        .set({ moderationStatus: 'approved' })
        .where(eq(creatives.orderId, held.orderId)),
    );
    expect(await check(second)).toBe(false);
  });
});
