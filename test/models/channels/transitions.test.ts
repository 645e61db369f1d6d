import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelStatuses, type ChannelStatus } from '../../../models/channels/table.js';
import { transitionChannel } from '../../../models/channels/transition-channel.js';
import { channelEntryStatuses, channelTransitions } from '../../../models/channels/transitions.js';
import type { Database, Tx } from '../../../models/db.js';
import { channels } from '../../../models/schema.js';
import { createTestDatabase } from '../../helpers/db.js';
import { expectConsistentMachine, expectEveryMoveEnforced } from '../../helpers/state-machine.js';
import { type Tenant, makeTenant } from '../../factories/channels.js';

let database: Database;
let tenant: Tenant;
const at = new Date('2030-01-01T00:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  tenant = await makeTenant(database, { title: 'Machine channel' });
});

afterAll(async () => {
  await database?.close();
});

const read = (tx: Tx) =>
  tx
    .select({
      status: channels.status,
      statusReason: channels.statusReason,
      updatedAt: channels.updatedAt,
    })
    .from(channels)
    .where(eq(channels.id, tenant.channelId))
    .then(([row]) => row!);

const put = (tx: Tx, status: ChannelStatus) =>
  tx
    .update(channels)
    .set({ status, statusReason: 'before', updatedAt: new Date('2029-01-01T00:00:00Z') })
    .where(eq(channels.id, tenant.channelId));

const move = (tx: Tx, from: ChannelStatus[], to: ChannelStatus, channelId = tenant.channelId) =>
  transitionChannel(tx, { channelId, from, to, reason: 'after', at });

const inTx = <T>(fn: (tx: Tx) => Promise<T>) => database.withSystem('test: channel machine', fn);

describe('the channel state machine', () => {
  it('is consistent: every state reachable, blocked is left only by an admin', () => {
    expectConsistentMachine({
      machine: channelTransitions,
      statuses: channelStatuses,
      entry: channelEntryStatuses,
      terminal: [],
    });
  });

  it('transitionChannel writes exactly the listed moves and refuses the others, changing nothing', async () => {
    const counts = await inTx((tx) =>
      expectEveryMoveEnforced({
        machine: channelTransitions,
        statuses: channelStatuses,
        put: (status) => put(tx, status),
        read: () => read(tx),
        move: (from, to) => move(tx, from, to),
      }),
    );
    expect(counts).toEqual({ legal: 9, illegal: 7 });
  });

  it('sets the reason and the time with the status; paused → paused changes only the reason', async () => {
    await inTx(async (tx) => {
      await put(tx, 'paused');
      expect(await move(tx, ['paused'], 'paused')).toEqual({
        ok: true,
        value: { id: tenant.channelId, from: 'paused' },
      });
      expect(await read(tx)).toEqual({ status: 'paused', statusReason: 'after', updatedAt: at });
    });
  });

  it('answers not_found for another workspace’s channel or an unknown one', async () => {
    const other = await makeTenant(database, { title: 'Other channel' });
    await inTx(async (tx) => {
      await put(tx, 'active');
      const foreign = await transitionChannel(tx, {
        channelId: tenant.channelId,
        workspaceId: other.workspaceId,
        from: ['active'],
        to: 'paused',
        reason: 'owner',
        at,
      });
      expect(foreign).toEqual({ ok: false, code: 'not_found' });
      const unknown = await move(tx, ['active'], 'paused', other.accountId);
      expect(unknown).toEqual({ ok: false, code: 'not_found' });
      expect((await read(tx)).status).toBe('active');
    });
  });
});
