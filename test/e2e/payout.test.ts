import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balanceOf } from '../../models/ledger/queries.js';
import { auditLog, payouts } from '../../models/schema.js';
import { startAdminWorld, type AdminWorld } from '../helpers/admin-world.js';
import type { ApiMessage } from '../../sandbox/types.js';
import { makeEarningsOf } from '../factories/payouts.js';

/**
 * A payout end to end in the sandbox: an owner with settled earnings opens «Balance & payouts»,
 * requests a payout through the conversation (bad amounts re-asked), the card reaches the admin
 * chat (jobs render it), the admin approves and marks it paid, the owner's available balance drops
 * by exactly the amount and a receipt arrives.
 */
let world: AdminWorld;

beforeAll(async () => {
  world = await startAdminWorld();
}, 60_000);
afterAll(async () => {
  await world?.close();
});

const hasButton = (label: string) => (m: ApiMessage) =>
  (m.reply_markup?.inline_keyboard ?? []).flat().some((b) => b.text === label);

/** The owner's workspace with one channel and a settled $2 000 order (owner share $1 600). */
const earnings = (telegramId: number) =>
  makeEarningsOf(world.database, telegramId, {
    amount: 200_000,
    currency: 'USD',
    base: new Date(world.clock.now().getTime() - 5 * 24 * 3_600_000),
  });

describe('an owner withdraws earnings through the admin chat', () => {
  it('requests, gets approved and paid; available drops by exactly the amount', async () => {
    const { sandbox, database } = world;
    const nina = sandbox.user({ first_name: 'Nina', language_code: 'en' });
    nina.send('/start');
    await nina.waitForMessage('Who are you here?');
    const tenant = await earnings(nina.id);

    await nina.click('📢 I own channels');
    await nina.waitFor(hasButton('💰 Balance & payouts'), { what: 'the owner menu' });
    await nina.click('💰 Balance & payouts');
    const screen = await nina.waitFor((m) => m.text?.includes('Available to withdraw') === true, {
      what: 'the balance screen',
    });
    expect(screen.text).toContain('Available to withdraw: $1,600');
    expect(screen.text).toContain('Minimum payout: $10');
    expect(screen.text).toContain('No payouts yet.');

    await nina.click('💸 Request payout (USD)');
    await nina.waitForMessage('How much do you want to withdraw?');
    nina.send('a lot');
    await nina.waitForMessage('That is not an amount');
    nina.send('5');
    await nina.waitForMessage('The minimum payout is $10');
    nina.send('2000');
    await nina.waitForMessage('You can withdraw at most $1,600');
    nina.send('1000');
    await nina.waitForMessage('Where should we send the money?');
    await nina.click('🏦 Bank transfer');
    await nina.waitForMessage('Send your payout details');
    nina.send('IBAN');
    await nina.waitForMessage('Payout details must be one text message');
    nina.send('DE89 3704 0044 0532 0130 00, Commerzbank');
    const summary = await nina.waitForMessage('Please check your request');
    expect(summary.text).toContain('Amount: $1,000');
    await nina.click('✅ Request payout');
    await nina.waitForMessage('Payout request for $1,000 sent');

    const [payout] = await database.withSystem('test read', (tx) =>
      tx.select().from(payouts).where(eq(payouts.workspaceId, tenant.workspaceId)),
    );
    expect(payout).toMatchObject({ status: 'requested', amount: 100_000, currency: 'USD' });
    const admin = sandbox.adminChat();
    const card = await admin.waitFor(
      (m) => m.text?.includes('Payout request') === true && hasButton('✅ Approve')(m),
      { what: 'the payout card', timeoutMs: 15_000 },
    );
    expect(card.text).toContain('Nina');
    expect(card.text).toContain('DE89 3704 0044 0532 0130 00');
    expect(card.text).toContain('Available now: $1,600');

    await admin.click({ data: `adm:payout:approve:${payout!.id}` });
    await admin.waitFor(
      (m) => m.message_id === card.message_id && m.text?.includes('Approved by') === true,
      { what: 'the card approved in place' },
    );
    await nina.waitForMessage('Your payout of $1,000 was approved', { timeoutMs: 15_000 });

    await admin.click({ data: `adm:payout:paid:${payout!.id}` });
    const decided = await admin.waitFor(
      (m) => m.message_id === card.message_id && !m.reply_markup?.inline_keyboard?.length,
      { what: 'the card decided, without buttons' },
    );
    expect(decided.text).toContain('Ada');
    const receipt = await nina.waitForMessage('Payout receipt', { timeoutMs: 15_000 });
    expect(receipt.text).toContain('Amount: $1,000');
    expect(receipt.text).toContain('Fee: $0');
    expect(receipt.text).toContain('Bank transfer');
    expect(receipt.text).toContain('•••• 3000');
    expect(receipt.text).not.toContain('DE89');

    nina.send('/balance');
    const after = await nina.waitForMessage('Available to withdraw');
    expect(after.text).toContain('Available to withdraw: $600');
    expect(after.text).toContain('paid ✅');

    await database.withSystem('test read', async (tx) => {
      expect(await balanceOf(tx, `owner:${tenant.workspaceId}`, 'USD')).toBe(-60_000);
      expect(await balanceOf(tx, 'payouts:pending', 'USD')).toBe(0);
      const rows = await tx
        .select({ action: auditLog.action, actor: auditLog.actor })
        .from(auditLog)
        .where(and(eq(auditLog.objectType, 'payout'), eq(auditLog.objectId, payout!.id)));
      expect(rows.map((r) => r.action).sort()).toEqual([
        'payout.approved',
        'payout.paid',
        'payout.requested',
      ]);
      expect(rows.find((r) => r.action === 'payout.paid')?.actor).toBe(
        `admin:${sandbox.ids.adminId}`,
      );
    });
  }, 120_000);

  it('a rejected request tells the owner why and frees the money; strangers cannot decide', async () => {
    const { sandbox, database } = world;
    const omar = sandbox.user({ first_name: 'Omar', language_code: 'en' });
    omar.send('/start');
    await omar.waitForMessage('Who are you here?');
    const tenant = await earnings(omar.id);
    omar.send('/balance');
    await omar.waitForMessage('Available to withdraw: $1,600');
    await omar.click('💸 Request payout (USD)');
    await omar.waitForMessage('How much do you want to withdraw?');
    await omar.click('All ($1,600)');
    await omar.waitForMessage('Where should we send the money?');
    await omar.click('💳 Bank card');
    omar.send('4000 0000 0000 0002');
    await omar.waitForMessage('Please check your request');
    await omar.click('✅ Request payout');
    await omar.waitForMessage('Payout request for $1,600 sent');
    omar.send('/balance');
    const pending = await omar.waitForMessage('Available to withdraw');
    expect(pending.text).toContain('already being processed');
    expect(pending.text).toContain('waiting for approval');

    const [payout] = await database.withSystem('test read', (tx) =>
      tx.select().from(payouts).where(eq(payouts.workspaceId, tenant.workspaceId)),
    );
    const admin = sandbox.adminChat();
    const card = await admin.waitFor(
      (m) => m.text?.includes(payout!.id.slice(0, 8)) === true && hasButton('❌ Reject')(m),
      { what: 'the payout card', timeoutMs: 15_000 },
    );
    // A group member who is not a platform admin presses Approve: refused, nothing changes.
    const stranger = sandbox.user({ first_name: 'Mallory', language_code: 'en' });
    stranger.join(sandbox.ids.adminChatId);
    const refused = await stranger
      .inChat(sandbox.ids.adminChatId)
      .click({ data: `adm:payout:approve:${payout!.id}` });
    expect(refused.show_alert).toBe(true);

    await admin.click({ data: `adm:payout:reject:${payout!.id}` });
    const prompt = await admin.waitFor((m) => (m.text ?? '').includes('Why is the payout'), {
      what: 'the reason prompt',
    });
    sandbox.emulator.sendMessage(sandbox.ids.adminId, "The card <is> not in the owner's name", {
      chatId: sandbox.ids.adminChatId,
      replyToMessageId: prompt.message_id,
    });
    await admin.waitFor(
      (m) => m.message_id === card.message_id && !m.reply_markup?.inline_keyboard?.length,
      { what: 'the card decided in place', timeoutMs: 15_000 },
    );
    const told = await omar.waitForMessage('was rejected', { timeoutMs: 15_000 });
    expect(told.text).toContain("The card <is> not in the owner's name");
    omar.send('/balance');
    const again = await omar.waitForMessage('Available to withdraw');
    expect(again.text).toContain('Available to withdraw: $1,600');
    expect(again.text).toContain('rejected ❌');
    const [row] = await database.withSystem('test read', (tx) =>
      tx.select().from(payouts).where(eq(payouts.id, payout!.id)),
    );
    expect(row).toMatchObject({ status: 'rejected', postingId: null });
  }, 120_000);
});
