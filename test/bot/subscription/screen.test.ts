import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../../format/money.js';
import { payments, subscriptions, workspaces } from '../../../models/schema.js';
import { startStripeFake, type StripeFake } from '../../../sandbox/fakes/stripe.js';
import { startYooKassaFake, type YooKassaFake } from '../../../sandbox/fakes/yookassa.js';
import type { ApiMessage } from '../../../sandbox/types.js';
import { startBotHarness, type BotHarness } from '../harness.js';

/** 10 000 RUB as English writes it (Intl puts a no-break space after the code). */
const rub = formatMoney(1_000_000, 'RUB', 'en');

const urlOf = (m: ApiMessage): string | undefined =>
  (m.reply_markup?.inline_keyboard ?? [])
    .flat()
    .map((b) => ('url' in b ? String(b.url) : ''))
    .find((u) => u !== '');
const buttons = (m: ApiMessage): string[] =>
  (m.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.text);

describe('the Subscription screen with Stars only', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the Free plan, the channel limit, locked capabilities and the Stars price', async () => {
    const olga = h.sandbox.user({ first_name: 'Olga', language_code: 'ru' });
    olga.send('/plan');
    const screen = await olga.waitForMessage('Ваш тариф: Free');
    expect(screen.text).toContain('Каналов: 0 из 1');
    // The built entitlements, locked on Free: API keys, A/B tests and CSV exports.
    expect(screen.text).toContain('🔒 API-ключи для партнёрского API');
    expect(screen.text).toContain('🔒 A/B-тесты: до 4 вариантов объявления');
    expect(screen.text).toContain('🔒 Выгрузки CSV: заказы, публикации, выплаты');
    expect(buttons(screen)).toEqual(['Купить Pro · 7\u00a0700 ⭐']);
  });

  it('is reachable from the owner menu', async () => {
    const nick = h.sandbox.user({ first_name: 'Nick', language_code: 'en' });
    nick.send('/start');
    await nick.waitForMessage('Who are you here?');
    await nick.click('📢 I own channels');
    await nick.waitFor((m) => buttons(m).includes('💎 Plan and subscription'), {
      what: 'the owner menu',
    });
    await nick.click('💎 Plan and subscription');
    await nick.waitForMessage('Your plan: Free');
  });

  it('refuses a Stars subscription invoice paid by someone who does not own the workspace', async () => {
    const owner = h.sandbox.user({ first_name: 'Owen', language_code: 'en' });
    owner.send('/plan');
    await owner.waitForMessage('Your plan: Free');
    await owner.click('Buy Pro · 7,700 ⭐');
    const link = urlOf(await owner.waitFor((m) => urlOf(m)?.startsWith('https://t.me/$') === true));
    const stranger = h.sandbox.user({ first_name: 'Stranger', language_code: 'en' });
    stranger.send('/start');
    await stranger.waitForMessage('Who are you here?');
    const paid = await h.sandbox.emulator.payInvoice(stranger.id, { link: link! });
    expect(paid.ok ? 'paid' : paid.code).toBe('declined');
    expect(paid.ok ? '' : paid.detail?.error_message).toContain('Only the owner');
    const rows = await h.database.withSystem('test read', (tx) =>
      tx.select().from(payments).where(eq(payments.purpose, 'subscription')),
    );
    expect(rows).toHaveLength(0);

    // The owner pays: Pro until Telegram's subscription_expiration_date, charge recorded once.
    const ok = await h.sandbox.emulator.payInvoice(owner.id, { link: link! });
    expect(ok.ok).toBe(true);
    const receipt = ok.ok
      ? (ok.value.message.message.successful_payment as { subscription_expiration_date?: number })
      : undefined;
    const expires = receipt?.subscription_expiration_date ?? 0;
    expect(expires).toBeGreaterThan(0);
    const deadline = Date.now() + 5000;
    let row: { plan: string; planExpiresAt: Date | null } | undefined;
    while (Date.now() < deadline) {
      [row] = await h.database.withSystem('test read', (tx) =>
        tx
          .select({ plan: workspaces.plan, planExpiresAt: workspaces.planExpiresAt })
          .from(workspaces)
          .innerJoin(subscriptions, eq(subscriptions.workspaceId, workspaces.id)),
      );
      if (row?.plan === 'pro') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(row?.plan).toBe('pro');
    expect(row?.planExpiresAt?.getTime()).toBe(expires * 1000);
    owner.send('/plan');
    const pro = await owner.waitForMessage('Your plan: Pro');
    expect(pro.text).toContain('Renews automatically via Telegram Stars');
    expect(buttons(pro)).toEqual(['✖️ Cancel renewal']);
  });
});

describe('the Subscription screen with Stripe and YooKassa configured', () => {
  let h: BotHarness;
  let stripe: StripeFake;
  let yookassa: YooKassaFake;
  beforeAll(async () => {
    [stripe, yookassa] = await Promise.all([startStripeFake(), startYooKassaFake()]);
    h = await startBotHarness({
      sandbox: { allowLocalLinks: true }, // the Stripe/YooKassa fakes' pages are on 127.0.0.1
      env: {
        STRIPE_SECRET_KEY: stripe.secretKey,
        STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
        STRIPE_API_ROOT: stripe.apiRoot,
        YOOKASSA_SHOP_ID: yookassa.shopId,
        YOOKASSA_SECRET_KEY: yookassa.secretKey,
        YOOKASSA_API_ROOT: yookassa.apiRoot,
      },
    });
  });
  afterAll(async () => {
    await h?.close();
    await stripe?.close();
    await yookassa?.close();
  });

  it('offers every configured method in its currency and opens each provider page', async () => {
    const eve = h.sandbox.user({ first_name: 'Eve', language_code: 'en' });
    eve.send('/plan');
    const screen = await eve.waitForMessage('Your plan: Free');
    expect(buttons(screen)).toEqual(['Buy Pro · 7,700 ⭐', 'Buy Pro · $100', `Buy Pro · ${rub}`]);
    expect(screen.text).toContain(`7,700 ⭐ · $100 · ${rub}`);

    await eve.click('Buy Pro · $100');
    const stripeLink = await eve.waitForMessage('a card via Stripe');
    expect(urlOf(stripeLink)).toBeTruthy();
    const [session] = stripe.objects.all('checkout.session');
    expect(session).toMatchObject({ mode: 'subscription', url: urlOf(stripeLink) });
    expect((session?.metadata as Record<string, string>).purpose).toBe('subscription');

    await eve.click(`Buy Pro · ${rub}`);
    const yooLink = await eve.waitForMessage('YooKassa (one month');
    const [payment] = yookassa.payments();
    expect(payment?.amount).toMatchObject({ value: '10000.00', currency: 'RUB' });
    expect(payment?.metadata).toMatchObject({ purpose: 'subscription' });
    expect(urlOf(yooLink)).toBe((payment?.confirmation as Record<string, string>).confirmation_url);
  });
});
