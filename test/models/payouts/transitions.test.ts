import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Tx } from '../../../models/db.js';
import { payoutStatuses, type PayoutStatus } from '../../../models/payouts/table.js';
import { transitionPayout } from '../../../models/payouts/transition-payout.js';
import {
  payoutEntryStatuses,
  payoutTransitions,
  unusedPayoutStatuses,
} from '../../../models/payouts/transitions.js';
import { payouts } from '../../../models/schema.js';
import { createTestDatabase } from '../../helpers/db.js';
import { expectConsistentMachine, expectEveryMoveEnforced } from '../../helpers/state-machine.js';
import { makeTenant } from '../../factories/channels.js';

let database: Database;
let payoutId: string;
const decidedAt = new Date('2030-01-01T00:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  const tenant = await makeTenant(database, { title: 'Payee channel' });
  const [row] = await database.withSystem('test: payout', (tx) =>
    tx
      .insert(payouts)
      .values({
        workspaceId: tenant.workspaceId,
        requestedByAccountId: tenant.accountId,
        amount: 500_000,
        currency: 'RUB',
      })
      .returning({ id: payouts.id }),
  );
  payoutId = row!.id;
});

afterAll(async () => {
  await database?.close();
});

const read = (tx: Tx) =>
  tx
    .select({ status: payouts.status, decidedAt: payouts.decidedAt, reason: payouts.reason })
    .from(payouts)
    .where(eq(payouts.id, payoutId))
    .then(([row]) => row!);

const put = (tx: Tx, status: PayoutStatus) =>
  tx.update(payouts).set({ status, decidedAt: null, reason: null }).where(eq(payouts.id, payoutId));

const inTx = <T>(fn: (tx: Tx) => Promise<T>) => database.withSystem('test: payout machine', fn);

describe('the payout state machine', () => {
  it('is consistent: cancelled is reserved, rejected and paid are the ends', () => {
    expectConsistentMachine({
      machine: payoutTransitions,
      statuses: payoutStatuses,
      entry: payoutEntryStatuses,
      unused: unusedPayoutStatuses,
      terminal: ['rejected', 'paid'],
    });
  });

  it('transitionPayout writes exactly the listed moves and refuses the others, changing nothing', async () => {
    const counts = await inTx((tx) =>
      expectEveryMoveEnforced({
        machine: payoutTransitions,
        statuses: payoutStatuses,
        put: (status) => put(tx, status),
        read: () => read(tx),
        move: (from, to) => transitionPayout(tx, { payoutId, from, to, set: { decidedAt } }),
      }),
    );
    expect(counts).toEqual({ legal: 4, illegal: 21 });
  });

  it('writes `set` with the status, and answers not_found for an unknown payout', async () => {
    await inTx(async (tx) => {
      await put(tx, 'approved');
      const rejected = await transitionPayout(tx, {
        payoutId,
        from: ['requested', 'approved'],
        to: 'rejected',
        set: { reason: 'wrong card', decidedAt },
      });
      expect(rejected).toEqual({ ok: true, value: { id: payoutId, from: 'approved' } });
      expect(await read(tx)).toEqual({ status: 'rejected', decidedAt, reason: 'wrong card' });
      const unknown = await transitionPayout(tx, {
        payoutId: '00000000-0000-4000-8000-000000000000',
        from: ['requested'],
        to: 'approved',
      });
      expect(unknown).toEqual({ ok: false, code: 'not_found' });
    });
  });
});
