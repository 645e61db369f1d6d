import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../models/db.js';
import { auditLog, webhookEndpoints } from '../../../models/schema.js';
import { createWebhookEndpoint } from '../../../models/partner-webhooks/create-webhook-endpoint.js';
import { deleteWebhookEndpoint } from '../../../models/partner-webhooks/delete-webhook-endpoint.js';
import type { WebhookActor } from '../../../models/partner-webhooks/endpoint-access.js';
import {
  getWebhookEndpoint,
  listWebhookEndpoints,
} from '../../../models/partner-webhooks/list-webhook-endpoints.js';
import { partnerEventTypes } from '../../../models/partner-webhooks/partner-events.js';
import { rotateWebhookSecret } from '../../../models/partner-webhooks/rotate-webhook-secret.js';
import { updateWebhookEndpoint } from '../../../models/partner-webhooks/update-webhook-endpoint.js';
import { makeAccount } from '../../factories/accounts.js';
import { makeWorkspace } from '../../factories/workspaces.js';
import { createTestDatabase } from '../../helpers/db.js';
import { manualClock } from '../../helpers/manual-clock.js';

let database: Database;
const clock = manualClock(new Date(Date.UTC(2032, 4, 10, 9, 0, 0)));
const strict = { allowPrivate: false };
const sandbox = { allowPrivate: true };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function proOwner(): Promise<{
  actor: WebhookActor;
  workspaceId: string;
  accountId: string;
}> {
  const { workspaceId, ownerAccountId } = await makeWorkspace(database, { plan: 'pro' });
  return {
    actor: { kind: 'account', owner: { workspaceId }, accountId: ownerAccountId },
    workspaceId,
    accountId: ownerAccountId,
  };
}

const create = (actor: WebhookActor, url: string, extra = {}, policy = strict) =>
  createWebhookEndpoint(database, { actor, url, ...extra }, policy, clock);

async function auditActions(objectId: string): Promise<string[]> {
  const rows = await database.withSystem('test read', (tx) =>
    tx.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.objectId, objectId)),
  );
  return rows.map((r) => r.action);
}

describe('webhook endpoints', () => {
  it('creates an https endpoint for every event by default and shows the whsec_ secret once', async () => {
    const { actor } = await proOwner();
    const created = await create(actor, ' https://partner.example.com/hooks?x=1 ', {
      description: ' CRM ',
    });
    if (!created.ok) throw new Error(created.code);
    expect(created.value.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(created.value.endpoint).toMatchObject({
      url: 'https://partner.example.com/hooks?x=1',
      description: 'CRM',
      events: [...partnerEventTypes],
      status: 'enabled',
    });
    const listed = await listWebhookEndpoints(database, { actor }, clock);
    expect(JSON.stringify(listed)).not.toContain(created.value.secret);
    expect(listed).toMatchObject({ ok: true, value: { planAllows: true } });
    expect(await auditActions(created.value.endpoint.id)).toEqual(['webhook_endpoint.create']);
  });

  it('refuses plain http, credentials and private hosts unless the sandbox option allows local ones', async () => {
    const { actor } = await proOwner();
    for (const url of [
      'http://partner.example.com/h',
      'https://user:pw@partner.example.com/h',
      'https://127.0.0.1/h',
      'https://10.1.2.3/h',
      'https://intranet/h',
      'ftp://partner.example.com/h',
      'not a url',
    ])
      expect(await create(actor, url), url).toMatchObject({ ok: false, code: 'url_invalid' });
    expect(await create(actor, 'http://127.0.0.1:8080/h', {}, sandbox)).toMatchObject({ ok: true });
    expect(await create(actor, 'http://localhost:8080/h', {}, sandbox)).toMatchObject({ ok: true });
    expect(await create(actor, 'http://partner.example.com/h', {}, sandbox)).toMatchObject({
      ok: false,
      code: 'url_invalid',
    });
  });

  it('keeps a subset of events in the documented order and refuses unknown or none', async () => {
    const { actor } = await proOwner();
    const subset = await create(actor, 'https://a.example.com/', {
      events: ['order.paid', 'order.created', 'order.paid'],
    });
    expect(subset).toMatchObject({
      ok: true,
      value: { endpoint: { events: ['order.created', 'order.paid'] } },
    });
    expect(await create(actor, 'https://a.example.com/', { events: [] })).toMatchObject({
      code: 'events_invalid',
    });
    expect(
      await create(actor, 'https://a.example.com/', { events: ['order.deleted'] }),
    ).toMatchObject({
      code: 'events_invalid',
    });
  });

  it('allows 5 endpoints per owner, Pro workspaces only, managed by the owner or the account itself', async () => {
    const { actor, workspaceId } = await proOwner();
    for (let i = 0; i < 5; i += 1)
      expect(await create(actor, `https://a.example.com/${i}`)).toMatchObject({ ok: true });
    expect(await create(actor, 'https://a.example.com/6')).toMatchObject({ code: 'too_many' });

    const free = await makeWorkspace(database);
    const freeActor: WebhookActor = {
      kind: 'account',
      owner: { workspaceId: free.workspaceId },
      accountId: free.ownerAccountId,
    };
    expect(await create(freeActor, 'https://a.example.com/')).toMatchObject({ code: 'plan' });

    const stranger = (await makeAccount(database)).id;
    const intruder: WebhookActor = { kind: 'account', owner: { workspaceId }, accountId: stranger };
    expect(await create(intruder, 'https://a.example.com/')).toMatchObject({ code: 'forbidden' });
    const impostor: WebhookActor = {
      kind: 'account',
      owner: { accountId: stranger },
      accountId: free.ownerAccountId,
    };
    expect(await create(impostor, 'https://a.example.com/')).toMatchObject({ code: 'forbidden' });

    const advertiser: WebhookActor = {
      kind: 'account',
      owner: { accountId: stranger },
      accountId: stranger,
    };
    expect(await create(advertiser, 'https://a.example.com/')).toMatchObject({ ok: true });
  });

  it('updates, disables by hand, enables again; another owner sees none of it', async () => {
    const { actor } = await proOwner();
    const other = await proOwner();
    const created = await create(actor, 'https://a.example.com/');
    if (!created.ok) throw new Error(created.code);
    const endpointId = created.value.endpoint.id;
    const update = (changes: object, who = actor) =>
      updateWebhookEndpoint(database, { actor: who, endpointId, changes }, strict, clock);
    expect(await update({ url: 'https://b.example.com/x', events: ['order.paid'] })).toMatchObject({
      ok: true,
      value: { url: 'https://b.example.com/x', events: ['order.paid'] },
    });
    expect(await update({ enabled: false })).toMatchObject({
      value: { status: 'disabled', disabledReason: 'manual' },
    });
    expect(await update({ enabled: true })).toMatchObject({
      value: { status: 'enabled', disabledReason: null },
    });
    expect(await update({ url: 'http://b.example.com/' })).toMatchObject({ code: 'url_invalid' });
    expect(await update({ enabled: false }, other.actor)).toMatchObject({ code: 'not_found' });
    expect(await getWebhookEndpoint(database, { actor: other.actor, endpointId })).toMatchObject({
      code: 'not_found',
    });
    const otherList = await listWebhookEndpoints(database, { actor: other.actor }, clock);
    expect(otherList).toMatchObject({ ok: true, value: { endpoints: [] } });
  });

  it('rotates the secret keeping the previous one for 24 hours, and deletes with an audit trail', async () => {
    const { actor } = await proOwner();
    const created = await create(actor, 'https://a.example.com/');
    if (!created.ok) throw new Error(created.code);
    const endpointId = created.value.endpoint.id;
    const rotated = await rotateWebhookSecret(database, { actor, endpointId }, clock);
    if (!rotated.ok) throw new Error(rotated.code);
    expect(rotated.value.secret).not.toBe(created.value.secret);
    expect(rotated.value.previousSecretExpiresAt).toEqual(
      new Date(clock.now().getTime() + 24 * 3_600_000),
    );
    const [row] = await database.withSystem('test read', (tx) =>
      tx
        .select({ secret: webhookEndpoints.secret, previous: webhookEndpoints.previousSecret })
        .from(webhookEndpoints)
        .where(eq(webhookEndpoints.id, endpointId)),
    );
    expect(row).toEqual({ secret: rotated.value.secret, previous: created.value.secret });

    expect(await deleteWebhookEndpoint(database, { actor, endpointId }, clock)).toMatchObject({
      ok: true,
    });
    expect(await deleteWebhookEndpoint(database, { actor, endpointId }, clock)).toMatchObject({
      code: 'not_found',
    });
    const left = await database.withSystem('test read', (tx) =>
      tx
        .select()
        .from(webhookEndpoints)
        .where(and(eq(webhookEndpoints.id, endpointId))),
    );
    expect(left).toEqual([]);
    const actions = await auditActions(endpointId);
    expect(actions).toEqual([
      'webhook_endpoint.create',
      'webhook_endpoint.rotate_secret',
      'webhook_endpoint.delete',
    ]);
    expect(JSON.stringify(actions)).not.toContain('whsec_');
  });
});
