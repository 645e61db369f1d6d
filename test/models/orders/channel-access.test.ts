import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock } from '../../../models/clock.js';
import type { Database } from '../../../models/db.js';
import { channelAccess } from '../../../models/orders/access-table.js';
import {
  decideChannelAccess,
  requestChannelAccess,
} from '../../../models/orders/channel-access.js';
import { holdSlot } from '../../../models/orders/hold-slot.js';
import { createTestDatabase } from '../../helpers/db.js';
import { makeAccount } from '../../factories/accounts.js';
import { pgErrorCode } from '../../helpers/pg-error.js';
import { makeChannel } from '../../factories/channels.js';

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
    const seller = await makeChannel(database, {
      slots: [startsAt],
      settings: { whitelistOnly: true },
    });
    const advertiser = (await makeAccount(database)).id;
    const hold = () =>
      holdSlot(
        database,
        { accountId: advertiser, channelId: seller.id, startsAt, format: '1/24' },
        clock,
      );
    expect(await hold()).toMatchObject({ code: 'whitelist_required' });
    const asked = await requestChannelAccess(
      database,
      { accountId: advertiser, channelId: seller.id },
      clock,
    );
    if (!asked.ok) throw new Error(asked.code);
    expect(asked.value.recipients).toHaveLength(1);
    expect(
      await requestChannelAccess(database, { accountId: advertiser, channelId: seller.id }, clock),
    ).toMatchObject({ code: 'already_requested' });
    const stranger = (await makeAccount(database)).id;
    expect(
      await decideChannelAccess(
        database,
        { accountId: stranger, requestId: asked.value.requestId, allow: true },
        clock,
      ),
    ).toMatchObject({ code: 'not_found' });
    const allowed = await decideChannelAccess(
      database,
      { accountId: seller.ownerAccountId, requestId: asked.value.requestId, allow: true },
      clock,
    );
    expect(allowed).toMatchObject({ ok: true, value: { allowed: true } });
    expect(
      await decideChannelAccess(
        database,
        { accountId: seller.ownerAccountId, requestId: asked.value.requestId, allow: false },
        clock,
      ),
    ).toMatchObject({ code: 'already_decided' });
    expect(await hold()).toMatchObject({ ok: true });
  });

  it('an advertiser cannot allow itself (RLS)', async () => {
    const seller = await makeChannel(database, { settings: { whitelistOnly: true } });
    const advertiser = (await makeAccount(database)).id;
    const forged = database.withScope({ accountId: advertiser }, (tx) =>
      tx.insert(channelAccess).values({
        channelId: seller.id,
        workspaceId: seller.workspaceId,
        accountId: advertiser,
        status: 'allowed',
        requestedAt: clock.now(),
      }),
    );
    expect(await pgErrorCode(forged)).toBe('42501');
  });
});
