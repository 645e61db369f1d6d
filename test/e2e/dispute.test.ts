import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db.js';
import { balanceOf } from '../../models/ledger/queries.js';
import { auditLog, disputes, orders } from '../../models/schema.js';
import { settlePlacement } from '../../models/settlement/settle-placement.js';
import { startAdminWorld, type AdminWorld } from '../helpers/admin-world.js';
import { makeAccount } from '../factories/accounts.js';
import { makeServedOrder, type ServedOrder } from '../factories/placements.js';

/**
 * A dispute end to end in the sandbox: the advertiser opens it from the order card (reason and a
 * screenshot), the card with the evidence reaches the admin chat (jobs render it), the admin
 * decides a partial refund by replying an amount, and exactly that amount moves in the ledger.
 */
let world: AdminWorld;

beforeAll(async () => {
  world = await startAdminWorld();
}, 60_000);
afterAll(async () => {
  await world?.close();
});

async function balances(database: Database, o: ServedOrder) {
  return database.withSystem('test read', async (tx) => {
    const trial = await tx.execute<{ sum: string }>(
      sql`select coalesce(sum(amount), 0)::text as sum from ledger_entries where currency = 'XTR'`,
    );
    return {
      owner: await balanceOf(tx, `owner:${o.workspaceId}`, 'XTR'),
      advertiser: await balanceOf(tx, `advertiser:${o.advertiserAccountId}`, 'XTR'),
      fees: await balanceOf(tx, 'platform:fees', 'XTR'),
      trial: Number(trial.rows[0]?.sum ?? 0),
    };
  });
}

describe('a dispute resolved as a partial refund', () => {
  it('moves exactly the decided amount: Stars credited to the advertiser, taken back 80/20', async () => {
    const { sandbox, database, clock } = world;
    const alex = sandbox.user({ first_name: 'Alex', language_code: 'en' });
    const account = await makeAccount(database, {
      telegramId: alex.id,
      language: 'en',
      firstName: 'Alex',
    });
    const order = await makeServedOrder(database, {
      base: clock.now(),
      amount: 1540,
      advertiser: account.id,
    });
    const settled = await settlePlacement(database, order.placementIds[0]!, clock.now());
    expect(settled.ok && settled.value.kind).toBe('settled');
    const before = await balances(database, order);

    alex.send('/orders');
    await alex.waitForMessage(/orders/i);
    await alex.click(/completed/i);
    await alex.waitFor((m) => (m.text ?? '').includes('Status:'));
    await alex.click('⚖️ Open a dispute');
    await alex.waitForMessage(/What went wrong/);
    alex.send('The post was deleted after two hours instead of 24.');
    await alex.waitForMessage(/evidence/);
    const screenshot = alex.send({ photo: true, caption: 'Channel at 14:00, post gone' });
    await alex.waitForMessage(/dispute is open/);
    const [dispute] = await database.withSystem('test read', (tx) =>
      tx.select().from(disputes).where(eq(disputes.orderId, order.orderId)),
    );
    expect(dispute).toMatchObject({
      status: 'open',
      openerRole: 'advertiser',
      reason: 'The post was deleted after two hours instead of 24.',
      evidence: { chatId: alex.id, messageId: screenshot.message_id },
    });

    const admin = sandbox.adminChat();
    const card = await admin.waitFor((m) => (m.text ?? '').includes(dispute!.id.slice(0, 8)), {
      what: 'the dispute card',
      timeoutMs: 15_000,
    });
    expect(card.text).toContain('deleted after two hours');
    const copied = await admin.waitFor((m) => m.photo !== undefined, {
      what: 'the evidence copied below the card',
      timeoutMs: 10_000,
    });
    expect(copied.caption).toBe('Channel at 14:00, post gone');
    expect((copied.reply_to_message as { message_id?: number } | undefined)?.message_id).toBe(
      card.message_id,
    );

    await admin.click('✂️ Partial refund');
    const prompt = await admin.waitFor((m) => (m.text ?? '').includes('amount to refund'), {
      what: 'the amount prompt',
    });
    sandbox.emulator.sendMessage(sandbox.ids.adminId, '300 Deleted early, partly delivered', {
      chatId: sandbox.ids.adminChatId,
      replyToMessageId: prompt.message_id,
    });
    const decided = await admin.waitFor(
      (m) => m.message_id === card.message_id && !m.reply_markup && (m.text ?? '').includes('Ada'),
      { what: 'the card decided in place', timeoutMs: 15_000 },
    );
    expect(decided.text).toContain('Partial refund');
    expect(decided.text).toContain('Refunded by this decision: 300 ⭐');

    const after = await balances(database, order);
    expect(after.advertiser - before.advertiser).toBe(-300);
    expect(after.owner - before.owner).toBe(240);
    expect(after.fees - before.fees).toBe(60);
    expect(after.trial).toBe(0);
    const [row] = await database.withSystem('test read', (tx) =>
      tx.select().from(orders).where(eq(orders.id, order.orderId)),
    );
    expect(row!.status).toBe('completed');
    const told = await alex.waitForMessage(/partial refund of 300/, { timeoutMs: 15_000 });
    expect(told.text).toContain('Deleted early, partly delivered');
    const audit = await database.withSystem('test read', (tx) =>
      tx
        .select({ action: auditLog.action, actor: auditLog.actor })
        .from(auditLog)
        .where(eq(auditLog.objectId, dispute!.id)),
    );
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'dispute.opened', actor: `account:${account!.id}` },
        { action: 'dispute.resolved', actor: `admin:${sandbox.ids.adminId}` },
      ]),
    );
  }, 90_000);
});
