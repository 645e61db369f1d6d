import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Tx } from '../../../models/db.js';
import { placementStatuses, type PlacementStatus } from '../../../models/placements/table.js';
import {
  transitionOrderPlacements,
  transitionPlacement,
} from '../../../models/placements/transition-placement.js';
import {
  placementEntryStatuses,
  placementTransitions,
} from '../../../models/placements/transitions.js';
import { orders, placements } from '../../../models/schema.js';
import { IllegalTransitionError } from '../../../models/state-machine.js';
import { createTestDatabase } from '../../helpers/db.js';
import { expectConsistentMachine, expectEveryMoveEnforced } from '../../helpers/state-machine.js';
import { makeAccount } from '../../factories/accounts.js';
import { makeChannel } from '../../factories/channels.js';

let database: Database;
let orderId: string;
let placementIds: string[];
const at = new Date('2030-01-01T00:00:00Z');
const sentAt = new Date('2030-01-02T10:00:01Z');

beforeAll(async () => {
  database = await createTestDatabase();
  const starts = ['10:00', '12:00', '14:00'].map((t) => new Date(`2030-01-02T${t}:00Z`));
  const tenant = await makeChannel(database, { slots: starts });
  const advertiserAccountId = (await makeAccount(database)).id;
  placementIds = await database.withSystem('test: placements', async (tx) => {
    const { workspaceId, id: channelId } = tenant;
    const [order] = await tx
      .insert(orders)
      .values({ workspaceId, advertiserAccountId, currency: 'RUB', status: 'scheduled' })
      .returning({ id: orders.id });
    orderId = order!.id;
    const rows = await tx
      .insert(placements)
      .values(
        tenant.slotIds.map((slotId, i) => ({
          orderId,
          slotId,
          channelId,
          workspaceId,
          advertiserAccountId,
          format: '1/24',
          dueAt: starts[i]!,
        })),
      )
      .returning({ id: placements.id });
    return rows.map((r) => r.id);
  });
});

afterAll(async () => {
  await database?.close();
});

const columns = {
  id: placements.id,
  status: placements.status,
  lastError: placements.lastError,
  sendStartedAt: placements.sendStartedAt,
  updatedAt: placements.updatedAt,
};
const read = (tx: Tx, ids = placementIds) =>
  tx.select(columns).from(placements).where(inArray(placements.id, ids)).orderBy(placements.dueAt);

const put = (tx: Tx, placementId: string, status: PlacementStatus, sendStartedAt?: Date) =>
  tx
    .update(placements)
    .set({
      status,
      lastError: null,
      sendStartedAt: sendStartedAt ?? null,
      updatedAt: new Date('2029-01-01T00:00:00Z'),
    })
    .where(eq(placements.id, placementId));

const inTx = <T>(fn: (tx: Tx) => Promise<T>) => database.withSystem('test: placement machine', fn);

describe('the placement state machine', () => {
  it('is consistent: born scheduled, ends completed, failed or cancelled', () => {
    expectConsistentMachine({
      machine: placementTransitions,
      statuses: placementStatuses,
      entry: placementEntryStatuses,
      terminal: ['completed', 'failed', 'cancelled'],
    });
  });

  it('transitionPlacement writes exactly the listed moves and refuses the others, changing nothing', async () => {
    const placementId = placementIds[0]!;
    const counts = await inTx((tx) =>
      expectEveryMoveEnforced({
        machine: placementTransitions,
        statuses: placementStatuses,
        put: (status) => put(tx, placementId, status),
        read: async () => (await read(tx, [placementId]))[0]!,
        move: (from, to) =>
          transitionPlacement(tx, { placementId, from, to, at, set: { lastError: to } }),
      }),
    );
    expect(counts).toEqual({ legal: 11, illegal: 38 });
  });

  it('returns what the caller needs of the moved placement and writes `set`', async () => {
    const placementId = placementIds[0]!;
    await inTx(async (tx) => {
      await put(tx, placementId, 'publishing');
      const moved = await transitionPlacement(tx, {
        placementId,
        from: ['publishing'],
        to: 'scheduled',
        at,
        set: { lastError: 'late_offer:asked' },
      });
      expect(moved).toMatchObject({
        ok: true,
        value: { id: placementId, from: 'publishing', orderId },
      });
      expect((await read(tx, [placementId]))[0]).toMatchObject({
        status: 'scheduled',
        lastError: 'late_offer:asked',
        updatedAt: at,
      });
    });
  });

  it('cancels an order’s unsent placements in bulk: scheduled, and publishing before the send', async () => {
    const [scheduled, claimed, sending] = placementIds as [string, string, string];
    await inTx(async (tx) => {
      await put(tx, scheduled, 'scheduled');
      await put(tx, claimed, 'publishing');
      await put(tx, sending, 'publishing', sentAt);
      const before = await read(tx);
      await expect(
        transitionOrderPlacements(tx, { orderId, from: ['publishing'], to: 'completed', at }),
      ).rejects.toThrow(new IllegalTransitionError('placements', 'publishing', 'completed'));
      expect(await read(tx)).toEqual(before);
      const cancelled = await transitionOrderPlacements(tx, {
        orderId,
        from: ['scheduled', 'publishing'],
        to: 'cancelled',
        at,
        unsent: true,
      });
      expect(cancelled.map((p) => p.id).sort()).toEqual([scheduled, claimed].sort());
      expect((await read(tx)).map((p) => p.status)).toEqual([
        'cancelled',
        'cancelled',
        'publishing',
      ]);
    });
  });
});
