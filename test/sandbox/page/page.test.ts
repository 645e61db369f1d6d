import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../config.js';
import { startApp, type App } from '../../../main.js';
import type { Database } from '../../../models/db.js';
import { createTestDatabase } from '../../helpers/db.js';
import { chromiumPath, launchBrowser, type Browser } from './browser.js';

const screenshots = 'test-results';

// Needs a real browser: skipped only when Debian's Chromium is not installed
// (`apt-get install chromium`; CI installs it).
// The tests share one app, one world and one page, and run in order like one person's session.
describe.skipIf(!existsSync(chromiumPath))('sandbox web page (Chromium)', () => {
  let database: Database;
  let app: App;
  let browser: Browser;
  let page: Page;
  let url: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const parsed = parseConfig({
      ROLES: 'bot,jobs,http',
      HTTP_PORT: '0',
      SANDBOX_PORT: '0',
      LOG_LEVEL: 'silent',
      DATABASE_URL: database.url,
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    app = await startApp(parsed.value);
    url = app.sandboxUrl!;
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await mkdir(screenshots, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await database?.close();
  });

  afterEach(() => {
    // A script error (a broken import, a typo) fails the test with its message, not a timeout.
    expect(pageErrors.splice(0)).toEqual([]);
  });

  const messages = () => page.getByRole('list', { name: 'Messages' });

  it('serves its scripts and styles from sandbox/public/', async () => {
    for (const [name, type] of [
      ['app.js', /javascript/],
      ['styles.css', /text\/css/],
      ['bubbles.css', /text\/css/],
    ] as const) {
      const response = await fetch(`${url}/${name}`);
      await response.body?.cancel();
      expect(response.status, `GET /${name}`).toBe(200);
      expect(response.headers.get('content-type')).toMatch(type);
    }
  });

  it('lets Alex start the bot, press a menu button and move the test clock', async () => {
    await page.goto(url);
    await page.getByRole('radio', { name: 'Alex (advertiser)' }).check();
    await page.getByRole('heading', { name: 'LytSlot Pro (sandbox)' }).waitFor();

    const input = page.getByRole('textbox', { name: 'Message' });
    await input.fill('/start');
    await input.press('Enter');
    await messages().getByText('Who are you here?').waitFor();
    for (const label of ['📢 I own channels', '🎯 I advertise', '❓ Help']) {
      await page.getByRole('button', { name: label }).waitFor();
    }
    // The bot's HTML arrives as entities and is rendered as elements, not as markup text.
    await messages().locator('strong', { hasText: 'LytSlot' }).first().waitFor();

    await page.getByRole('button', { name: 'Bot commands' }).click();
    const menu = page.getByRole('list', { name: 'Commands' });
    await menu.getByRole('button', { name: /^\/help / }).waitFor();
    await page.getByRole('button', { name: 'Bot commands' }).click();

    await page.getByRole('button', { name: '❓ Help' }).click();
    await messages().getByText('LytSlot help').waitFor();
    await page.getByRole('button', { name: '✉️ Ask support' }).waitFor();

    const clock = page.getByRole('status', { name: 'Platform time' });
    await page.getByRole('button', { name: 'Advance the clock by 1 hour' }).waitFor();
    const before = (await clock.textContent()) ?? '';
    const platformBefore = (await (await fetch(`${url}/sandbox/api/clock`)).json()) as {
      result: { now: string };
    };
    await page.getByRole('button', { name: 'Advance the clock by 1 hour' }).click();
    await page.getByText('+1 h ahead').waitFor();
    const after = (await clock.textContent()) ?? '';
    expect(after).not.toBe(before);
    const shownHour = Number(/(\d{2}):\d{2} UTC/.exec(after)?.[1]);
    const expectedHour = new Date(Date.parse(platformBefore.result.now) + 3_600_000).getUTCHours();
    expect([expectedHour, (expectedHour + 1) % 24]).toContain(shownHour);

    await page.screenshot({ path: `${screenshots}/sandbox-page.png` });
  });

  it('shows what users type literally, never as HTML', async () => {
    const input = page.getByRole('textbox', { name: 'Message' });
    const text = '<img src=x onerror="document.title=1"> <b>not bold</b> & done';
    await input.fill(text);
    await input.press('Enter');
    await messages().getByText(text).waitFor();
    expect(await messages().locator('img[src="x"]').count()).toBe(0);
    expect(await messages().locator('b').count()).toBe(0);
  });

  it('lets Olga add the bot to her channel, post and forward a post to the bot', async () => {
    await page.getByRole('radio', { name: 'Olga (owner)' }).check();
    await page.getByRole('button', { name: /Olga Travels/ }).click();
    await messages().getByText('Top 5 weekend trips').waitFor();

    await page.getByRole('checkbox', { name: 'Post messages' }).check();
    await page.getByRole('button', { name: 'Add the bot as admin' }).click();
    await page.getByText(/The bot is an admin: post messages/).waitFor();

    const post = page.getByRole('textbox', { name: 'Post' });
    await post.fill('Fresh post from the page');
    await post.press('Enter');
    await messages().getByText('Fresh post from the page').waitFor();
    await page.screenshot({ path: `${screenshots}/sandbox-page-channel.png` });

    await page.getByRole('button', { name: 'Forward post 1 to the bot' }).click();
    await page.getByRole('button', { name: /LytSlot Pro \(sandbox\)/ }).click();
    await messages().getByText('Forwarded from Olga Travels').waitFor();
  });

  it('shows an invoice as a card and the outcome of paying it', async () => {
    const alex = (await (await fetch(`${url}/sandbox/api/actors`)).json()) as {
      result: { users: { id: number; first_name: string }[] };
    };
    const alexId = alex.result.users.find((u) => u.first_name === 'Alex (advertiser)')!.id;
    const sent = await fetch(`${url}/bot${app.config.botToken}/sendInvoice`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        chat_id: alexId,
        title: 'Test placement',
        description: 'One 1/24 slot in Olga Travels',
        payload: 'page-test',
        currency: 'XTR',
        prices: [{ label: '1/24', amount: 50 }],
      }),
    });
    expect(sent.status).toBe(200);

    await page.getByRole('radio', { name: 'Alex (advertiser)' }).check();
    await messages().getByText('Test placement').waitFor();
    await page.getByRole('button', { name: 'Pay 50 ⭐' }).click();
    // Whatever the bot answers to the pre-checkout query (or its 10 s timeout), the card shows it.
    await messages()
      .getByText(/Paid 50 ⭐|Payment failed/)
      .waitFor({ timeout: 15_000 });
    await page.screenshot({ path: `${screenshots}/sandbox-page-invoice.png` });
    await page.setViewportSize({ width: 390, height: 760 });
    await page.screenshot({ path: `${screenshots}/sandbox-page-mobile.png` });
  }, 30_000);
});
