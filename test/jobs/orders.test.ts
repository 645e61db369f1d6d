import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config.js';
import { createJobs } from '../../jobs/index.js';
import { expireHoldsJob } from '../../jobs/orders.js';
import { createTestClock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { createLogger } from '../../models/logger.js';
import { holdSlot } from '../../models/orders/hold-slot.js';
import { advanceTestClock } from '../../models/platform/test-clock.js';
import { orders, slots } from '../../models/schema.js';
import { createTestDatabase } from '../helpers/db.js';
import { startSandbox, type Sandbox } from '../helpers/sandbox.js';
import { makeAccount } from '../factories/accounts.js';
import { makeChannel } from '../factories/channels.js';
import { testOutbound } from '../helpers/outbound.js';

describe('orders.expire-holds job', () => {
  let database: Database;
  let sandbox: Sandbox;
  beforeAll(async () => {
    [database, sandbox] = await Promise.all([createTestDatabase(), startSandbox()]);
  });
  afterAll(async () => {
    await database.close();
    await sandbox.close();
  });

  it('frees a hold 16 platform minutes later, marks the order expired and tells the advertiser', async () => {
    const clock = createTestClock();
    const startsAt = new Date(Math.ceil((Date.now() + 2 * 86_400_000) / 3_600_000) * 3_600_000);
    const seller = await makeChannel(database, { slots: [startsAt] });
    const anna = sandbox.user({ first_name: 'Anna', language_code: 'en' });
    anna.send('/start');
    const advertiser = (await makeAccount(database, { telegramId: anna.id })).id;
    const held = await holdSlot(
      database,
      { accountId: advertiser, channelId: seller.id, startsAt, format: '1/24' },
      clock,
    );
    if (!held.ok) throw new Error(held.code);
    const parsed = parseConfig({
      DATABASE_URL: database.url,
      TEST_CLOCK: 'on',
      BOT_TOKEN: sandbox.token,
      TELEGRAM_API_ROOT: sandbox.apiRoot,
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const logger = createLogger({ level: 'silent' });
    const outbound = testOutbound(parsed.value, { logger });
    const jobs = createJobs({ config: parsed.value, database, logger, clock, outbound });
    await jobs.start();
    try {
      const recurring = await jobs.agenda.queryJobs({ name: expireHoldsJob });
      expect(recurring.jobs).toHaveLength(1);
      const readOrder = async () =>
        (
          await database.withScope({ accountId: advertiser }, (tx) =>
            tx.select().from(orders).where(eq(orders.id, held.value.orderId)),
          )
        )[0];
      await advanceTestClock({ database, clock, logger }, 10);
      expect((await readOrder())?.status).toBe('held');
      await advanceTestClock({ database, clock, logger }, 6);
      const deadline = Date.now() + 15_000;
      while ((await readOrder())?.status !== 'expired' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect((await readOrder())?.status).toBe('expired');
      const [slot] = await database.withScope({ workspaceId: seller.workspaceId }, (tx) =>
        tx.select().from(slots).where(eq(slots.channelId, seller.id)),
      );
      expect(slot).toMatchObject({
        status: 'free',
        orderId: null,
        holdExpiresAt: null,
        format: null,
      });
    } finally {
      await jobs.stop();
    }
  });
});
