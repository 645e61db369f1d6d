import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../config.js';
import { createI18n } from '../../../bot/i18n.js';
import { startApp, type App } from '../../../main.js';
import type { Database } from '../../../models/db.js';
import { createTestDatabase } from '../../helpers/db.js';
import { inspectPng } from '../../helpers/png.js';
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
  /** The bot's own Bot API call, over HTTP (what it would send the person). */
  const callBot = (method: string, params: Record<string, unknown>) =>
    fetch(`${url}/bot${app.config.botToken}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(params),
    });

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

  it("lets Olga follow the bot's add-to-channel link to her channel, add the bot, post and forward", async () => {
    const ru = (key: string) => createI18n().t('ru', key);
    await page.getByRole('radio', { name: 'Olga (owner)' }).check();
    await page.getByRole('heading', { name: 'LytSlot Pro (sandbox)' }).waitFor();
    const input = page.getByRole('textbox', { name: 'Message' });
    await input.fill('/start');
    await input.press('Enter');
    await page
      .getByRole('button', { name: ru('start-role-owner') })
      .last()
      .click();
    await page
      .getByRole('button', { name: ru('start-owner-add') })
      .last()
      .click();
    // The bot's t.me/<bot>?startchannel link opens Telegram's channel picker here, not a tab.
    const pagesBefore = browser.context.pages().length;
    await messages().locator('a[href*="?startchannel"]').last().click();
    const picker = page.getByRole('dialog', { name: 'Add @LytSlotSandboxBot to a channel' });
    await picker.getByRole('button', { name: 'Olga Travels' }).click();
    await page.getByRole('heading', { name: 'Olga Travels' }).waitFor();
    await messages().getByText('Top 5 weekend trips').waitFor();
    expect(browser.context.pages().length).toBe(pagesBefore);

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

  it('opens a post link (t.me/<channel>/<id>, t.me/c/<id>/<id>) in the page at that post', async () => {
    const actors = (await (await fetch(`${url}/sandbox/api/actors`)).json()) as {
      result: {
        users: { id: number; first_name: string }[];
        chats: { id: number; title: string }[];
      };
    };
    const alexId = actors.result.users.find((u) => u.first_name === 'Alex (advertiser)')!.id;
    const channelId = actors.result.chats.find((c) => c.title === 'Olga Travels')!.id;
    const internal = String(channelId).replace(/^-100/, '');
    // What the bot sends the advertiser once the ad is out: «Open the post ↗».
    const sent = await callBot('sendMessage', {
      chat_id: alexId,
      text: 'Your ad is live',
      reply_markup: {
        inline_keyboard: [
          [{ text: 'Open the post', url: 'https://t.me/olga_travels_demo/2' }],
          [{ text: 'Open by id', url: `https://t.me/c/${internal}/1` }],
        ],
      },
    });
    expect(sent.status).toBe(200);
    const pagesBefore = browser.context.pages().length;
    await page.getByRole('radio', { name: 'Alex (advertiser)' }).check();
    await page.getByRole('link', { name: 'Open the post ↗' }).click();
    await page.getByRole('heading', { name: 'Olga Travels' }).waitFor();
    await expect.poll(() => messages().locator('li.linked').getAttribute('data-id')).toBe('2');
    await page.getByRole('button', { name: /LytSlot Pro \(sandbox\)/ }).click();
    await page.getByRole('link', { name: 'Open by id ↗' }).click();
    await expect.poll(() => messages().locator('li.linked').getAttribute('data-id')).toBe('1');
    expect(browser.context.pages()).toHaveLength(pagesBefore);
    await page.screenshot({ path: `${screenshots}/sandbox-page-post-link.png` });
  });

  it("shows the admin's /stats charts as images of the data, drawn offline", async () => {
    await page.getByRole('radio', { name: 'Ada (admin)' }).check();
    await page.getByRole('button', { name: /LytSlot admins/ }).click();
    const input = page.getByRole('textbox', { name: 'Message' });
    await input.fill('/stats');
    await input.press('Enter');
    const chart = messages().locator('figure.photo img').first();
    await chart.waitFor({ timeout: 20_000 });
    await expect
      .poll(() =>
        chart.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
      )
      .toBe(800);
    const src = await chart.getAttribute('src');
    const png = await inspectPng(Buffer.from(await (await fetch(`${url}${src}`)).arrayBuffer()));
    expect(png).toMatchObject({ width: 800, height: 400 });
    expect(png.colours).toBeGreaterThan(20);
    await page.screenshot({ path: `${screenshots}/sandbox-page-stats.png` });
  }, 30_000);

  it('shows an invoice as a card and the outcome of paying it', async () => {
    const alex = (await (await fetch(`${url}/sandbox/api/actors`)).json()) as {
      result: { users: { id: number; first_name: string }[] };
    };
    const alexId = alex.result.users.find((u) => u.first_name === 'Alex (advertiser)')!.id;
    const sent = await callBot('sendInvoice', {
      chat_id: alexId,
      title: 'Test placement',
      description: 'One 1/24 slot in Olga Travels',
      payload: 'page-test',
      currency: 'XTR',
      prices: [{ label: '1/24', amount: 50 }],
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
