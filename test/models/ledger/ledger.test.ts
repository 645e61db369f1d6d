import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../models/db.js';
import { postEntries } from '../../../models/ledger/post-entries.js';
import { balanceOf } from '../../../models/ledger/queries.js';
import { ledgerEntries } from '../../../models/schema.js';
import { createTestDatabase } from '../../helpers/db.js';
import { type Tenant, makeTenant } from '../../factories/channels.js';
import { pgErrorCode } from '../../helpers/pg-error.js';

let database: Database;
let a: Tenant;
let b: Tenant;

beforeAll(async () => {
  database = await createTestDatabase();
  a = await makeTenant(database, { title: 'A channel' });
  b = await makeTenant(database, { title: 'B channel' });
});

afterAll(async () => {
  await database?.close();
});

describe('ledger_entries', () => {
  it('refuses an unbalanced posting at commit', async () => {
    const postingId = randomUUID();
    const unbalanced = database.withScope({ workspaceId: a.workspaceId }, async (tx) => {
      await tx.insert(ledgerEntries).values([
        {
          postingId,
          account: 'escrow',
          amount: 1000,
          currency: 'RUB',
          memo: 'pay',
          workspaceId: a.workspaceId,
        },
        {
          postingId,
          account: 'provider:yookassa',
          amount: -900,
          currency: 'RUB',
          memo: 'pay',
          workspaceId: a.workspaceId,
        },
      ]);
      return 'inserted';
    });
    expect(await pgErrorCode(unbalanced)).toBe('23514');
    const left = await database.withSystem('test check', (tx) =>
      tx.select().from(ledgerEntries).where(eq(ledgerEntries.postingId, postingId)),
    );
    expect(left).toEqual([]);
  });

  it('refuses a posting balanced in total but not per currency', async () => {
    const postingId = randomUUID();
    const mixed = database.withSystem('test posting', (tx) =>
      tx.insert(ledgerEntries).values([
        { postingId, account: 'escrow', amount: 500, currency: 'RUB', memo: 'x' },
        { postingId, account: 'provider:stars', amount: -500, currency: 'XTR', memo: 'x' },
      ]),
    );
    expect(await pgErrorCode(mixed)).toBe('23514');
  });

  it('commits a balanced posting and derives balances from the journal', async () => {
    const owner = `owner:${a.workspaceId}`;
    await database.withScope({ workspaceId: a.workspaceId }, async (tx) => {
      await postEntries(tx, {
        memo: 'payment for order',
        lines: [
          {
            account: 'provider:yookassa',
            amount: 10_000,
            currency: 'RUB',
            workspaceId: a.workspaceId,
          },
          { account: 'escrow', amount: -10_000, currency: 'RUB', workspaceId: a.workspaceId },
        ],
      });
      await postEntries(tx, {
        memo: 'settlement',
        lines: [
          { account: 'escrow', amount: 10_000, currency: 'RUB', workspaceId: a.workspaceId },
          { account: owner, amount: -8_000, currency: 'RUB', workspaceId: a.workspaceId },
          { account: 'platform:fees', amount: -2_000, currency: 'RUB', workspaceId: a.workspaceId },
        ],
      });
    });
    const seenByA = await database.withScope({ workspaceId: a.workspaceId }, async (tx) => ({
      owner: await balanceOf(tx, owner, 'RUB'),
      escrow: await balanceOf(tx, 'escrow', 'RUB'),
      fees: await balanceOf(tx, 'platform:fees', 'RUB'),
      usd: await balanceOf(tx, owner, 'USD'),
    }));
    expect(seenByA).toEqual({ owner: -8_000, escrow: 0, fees: -2_000, usd: 0 });
    const seenByB = await database.withScope({ workspaceId: b.workspaceId }, (tx) =>
      balanceOf(tx, owner, 'RUB'),
    );
    expect(seenByB).toBe(0);
  });

  it('postEntries throws on an unbalanced posting before writing', async () => {
    const attempt = database.withSystem('test posting', (tx) =>
      postEntries(tx, {
        memo: 'broken',
        lines: [
          { account: 'escrow', amount: 100, currency: 'USD' },
          { account: 'platform:fees', amount: -99, currency: 'USD' },
        ],
      }),
    );
    await expect(attempt).rejects.toThrow(/does not balance/);
  });

  it('app roles can neither update nor delete journal lines', async () => {
    const scoped = { workspaceId: a.workspaceId };
    const update = () =>
      database.withScope(scoped, (tx) =>
        tx.update(ledgerEntries).set({ amount: 1 }).where(eq(ledgerEntries.account, 'escrow')),
      );
    const remove = () => database.withSystem('test tamper', (tx) => tx.delete(ledgerEntries));
    expect(await pgErrorCode(update())).toBe('42501');
    expect(await pgErrorCode(remove())).toBe('42501');
    const lines = await database.withSystem('test check', (tx) => tx.select().from(ledgerEntries));
    expect(lines).toHaveLength(5);
  });
});
