import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Jobs } from '../../jobs/index.js';
import { createTestClock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { createLogger } from '../../models/logger.js';
import { appendEvent } from '../../models/outbox/events.js';
import { createWebhookEndpoint } from '../../models/partner-webhooks/create-webhook-endpoint.js';
import { verifyWebhookSignature } from '../../models/partner-webhooks/signature.js';
import { advanceTestClock } from '../../models/platform/test-clock.js';
import { webhookDeliveries } from '../../models/schema.js';
import { makeChannel } from '../factories/channels.js';
import { makeOrder } from '../factories/orders.js';
import { makeWorkspace } from '../factories/workspaces.js';
import { createTestDatabase } from '../helpers/db.js';
import { startSandboxJobs } from '../helpers/jobs-world.js';
import { startSandbox, type Sandbox } from '../helpers/sandbox.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';

const clock = createTestClock();
const logger = createLogger({ level: 'silent' });
let database: Database;
let sandbox: Sandbox;
let receiver: WebhookReceiver;
let jobs: Jobs;

beforeAll(async () => {
  [database, sandbox, receiver] = await Promise.all([
    createTestDatabase(),
    startSandbox({ clock }),
    startWebhookReceiver(),
  ]);
  jobs = await startSandboxJobs({
    database,
    sandbox,
    clock,
    logger,
    env: { WEBHOOK_ALLOW_PRIVATE: 'on' },
  });
});
afterAll(async () => {
  await jobs?.stop();
  await receiver?.close();
  await database?.close();
  await sandbox?.close();
});

async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = performance.now() + 15_000;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('webhooks.deliver in the jobs process', () => {
  it('delivers an order event, retrying a failed attempt a minute later on the test clock', async () => {
    const { workspaceId, ownerAccountId } = await makeWorkspace(database, { plan: 'pro' });
    const created = await createWebhookEndpoint(
      database,
      {
        actor: { kind: 'account', owner: { workspaceId }, accountId: ownerAccountId },
        url: `${receiver.url}/jobs`,
      },
      { allowPrivate: true },
      clock,
    );
    if (!created.ok) throw new Error(created.code);
    const channel = await makeChannel(database, { workspaceId });
    const order = await makeOrder(database, { channel, status: 'published' });
    receiver.answers.push(500);
    await database.withSystem('test: event', (tx) =>
      appendEvent(
        tx,
        {
          type: 'placement.published',
          workspaceId,
          placementId: order.orderId,
          orderId: order.orderId,
        },
        clock.now(),
      ),
    );
    await until('the first attempt', async () => receiver.received[0]);
    const delivery = await until('the retry to be planned', async () => {
      const [row] = await database.withSystem('test read', (tx) =>
        tx
          .select()
          .from(webhookDeliveries)
          .where(eq(webhookDeliveries.endpointId, created.value.endpoint.id)),
      );
      return row?.attempts === 1 ? row : undefined;
    });
    expect(delivery.nextAttemptAt!.getTime() - delivery.createdAt.getTime()).toBeGreaterThanOrEqual(
      60_000,
    );
    expect(receiver.received).toHaveLength(1);

    await advanceTestClock({ database, clock, logger }, 2);
    const second = await until('the retry', async () => receiver.received[1]);
    const signature = String(second.headers['lytslot-signature']);
    const now = Math.floor(clock.now().getTime() / 1000);
    expect(verifyWebhookSignature(signature, second.body, created.value.secret, 300, now)).toBe(
      true,
    );
    expect(JSON.parse(second.body)).toMatchObject({
      type: 'order.published',
      data: { order_id: order.orderId },
    });
    await until('the delivery to be recorded', async () => {
      const [row] = await database.withSystem('test read', (tx) =>
        tx.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, delivery.id)),
      );
      return row?.status === 'delivered' ? row : undefined;
    });
  });
});
