import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Tx } from '../../../models/db.js';
import { orders, slots } from '../../../models/schema.js';
import { slotStatuses, type SlotStatus } from '../../../models/slots/table.js';
import {
  transitionOrderSlots,
  transitionSlot,
  transitionSlotsSql,
} from '../../../models/slots/transition-slot.js';
import {
  slotEntryStatuses,
  slotTransitions,
  unusedSlotStatuses,
} from '../../../models/slots/transitions.js';
import { IllegalTransitionError } from '../../../models/state-machine.js';
import { createTestDatabase } from '../../helpers/db.js';
import { expectConsistentMachine, expectEveryMoveEnforced } from '../../helpers/state-machine.js';
import { makeAccount } from '../../factories/accounts.js';
import { makeChannel } from '../../factories/channels.js';

let database: Database;
let slotIds: string[];
let orderId: string;
const at = new Date('2030-01-01T00:00:00Z');
const holdUntil = new Date('2030-01-01T00:15:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  const tenant = await makeChannel(database, {
    slots: [
      new Date('2030-01-02T10:00:00Z'),
      new Date('2030-01-02T12:00:00Z'),
      new Date('2030-01-02T14:00:00Z'),
    ],
  });
  slotIds = tenant.slotIds;
  const advertiserAccountId = (await makeAccount(database)).id;
  const [order] = await database.withSystem('test: order', (tx) =>
    tx
      .insert(orders)
      .values({ workspaceId: tenant.workspaceId, advertiserAccountId, currency: 'RUB' })
      .returning({ id: orders.id }),
  );
  orderId = order!.id;
});

afterAll(async () => {
  await database?.close();
});

const columns = {
  id: slots.id,
  status: slots.status,
  orderId: slots.orderId,
  holdExpiresAt: slots.holdExpiresAt,
  format: slots.format,
  updatedAt: slots.updatedAt,
};
const read = (tx: Tx, ids = slotIds) =>
  tx.select(columns).from(slots).where(inArray(slots.id, ids)).orderBy(slots.startsAt);

/** Puts a slot in `status`, taken by the order (held with a live hold) unless free. */
const put = (tx: Tx, slotId: string, status: SlotStatus) =>
  tx
    .update(slots)
    .set({
      status,
      orderId: status === 'free' ? null : orderId,
      holdExpiresAt: status === 'held' ? holdUntil : null,
      format: status === 'free' ? null : '1/24',
      updatedAt: new Date('2029-01-01T00:00:00Z'),
    })
    .where(eq(slots.id, slotId));

const inTx = <T>(fn: (tx: Tx) => Promise<T>) => database.withSystem('test: slot machine', fn);

describe('the slot state machine', () => {
  it('is consistent: published and done are reserved, nothing is terminal', () => {
    expectConsistentMachine({
      machine: slotTransitions,
      statuses: slotStatuses,
      entry: slotEntryStatuses,
      unused: unusedSlotStatuses,
      terminal: [],
    });
  });

  it('transitionSlot writes exactly the listed moves and refuses the others, changing nothing', async () => {
    const slotId = slotIds[0]!;
    const counts = await inTx((tx) =>
      expectEveryMoveEnforced({
        machine: slotTransitions,
        statuses: slotStatuses,
        put: (status) => put(tx, slotId, status),
        read: async () => (await read(tx, [slotId]))[0]!,
        move: (from, to) =>
          transitionSlot(tx, {
            slotId,
            from,
            to,
            at,
            ...(to === 'held' ? { set: { holdExpiresAt: holdUntil, orderId } } : {}),
          }),
      }),
    );
    expect(counts).toEqual({ legal: 9, illegal: 40 });
  });

  it('a slot moved to free belongs to no order, hold or format any more', async () => {
    const [slotId] = slotIds;
    await inTx(async (tx) => {
      await put(tx, slotId!, 'held');
      const moved = await transitionSlot(tx, { slotId: slotId!, from: ['held'], to: 'free', at });
      expect(moved).toEqual({ ok: true, value: { id: slotId, from: 'held' } });
      expect((await read(tx, [slotId!]))[0]).toMatchObject({
        status: 'free',
        orderId: null,
        holdExpiresAt: null,
        format: null,
        updatedAt: at,
      });
    });
  });

  it('moves an order’s slots in bulk only from the given states, and refuses an illegal bulk move whole', async () => {
    const [held, booked, free] = slotIds as [string, string, string];
    await inTx(async (tx) => {
      await put(tx, held, 'held');
      await put(tx, booked, 'booked');
      await put(tx, free, 'free');
      const before = await read(tx);
      // held → booked is legal, booked → booked is not: the whole move is refused.
      await expect(
        transitionOrderSlots(tx, { orderId, from: ['held', 'booked'], to: 'booked', at }),
      ).rejects.toThrow(new IllegalTransitionError('slots', 'booked', 'booked'));
      expect(await read(tx)).toEqual(before);
      const moved = await transitionOrderSlots(tx, {
        orderId,
        from: ['held'],
        to: 'booked',
        at,
        set: { holdExpiresAt: null },
      });
      expect(moved).toEqual([held]);
      expect((await read(tx)).map((s) => s.status)).toEqual(['booked', 'booked', 'free']);
    });
  });

  it('builds the set-based SQL only for legal moves', async () => {
    const ids = sql`select ${slotIds[2]!}::uuid`;
    expect(() => transitionSlotsSql({ ids, from: ['booked'], to: 'cancelled', at })).toThrow(
      IllegalTransitionError,
    );
    await inTx(async (tx) => {
      await put(tx, slotIds[2]!, 'free');
      const withdrawn = await tx.execute(
        transitionSlotsSql({ ids, from: ['free'], to: 'cancelled', at }),
      );
      expect(withdrawn.rows).toEqual([{ id: slotIds[2] }]);
      expect((await read(tx, [slotIds[2]!]))[0]?.status).toBe('cancelled');
    });
  });
});
