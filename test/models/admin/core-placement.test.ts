import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishPlacement, type PublishDeps } from '../../../jobs/publish.js';
import { testOutbound } from '../../helpers/outbound.js';
import { adminCardOf } from '../../../models/admin/cards.js';
import {
  confirmPlacementPublished,
  failUncertainPlacement,
} from '../../../models/admin/moderate-placement.js';
import type { Clock } from '../../../models/clock.js';
import type { Database } from '../../../models/db.js';
import { auditLog, orders, placements } from '../../../models/schema.js';
import { createTestDatabase } from '../../helpers/db.js';
import { deliverEvents } from '../../helpers/outbox.js';
import { startSandbox, type Sandbox } from '../../helpers/sandbox.js';
import { makeScheduledPlacement } from '../../factories/sandbox-placements.js';
import { testPublishDeps } from '../../helpers/publish-deps.js';

let database: Database;
let sandbox: Sandbox;
let nowMs = Date.UTC(2032, 6, 10, 9, 0);
const clock: Clock = { now: () => new Date(nowMs), offsetMs: () => 0 };
const admin = { telegramId: 4242, name: 'Ada Admin' };

beforeAll(async () => {
  [database, sandbox] = await Promise.all([createTestDatabase(), startSandbox()]);
});
afterAll(async () => {
  await database?.close();
  await sandbox?.close();
});

function deps(extra: Partial<PublishDeps> = {}): PublishDeps {
  return testPublishDeps({ database, clock, api: testOutbound(sandbox).api }, extra);
}

/** A placement whose publisher died after sending: it waits for an admin. */
async function uncertainPlacement() {
  const { placement, seeded, chatId } = await makeScheduledPlacement(
    database,
    sandbox,
    clock,
    '1/24',
  );
  nowMs = placement.dueAt.getTime();
  const crashing = deps({ afterSend: () => Promise.reject(new Error('SIGKILL')) });
  await expect(publishPlacement(crashing, placement.id)).rejects.toThrow('SIGKILL');
  nowMs += 60_000;
  expect(await publishPlacement(deps(), placement.id)).toBe('needs_review');
  await deliverEvents(database); // the outbox opens its card
  return { placement, seeded, chatId };
}

const row = async (id: string) =>
  (
    await database.withSystem('test read', (tx) =>
      tx.select().from(placements).where(eq(placements.id, id)),
    )
  )[0]!;
const orderStatus = async (id: string) =>
  (
    await database.withSystem('test read', (tx) =>
      tx.select({ status: orders.status }).from(orders).where(eq(orders.id, id)),
    )
  )[0]?.status;
const actions = async (id: string) =>
  (
    await database.withSystem('test read', (tx) =>
      tx.select().from(auditLog).where(eq(auditLog.objectId, id)),
    )
  ).map((r) => `${r.action} ${r.actor}`);

describe('placements waiting for review', () => {
  it('open a placement card; "published" records the post and resumes its lifecycle', async () => {
    const { placement, seeded, chatId } = await uncertainPlacement();
    const card = await adminCardOf(database, 'placement', placement.id);
    expect(card).toMatchObject({ status: 'open', data: { reason: 'interrupted_after_send' } });
    const [post] = sandbox.emulator.messages(chatId);
    const sendStartedAt = (await row(placement.id)).sendStartedAt;

    const done = await confirmPlacementPublished(
      database,
      { placementId: placement.id, messageId: post!.message_id, admin },
      clock,
    );
    expect(done.ok).toBe(true);
    const published = await row(placement.id);
    expect(published).toMatchObject({ status: 'published', messageIds: [post!.message_id] });
    expect(published.publishedAt?.getTime()).toBe(sendStartedAt?.getTime());
    expect(await orderStatus(seeded.orderId)).toBe('published');
    const { rows } = await database.db.execute<{ name: string }>(
      sql`select name from agenda_jobs where data->>'placementId' = ${placement.id}`,
    );
    expect(rows.map((r) => r.name)).toEqual(
      expect.arrayContaining(['placements.finish', 'placements.delete']),
    );
    expect(await adminCardOf(database, 'placement', placement.id)).toMatchObject({
      status: 'decided',
      decision: 'published',
      decidedByName: 'Ada Admin',
    });
    expect(await actions(placement.id)).toEqual(
      expect.arrayContaining([
        'placement.needs_review system:placements.publish',
        'placement.published admin:4242',
        'placement.confirmed_published admin:4242',
      ]),
    );
    const again = await failUncertainPlacement(
      database,
      { placementId: placement.id, admin },
      clock,
    );
    expect(again).toMatchObject({ ok: false, code: 'not_in_review' });
  });

  it('"not published" fails the placement and, with nothing delivered, the order', async () => {
    const { placement, seeded } = await uncertainPlacement();
    const result = await failUncertainPlacement(
      database,
      { placementId: placement.id, admin },
      clock,
    );
    expect(result).toEqual({
      ok: true,
      value: { orderId: seeded.orderId, workspaceId: seeded.workspaceId, orderFailed: true },
    });
    expect((await row(placement.id)).status).toBe('failed');
    expect(await orderStatus(seeded.orderId)).toBe('failed');
    expect((await adminCardOf(database, 'placement', placement.id))?.decision).toBe(
      'not_published',
    );
    expect(await actions(placement.id)).toContain('placement.not_published admin:4242');
  });
});
