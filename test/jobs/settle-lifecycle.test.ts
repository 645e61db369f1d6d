import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config.js';
import { createJobs, type Jobs } from '../../jobs/index.js';
import { createTestClock, type TestClock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { balanceOf } from '../../models/ledger/queries.js';
import { createLogger } from '../../models/logger.js';
import { advanceTestClock } from '../../models/platform/test-clock.js';
import { channels, orders, payments, placements } from '../../models/schema.js';
import { createTestDatabase } from '../helpers/db.js';
import { startSandbox, type Sandbox } from '../helpers/sandbox.js';
import { seedScheduledPlacement } from '../models/placements/seed-placement.js';

/**
 * A whole ad lifecycle on the test clock with the jobs process and the emulator: published at its
 * slot, deleted at the end, settled 80/20; the owner's balance and the platform's revenue are the
 * ledger's. Then the owner deletes a post mid-lifetime: a probe catches it, the broken part is
 * credited back to the advertiser and the channel's reputation records the early deletion.
 */
describe('settlement through the jobs process and the test clock', () => {
  let database: Database;
  let sandbox: Sandbox;
  let jobs: Jobs;
  const clock: TestClock = createTestClock();
  const logger = createLogger({ level: 'silent' });

  beforeAll(async () => {
    [database, sandbox] = await Promise.all([createTestDatabase(), startSandbox({ clock })]);
    const parsed = parseConfig({
      DATABASE_URL: database.url,
      TEST_CLOCK: 'on',
      BOT_TOKEN: sandbox.token,
      TELEGRAM_API_ROOT: sandbox.apiRoot,
      VERIFY_CHAT_ID: String(sandbox.ids.verifyChatId),
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    jobs = createJobs({ config: parsed.value, database, logger, clock });
    await jobs.start();
  }, 60_000);
  afterAll(async () => {
    await jobs?.stop();
    await database?.close();
    await sandbox?.close();
  });

  const advanceTo = async (at: Date) => {
    const minutes = Math.ceil((at.getTime() - clock.now().getTime()) / 60_000);
    if (minutes > 0) await advanceTestClock({ database, clock, logger }, minutes);
  };
  const read = (orderId: string, placementId: string, workspaceId: string, advertiser: string) =>
    database.withSystem('test read', async (tx) => ({
      order: (await tx.select().from(orders).where(eq(orders.id, orderId)))[0]!,
      placement: (await tx.select().from(placements).where(eq(placements.id, placementId)))[0]!,
      payment: (await tx.select().from(payments).where(eq(payments.orderId, orderId)))[0]!,
      owner: await balanceOf(tx, `owner:${workspaceId}`, 'XTR'),
      fees: await balanceOf(tx, 'platform:fees', 'XTR'),
      escrow: await balanceOf(tx, 'escrow', 'XTR'),
      advertiser: await balanceOf(tx, `advertiser:${advertiser}`, 'XTR'),
    }));

  it('a clean 1/24: posted, deleted after 24 h, settled 80/20 into the owner balance and platform fees', async () => {
    const { placement, seeded, advertiser } = await seedScheduledPlacement(
      database,
      sandbox,
      clock,
      '1/24',
    );
    const before = await read(seeded.orderId, placement.id, seeded.workspaceId, advertiser);
    const stars = before.payment.amount;
    await advanceTo(new Date(placement.dueAt.getTime() + 60_000));
    const live = await read(seeded.orderId, placement.id, seeded.workspaceId, advertiser);
    expect(live.placement.status).toBe('published');
    await advanceTo(new Date(live.placement.deleteAt!.getTime() + 2 * 60_000));
    const after = await read(seeded.orderId, placement.id, seeded.workspaceId, advertiser);
    expect(after.placement.status).toBe('completed');
    expect(after.order.status).toBe('completed');
    const fee = Math.floor((stars * 20 + 50) / 100);
    expect(after.owner - before.owner).toBe(-(stars - fee));
    expect(after.fees - before.fees).toBe(-fee);
    expect(after.escrow - before.escrow).toBe(stars);
    expect(after.advertiser).toBe(0);
    expect(after.payment.details).toMatchObject({
      settlement: { owner: stars - fee, fee, credited: 0 },
    });
  }, 120_000);

  it('deleted by the owner mid-lifetime: probe detects it, the rest is credited back, reputation hit', async () => {
    const { placement, seeded, advertiser, chatId } = await seedScheduledPlacement(
      database,
      sandbox,
      clock,
      '1/24',
    );
    const stars = (await read(seeded.orderId, placement.id, seeded.workspaceId, advertiser)).payment
      .amount;
    await advanceTo(new Date(placement.dueAt.getTime() + 60_000));
    const live = await read(seeded.orderId, placement.id, seeded.workspaceId, advertiser);
    const before = live;
    sandbox.emulator.deleteChannelPost(chatId, live.placement.messageIds[0]!);
    await advanceTo(new Date(live.placement.deleteAt!.getTime() + 2 * 60_000));
    const after = await read(seeded.orderId, placement.id, seeded.workspaceId, advertiser);
    expect(after.placement.violations).toMatchObject([{ kind: 'early_deletion' }]);
    expect(after.order.status).toBe('completed');
    const credited = -after.advertiser;
    expect(credited).toBeGreaterThan(0);
    expect(credited).toBeLessThanOrEqual(stars);
    const settled = stars - credited;
    const fee = Math.floor((settled * 20 + 50) / 100);
    expect(after.owner - before.owner).toBe(-(settled - fee));
    expect(after.fees - before.fees).toBe(-fee);
    const [channel] = await database.withSystem('test read', (tx) =>
      tx.select().from(channels).where(eq(channels.id, seeded.channelId)),
    );
    expect(channel).toMatchObject({ publishedCount: 1, earlyDeletionCount: 1, violationCount: 1 });
  }, 120_000);
});
