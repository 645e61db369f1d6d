import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../main.js';
import { createTestClock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { slots, workspaces } from '../../models/schema.js';
import { ensureOwnerWorkspace } from '../../models/workspaces/ensure-owner-workspace.js';
import {
  createPartnerInbox,
  maxInboxDeliveries,
  type InboxDelivery,
} from '../../sandbox/partner-inbox.js';
import { everyDayAt, makeListedChannel } from '../factories/channels.js';
import { makeSlots } from '../factories/slots.js';
import { createTestDatabase } from '../helpers/db.js';
import { startSandboxApp } from '../helpers/sandbox-app.js';
import { chromiumPath, launchBrowser } from './page/browser.js';

// One app in sandbox mode (no BOT_TOKEN): the emulator, the bot, the jobs and the HTTP API, as
// `npm start` runs them. The tests run in order like one person trying the partner API.
let database: Database;
let app: App;
let alex: number;
let olga: number;

interface Answer<T = Record<string, unknown>> {
  status: number;
  body: { ok: boolean; result: T; error?: string };
}

async function sandbox<T = Record<string, unknown>>(
  path: string,
  body?: unknown,
  raw?: string,
): Promise<Answer<T>> {
  const post = body !== undefined || raw !== undefined;
  const response = await fetch(`${app.sandboxUrl}${path}`, {
    method: post ? 'POST' : 'GET',
    ...(post
      ? { headers: { 'content-type': 'application/json' }, body: raw ?? JSON.stringify(body) }
      : {}),
  });
  return { status: response.status, body: (await response.json()) as Answer<T>['body'] };
}

const v1 = (path: string, key: string, init: RequestInit = {}) =>
  fetch(`${app.httpUrl}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${key}`, ...(init.headers as Record<string, string>) },
  });

const inboxOf = async (userId: number) =>
  (await sandbox<InboxDelivery[]>(`/sandbox/api/partner/inbox?user=${userId}`)).body.result;

async function waitForDelivery(userId: number, test: (d: InboxDelivery) => boolean) {
  const deadline = performance.now() + 20_000;
  for (;;) {
    const found = (await inboxOf(userId)).find(test);
    if (found) return found;
    if (performance.now() > deadline) throw new Error('no such delivery reached the inbox');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startSandboxApp(database);
  const actors = await sandbox<{ users: { id: number; first_name: string }[] }>(
    '/sandbox/api/actors',
  );
  const idOf = (name: string) => actors.body.result.users.find((u) => u.first_name === name)!.id;
  alex = idOf('Alex (advertiser)');
  olga = idOf('Olga (owner)');
});
afterAll(async () => {
  await app?.stop();
  await database?.close();
});

describe('the sandbox page’s partner API section (control routes)', () => {
  let key = '';
  let inboxUrl = '';

  it('creates a test key for the user’s account that the API accepts', async () => {
    const created = await sandbox<{ key: string; curl: string; docsUrl: string; scope: string }>(
      '/sandbox/api/partner/keys',
      { userId: alex, scope: 'account' },
    );
    expect(created.status).toBe(200);
    key = created.body.result.key;
    expect(key).toMatch(/^lsk_live_[a-z0-9]{10}_/);
    expect(created.body.result.curl).toBe(
      `curl -H "Authorization: Bearer ${key}" ${app.httpUrl}/v1/channels`,
    );
    expect(created.body.result.docsUrl).toBe(`${app.httpUrl}/v1/docs`);
    const channels = await v1('/v1/channels', key);
    expect(channels.status).toBe(200);
  });

  it('registers the inbox through the real endpoint use-case, replacing an earlier one', async () => {
    const first = await sandbox<{ endpointId: string }>('/sandbox/api/partner/webhooks', {
      userId: alex,
      scope: 'account',
    });
    expect(first.status).toBe(200);
    const again = await sandbox<{ endpointId: string; url: string; secret: string }>(
      '/sandbox/api/partner/webhooks',
      { userId: alex, scope: 'account' },
    );
    expect(again.status).toBe(200);
    inboxUrl = again.body.result.url;
    expect(inboxUrl.startsWith(`${app.sandboxUrl}/sandbox/partner-inbox/`)).toBe(true);
    expect(again.body.result.secret).toMatch(/^whsec_/);
    // The partner sees exactly the one sandbox endpoint through the API.
    const listed = (await (await v1('/v1/webhook-endpoints', key)).json()) as {
      data: { id: string; url: string }[];
    };
    expect(listed.data.map((e) => [e.id, e.url])).toEqual([
      [again.body.result.endpointId, inboxUrl],
    ]);
    const status = await sandbox<{ webhooks: { account: string | null } }>(
      `/sandbox/api/partner/status?user=${alex}`,
    );
    expect(status.body.result.webhooks.account).toBe(again.body.result.endpointId);
  });

  it('receives the signed order.created of an order booked with the key, verified', async () => {
    const hour = 3_600_000;
    const startsAt = new Date(Math.ceil(app.clock.now().getTime() / hour) * hour + 5 * hour);
    const channel = await makeListedChannel(database, {
      settings: {
        prices: { '1/24': 1_000 },
        currency: 'USD',
        timezone: 'UTC',
        schedule: everyDayAt(startsAt.toISOString().slice(11, 16)),
      },
    });
    // On the channel's schedule, so the jobs' horizon pass keeps it (and may have made it already).
    const made = await database.withSystem('test read', (tx) =>
      tx.select({ at: slots.startsAt }).from(slots).where(eq(slots.channelId, channel.id)),
    );
    if (!made.some((s) => s.at.getTime() === startsAt.getTime()))
      await makeSlots(database, channel, [startsAt]);
    const booked = await v1('/v1/orders', key, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        items: [{ channel_id: channel.id, starts_at: startsAt.toISOString(), format: '1/24' }],
        creative: { text: '<b>Fresh coffee</b> every morning' },
        payment_method: 'stars',
      }),
    });
    const order = (await booked.json()) as { id: string };
    expect(booked.status, JSON.stringify(order)).toBe(201);

    const delivery = await waitForDelivery(alex, (d) => d.orderId === order.id);
    expect(delivery).toMatchObject({
      eventType: 'order.created',
      verified: true,
      scope: 'account',
    });
    expect(delivery.headers['lytslot-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(JSON.parse(delivery.body)).toMatchObject({ type: 'order.created' });

    // The same signature over a changed body is refused.
    const tampered = delivery.body.replace('"order.created"', '"order.paid"');
    const posted = await fetch(inboxUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'lytslot-signature': delivery.headers['lytslot-signature']!,
      },
      body: tampered,
    });
    expect(posted.status).toBe(200);
    const [newest] = await inboxOf(alex);
    expect(newest).toMatchObject({ body: tampered, eventType: 'order.paid', verified: false });
  });

  it('gives an owner a workspace key only on Pro, and makes nothing on a refusal', async () => {
    const noWorkspace = await sandbox('/sandbox/api/partner/keys', {
      userId: olga,
      scope: 'workspace',
    });
    expect(noWorkspace).toMatchObject({ status: 400, body: { ok: false } });
    expect(noWorkspace.body.error).toMatch(/owns no workspace/);
    const before = await sandbox<{ accountId: string | null }>(
      `/sandbox/api/partner/status?user=${olga}`,
    );
    expect(before.body.result.accountId).toBeNull();

    await sandbox('/sandbox/api/partner/keys', { userId: olga, scope: 'account' });
    const withAccount = await sandbox<{ accountId: string }>(
      `/sandbox/api/partner/status?user=${olga}`,
    );
    const { workspaceId } = await ensureOwnerWorkspace(database, withAccount.body.result.accountId);
    const free = await sandbox<{ workspace: { id: string; plan: string } }>(
      `/sandbox/api/partner/status?user=${olga}`,
    );
    expect(free.body.result.workspace).toEqual({ id: workspaceId, plan: 'free' });
    const refused = await sandbox('/sandbox/api/partner/keys', {
      userId: olga,
      scope: 'workspace',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatch(/need Pro.*\/plan/);

    await database.withSystem('test: Pro', (tx) =>
      tx.update(workspaces).set({ plan: 'pro' }).where(eq(workspaces.id, workspaceId)),
    );
    const created = await sandbox<{ key: string; owner: unknown }>('/sandbox/api/partner/keys', {
      userId: olga,
      scope: 'workspace',
    });
    expect(created.status).toBe(200);
    expect(created.body.result.owner).toEqual({ workspaceId });
    expect((await v1('/v1/channels', created.body.result.key)).status).toBe(200);
  });

  it('answers bad input with a clear JSON error', async () => {
    const cases: [string, unknown, number, RegExp][] = [
      ['keys', { userId: alex, scope: 'everything' }, 400, /"scope" must be/],
      ['keys', { userId: 424242, scope: 'account' }, 400, /"userId" must be/],
      ['webhooks', { scope: 'account' }, 400, /"userId" must be/],
      ['nothing', {}, 404, /no such endpoint/],
    ];
    for (const [name, body, status, error] of cases) {
      const answer = await sandbox(`/sandbox/api/partner/${name}`, body);
      expect(answer.status, name).toBe(status);
      expect(answer.body.error, name).toMatch(error);
    }
    const malformed = await sandbox('/sandbox/api/partner/keys', undefined, '{not json');
    expect(malformed).toMatchObject({ status: 400, body: { error: /JSON object/ } });
    const unknownInbox = await sandbox('/sandbox/partner-inbox/nobody', {});
    expect(unknownInbox).toMatchObject({ status: 404, body: { ok: false } });
  });
});

describe('the sandbox inbox', () => {
  it('keeps the newest 200 deliveries and refuses unknown inboxes', () => {
    const inbox = createPartnerInbox(createTestClock());
    const endpoint = { endpointId: randomUUID(), userId: 1, scope: 'account' as const };
    inbox.register({ ...endpoint, inboxId: 'a', secrets: ['whsec_x'] });
    for (let i = 1; i <= maxInboxDeliveries + 5; i++)
      inbox.receive('a', {}, JSON.stringify({ type: 'order.paid', data: { order_id: `o${i}` } }));
    const kept = inbox.list(1);
    expect(kept).toHaveLength(maxInboxDeliveries);
    expect([kept[0]?.orderId, kept.at(-1)?.orderId]).toEqual([`o${maxInboxDeliveries + 5}`, 'o6']);
    expect(kept.every((d) => !d.verified)).toBe(true);
    expect(inbox.receive('b', {}, '{}')).toBeUndefined();
    expect(inbox.list(2)).toEqual([]);
  });
});

// Needs Debian's Chromium (as test/sandbox/page/page.test.ts); skipped without it.
describe.skipIf(!existsSync(chromiumPath))('the partner API section in the page (Chromium)', () => {
  it('creates a key, shows the curl line and lists the verified webhooks', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      page.setDefaultTimeout(10_000);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(app.sandboxUrl!);
      await page.getByRole('radio', { name: 'Alex (advertiser)' }).check();
      await page.getByText('Partner API', { exact: true }).click();
      await page.getByRole('button', { name: 'Create a test key' }).click();
      const key = (await page.getByLabel('API key', { exact: true }).textContent()) ?? '';
      expect(key).toMatch(/^lsk_live_/);
      await page.getByText(`Bearer ${key}" ${app.httpUrl}/v1/channels`).waitFor();
      await page.getByRole('link', { name: '/v1/docs' }).waitFor();
      // The inbox was registered above: the section says so, and shows both deliveries.
      await page.getByText('Webhooks of your advertiser account arrive').waitFor();
      const inbox = page.getByRole('list', { name: 'Webhook inbox' });
      await inbox.getByText('signature ✓').first().waitFor();
      await inbox.getByText('signature ✗').first().waitFor();
      // A delivery opens on its raw JSON.
      await inbox.getByText('signature ✓').first().click();
      const raw = inbox.locator('details[open]').getByLabel('Raw JSON');
      await raw.waitFor();
      expect(JSON.parse((await raw.textContent()) ?? '')).toMatchObject({ type: 'order.created' });
      expect(await page.getByRole('button', { name: 'Create a workspace key' }).count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
