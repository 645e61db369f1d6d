import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishPlacement, publishPlacement, type PublishDeps } from '../../jobs/publish.js';
import { testOutbound } from '../helpers/outbound.js';
import { loadCatalogCard } from '../../models/catalog/catalog-card.js';
import type { Clock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { decideLateOffer } from '../../models/placements/late-offer.js';
import { claimPlacement, delayCause, markSendStarted } from '../../models/placements/publish.js';
import { channels, placements } from '../../models/schema.js';
import { settlePlacement } from '../../models/settlement/settle-placement.js';
import { createTestDatabase } from '../helpers/db.js';
import { startSandbox, type Sandbox } from '../helpers/sandbox.js';
import { allBotRights, makeScheduledPlacement } from '../factories/sandbox-placements.js';
import { testPublishDeps } from '../helpers/publish-deps.js';

let database: Database;
let sandbox: Sandbox;
let nowMs = Date.UTC(2032, 6, 12, 9, 0);
const clock: Clock = { now: () => new Date(nowMs), offsetMs: () => 0 };
const minute = 60_000;

beforeAll(async () => {
  [database, sandbox] = await Promise.all([createTestDatabase(), startSandbox()]);
});
afterAll(async () => {
  await database?.close();
  await sandbox?.close();
});

function deps(): PublishDeps {
  return testPublishDeps({ database, clock, api: testOutbound(sandbox).api });
}

const readPlacement = async (id: string) =>
  (
    await database.withSystem('test read', (tx) =>
      tx.select().from(placements).where(eq(placements.id, id)),
    )
  )[0]!;

/** Runs the lifetime out and settles: the channel's reputation counters take the placement. */
async function settle(placementId: string) {
  const row = await readPlacement(placementId);
  nowMs = row.deleteAt!.getTime() + minute;
  await finishPlacement(deps(), placementId);
  const settled = await settlePlacement(database, placementId, clock.now());
  expect(settled.ok).toBe(true);
  const [channel] = await database.withSystem('test read', (tx) =>
    tx.select().from(channels).where(eq(channels.id, row.channelId)),
  );
  const card = await loadCatalogCard(database, { channelId: row.channelId }, clock.now());
  return { channel: channel!, onTimeRate: card?.reputation.onTimeRate };
}

/** The placement's delay and its single 'late' record. */
async function expectLate(placementId: string, delaySeconds: number, cause: string) {
  const row = await readPlacement(placementId);
  expect(row.delaySeconds).toBe(delaySeconds);
  expect(row.violations).toEqual([
    expect.objectContaining({ kind: 'late', detail: { delaySeconds, cause } }),
  ]);
}

/** A late attempt asks the advertiser instead of posting; they answer «post it now» and it posts. */
async function postLateWithConsent(placementId: string, advertiser: string, chatId: number) {
  expect(await publishPlacement(deps(), placementId)).toBe('asked');
  expect(sandbox.emulator.messages(chatId)).toHaveLength(0);
  const answer = await decideLateOffer(
    database,
    { accountId: advertiser, placementId, choice: 'publish_now' },
    clock,
  );
  expect(answer.ok).toBe(true);
  expect(await publishPlacement(deps(), placementId)).toBe('published');
  expect(sandbox.emulator.messages(chatId)).toHaveLength(1);
}

/**
 * The first attempt, `firstAttemptMs` after the slot, finds the bot without rights; the owner
 * restores them and the retry 5 minutes later, now late, posts once the advertiser agrees.
 */
async function postedAfterRightsRestored(firstAttemptMs: number): Promise<string> {
  const { placement, chatId, advertiser } = await makeScheduledPlacement(
    database,
    sandbox,
    clock,
    '1/24',
  );
  sandbox.emulator.setBotRights(chatId, { can_post_messages: false });
  nowMs = placement.dueAt.getTime() + firstAttemptMs;
  expect(await publishPlacement(deps(), placement.id)).toBe('retry');
  sandbox.emulator.setBotRights(chatId, allBotRights);
  nowMs += 5 * minute;
  await postLateWithConsent(placement.id, advertiser, chatId);
  return placement.id;
}

describe('whose a late post is', () => {
  it('the platform ran the publication 10 minutes late: delay recorded, the channel stays on time', async () => {
    const { placement, chatId, advertiser } = await makeScheduledPlacement(
      database,
      sandbox,
      clock,
      '1/24',
    );
    nowMs = placement.dueAt.getTime() + 10 * minute;
    await postLateWithConsent(placement.id, advertiser, chatId);
    await expectLate(placement.id, 600, 'platform');

    const { channel, onTimeRate } = await settle(placement.id);
    expect(channel).toMatchObject({ publishedCount: 1, onTimeCount: 1, lateCount: 0 });
    expect(onTimeRate).toBe(100);
  });

  it('the bot lost its rights at the slot and waited for the owner: late, and it counts', async () => {
    const placementId = await postedAfterRightsRestored(0);
    await expectLate(placementId, 300, 'channel');

    const { channel, onTimeRate } = await settle(placementId);
    expect(channel).toMatchObject({ publishedCount: 1, onTimeCount: 0, lateCount: 1 });
    expect(onTimeRate).toBe(0);
  });

  it('rights missing only when the platform was already late: still the platform’s delay', async () => {
    const placementId = await postedAfterRightsRestored(8 * minute);
    await expectLate(placementId, 780, 'platform');
    expect((await settle(placementId)).channel).toMatchObject({ onTimeCount: 1, lateCount: 0 });
  });

  it('delayCause: a refusal inside the 2 on-time minutes is the channel’s, a later one is not', () => {
    const due = new Date(Date.UTC(2032, 0, 1, 12));
    const after = (s: number) => new Date(due.getTime() + s * 1000);
    expect(delayCause(due, null)).toBe('platform');
    expect(delayCause(due, after(0))).toBe('channel');
    expect(delayCause(due, after(120))).toBe('channel');
    expect(delayCause(due, after(121))).toBe('platform');
  });
});

describe('two runs of one publication (a lock taken over from a run still alive)', () => {
  it('both may claim it, only one may send', async () => {
    const { placement } = await makeScheduledPlacement(database, sandbox, clock, '1/24');
    nowMs = placement.dueAt.getTime();
    expect((await claimPlacement(database, placement.id, clock)).kind).toBe('go');
    expect((await claimPlacement(database, placement.id, clock)).kind).toBe('go');
    expect(await markSendStarted(database, placement.id, clock)).toBe(true);
    expect(await markSendStarted(database, placement.id, clock)).toBe(false);
  });

  it('run side by side, they post once', async () => {
    const { placement, chatId } = await makeScheduledPlacement(database, sandbox, clock, '1/24');
    nowMs = placement.dueAt.getTime();
    const outcomes = await Promise.all([
      publishPlacement(deps(), placement.id),
      publishPlacement(deps(), placement.id),
    ]);
    expect(outcomes).toContain('published');
    expect(sandbox.emulator.messages(chatId)).toHaveLength(1);
    expect((await readPlacement(placement.id)).status).toBe('published');
  });
});
