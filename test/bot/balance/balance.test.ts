import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payouts, workspaceMembers } from '../../../models/schema.js';
import { makeEarningsOf } from '../../factories/payouts.js';
import { type BotHarness, startBotHarness } from '../harness.js';

let h: BotHarness;
const base = new Date(Date.now() - 3 * 24 * 3_600_000);

beforeAll(async () => {
  h = await startBotHarness();
}, 60_000);
afterAll(async () => {
  await h?.close();
});

const payoutsOf = (workspaceId: string) =>
  h.database.withSystem('test read', (tx) =>
    tx.select().from(payouts).where(eq(payouts.workspaceId, workspaceId)),
  );

describe('balance & payouts in the bot (Russian owner, Stars earnings)', () => {
  it('shows the balance, re-asks bad input, and a cancelled request files nothing', async () => {
    const olga = h.sandbox.owner();
    olga.send('/start');
    await olga.waitForMessage();
    const tenant = await makeEarningsOf(h.database, olga.id, {
      amount: 3_000,
      currency: 'XTR',
      base,
    });
    olga.send('/balance');
    const screen = await olga.waitForMessage('Баланс и выплаты');
    expect(screen.text).toContain('Доступно к выводу: 2\u00a0400 ⭐');
    expect(screen.text).toContain('Минимальная выплата: 1\u00a0000 ⭐');
    expect(screen.text).toContain('Заработано по месяцам (UTC)');

    await olga.click('💸 Запросить выплату (XTR)');
    await olga.waitForMessage('Сколько вывести?');
    olga.send('12,5');
    await olga.waitForMessage('Это не сумма');
    olga.send('999');
    await olga.waitForMessage('Минимальная выплата — 1\u00a0000 ⭐');
    olga.send('1500');
    const methods = await olga.waitForMessage('Куда отправить деньги?');
    expect(methods.text).toContain('звёздах платформа тоже выплачивает вручную');
    olga.send('на карту');
    await olga.waitForMessage('выберите одну из кнопок');
    await olga.click('🪙 Криптовалюта (USDT)');
    await olga.waitForMessage('Пришлите реквизиты');
    olga.send('x'.repeat(301));
    await olga.waitForMessage('Реквизиты — одно текстовое сообщение');
    olga.send('TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE <TRC20>');
    const summary = await olga.waitForMessage('Проверьте заявку');
    expect(summary.text).toContain('Сумма: 1\u00a0500 ⭐');
    expect(summary.text).toContain('TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE <TRC20>');
    await olga.click('✖️ Отмена');
    await olga.waitForMessage('Заявка не отправлена.');
    expect(await payoutsOf(tenant.workspaceId)).toHaveLength(0);
  }, 60_000);

  it('a manager sees their own (empty) balance, never the workspace they help with', async () => {
    const owner = h.sandbox.user({ first_name: 'Pia', language_code: 'en' });
    owner.send('/start');
    await owner.waitForMessage('Who are you here?');
    const tenant = await makeEarningsOf(h.database, owner.id, {
      amount: 200_000,
      currency: 'USD',
      base,
    });
    const helper = h.sandbox.user({ first_name: 'Hugo', language_code: 'en' });
    helper.send('/start');
    await helper.waitForMessage('Who are you here?');
    const helperTenant = await makeEarningsOf(h.database, helper.id, {
      amount: 1_000,
      currency: 'USD',
      base,
    });
    await h.database.withSystem('test seed: manager', (tx) =>
      tx.insert(workspaceMembers).values({
        workspaceId: tenant.workspaceId,
        accountId: helperTenant.accountId,
        role: 'manager',
      }),
    );
    helper.send('/balance');
    const screen = await helper.waitForMessage('Available to withdraw');
    expect(screen.text).toContain('Available to withdraw: $8');
    expect(screen.text).not.toContain('$1,600');
    expect(screen.reply_markup?.inline_keyboard?.flat().map((b) => b.text)).toEqual(['🔄 Refresh']);
  }, 60_000);
});
