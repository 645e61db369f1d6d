import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock } from '../../../models/clock.js';
import type { Database } from '../../../models/db.js';
import { channelAccess } from '../../../models/orders/access-table.js';
import {
  decideChannelAccess,
  requestChannelAccess,
} from '../../../models/orders/channel-access.js';
import { holdSlot } from '../../../models/orders/hold-slot.js';
import { workspaceMembers } from '../../../models/schema.js';
import { createTestDatabase } from '../../helpers/db.js';
import { pgErrorCode } from '../seed.js';
import { seedAdvertiser, seedSellingTenant } from './seed-orders.js';

let database: Database;
const clock = createTestClock();
const startsAt = new Date(Math.ceil((Date.now() + 2 * 86_400_000) / 3_600_000) * 3_600_000);

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe('whitelist access', () => {
  it('request → owner allows → the advertiser can hold; a second answer changes nothing', async () => {
    const seller = await seedSellingTenant(database, [startsAt], { whitelistOnly: true });
    await database.withSystem('test seed', (tx) =>
      tx
        .insert(workspaceMembers)
        .values({ workspaceId: seller.workspaceId, accountId: seller.accountId, role: 'owner' }),
    );
    const advertiser = await seedAdvertiser(database);
    const hold = () =>
      holdSlot(
        database,
        { accountId: advertiser, channelId: seller.channelId, startsAt, format: '1/24' },
        clock,
      );
    expect(await hold()).toMatchObject({ code: 'whitelist_required' });
    const asked = await requestChannelAccess(
      database,
      { accountId: advertiser, channelId: seller.channelId },
      clock,
    );
    if (!asked.ok) throw new Error(asked.code);
    expect(asked.value.recipients).toHaveLength(1);
    expect(
      await requestChannelAccess(
        database,
        { accountId: advertiser, channelId: seller.channelId },
        clock,
      ),
    ).toMatchObject({ code: 'already_requested' });
    const stranger = await seedAdvertiser(database);
    expect(
      await decideChannelAccess(
        database,
        { accountId: stranger, requestId: asked.value.requestId, allow: true },
        clock,
      ),
    ).toMatchObject({ code: 'not_found' });
    const allowed = await decideChannelAccess(
      database,
      { accountId: seller.accountId, requestId: asked.value.requestId, allow: true },
      clock,
    );
    expect(allowed).toMatchObject({ ok: true, value: { allowed: true } });
    expect(
      await decideChannelAccess(
        database,
        { accountId: seller.accountId, requestId: asked.value.requestId, allow: false },
        clock,
      ),
    ).toMatchObject({ code: 'already_decided' });
    expect(await hold()).toMatchObject({ ok: true });
  });

  it('an advertiser cannot allow itself (RLS)', async () => {
    const seller = await seedSellingTenant(database, [], { whitelistOnly: true });
    const advertiser = await seedAdvertiser(database);
    const forged = database.withScope({ accountId: advertiser }, (tx) =>
      tx.insert(channelAccess).values({
        channelId: seller.channelId,
        workspaceId: seller.workspaceId,
        accountId: advertiser,
        status: 'allowed',
        requestedAt: clock.now(),
      }),
    );
    expect(await pgErrorCode(forged)).toBe('42501');
  });
});
