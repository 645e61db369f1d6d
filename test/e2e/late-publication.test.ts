import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createJobs, type Jobs } from '../../jobs/index.js';
import { createLogger } from '../../models/logger.js';
import { lateOfferTimeoutMs } from '../../models/placements/late-offer.js';
import { advanceTestClock } from '../../models/platform/test-clock.js';
import { placements, slots } from '../../models/schema.js';
import { formatMoment } from '../../format/dates.js';
import { lateMoveData } from '../../messages/callback-data/orders.js';
import {
  openInvoice,
  readOrderState,
  seedPeople,
  startCheckoutWorld,
  type CheckoutWorld,
} from '../bot/checkout/setup.js';
import { bindSandboxChannel } from '../factories/sandbox-placements.js';

/**
 * A post that would go out late is never posted silently: the jobs process is down at the slot (a
 * platform outage), and when it is back the advertiser is asked in the chat — post it now, or the
 * refund, which is also what happens without an answer.
 */
describe('a publication the platform would make late', () => {
  let world: CheckoutWorld;
  let jobs: Jobs;
  const logger = createLogger({ level: 'silent' });
  const advance = (minutes: number, settleTimeoutMs?: number) =>
    advanceTestClock(
      { database: world.database, clock: world.clock, logger },
      minutes,
      settleTimeoutMs === undefined ? {} : { settleTimeoutMs },
    );

  beforeAll(async () => {
    world = await startCheckoutWorld();
    jobs = createJobs(world.deps);
    await jobs.start();
  }, 60_000);
  afterAll(async () => {
    await jobs?.stop();
    await world?.close();
  });

  /** An auto-accepted order of two slots in an emulator channel, paid with Stars in the chat. */
  async function paidOrder() {
    const people = await seedPeople(world, { review: { mode: 'auto' } });
    const chatId = await bindSandboxChannel(
      world.database,
      world.sandbox,
      people.order.channelId,
      'Coffee late',
    );
    await openInvoice(people.advertiser);
    const paid = await people.advertiser.pay();
    if (!paid.ok) throw new Error('not paid');
    // The bot records the payment and schedules the order (auto-accept): its placements appear.
    const first = await vi.waitFor(
      async () => {
        const [row] = await world.database.withSystem('test read', (tx) =>
          tx
            .select()
            .from(placements)
            .where(eq(placements.orderId, people.order.orderId))
            .orderBy(placements.dueAt)
            .limit(1),
        );
        if (!row) throw new Error('not scheduled yet');
        return row;
      },
      { timeout: 15_000 },
    );
    return { ...people, chatId, chargeId: paid.value.chargeId, placement: first };
  }

  /** The jobs process is down from now until `minutesLate` after the slot, then starts again. */
  async function outageUntil(dueAt: Date, minutesLate: number) {
    await jobs.stop();
    const until = dueAt.getTime() + minutesLate * 60_000;
    await advance(Math.ceil((until - world.clock.now().getTime()) / 60_000), 100);
    jobs = createJobs(world.deps);
    await jobs.start();
  }

  const placementRow = async (id: string) =>
    (
      await world.database.withSystem('test read', (tx) =>
        tx.select().from(placements).where(eq(placements.id, id)),
      )
    )[0]!;

  it('asks the advertiser; «Post it now» posts it, the delay recorded as the platform’s', async () => {
    const { advertiser, chatId, placement } = await paidOrder();
    await outageUntil(placement.dueAt, 10);
    await advertiser.waitForMessage(
      /could not go out at the booked time: it is already 1\d minutes late/,
      {
        timeoutMs: 15_000,
      },
    );
    expect(world.sandbox.emulator.messages(chatId)).toHaveLength(0);
    expect(await placementRow(placement.id)).toMatchObject({
      status: 'scheduled',
      publishedAt: null,
    });

    await advertiser.click('▶️ Post it now');
    await advertiser.waitForMessage(/Posting your ad now/);
    await vi.waitFor(() => expect(world.sandbox.emulator.messages(chatId)).toHaveLength(1), {
      timeout: 15_000,
    });
    await vi.waitFor(
      async () => expect((await placementRow(placement.id)).status).toBe('published'),
      {
        timeout: 15_000,
      },
    );
    const row = await placementRow(placement.id);
    expect(row.delaySeconds).toBeGreaterThanOrEqual(600);
    expect(row.violations).toEqual([
      expect.objectContaining({
        kind: 'late',
        detail: expect.objectContaining({ cause: 'platform' }),
      }),
    ]);
  }, 90_000);

  it('«Refund instead»: nothing is posted, the order is refunded in full, the owner is told', async () => {
    const { advertiser, owner, order, chatId, chargeId, placement } = await paidOrder();
    await outageUntil(placement.dueAt, 5);
    await advertiser.waitForMessage(/could not go out at the booked time/, { timeoutMs: 15_000 });
    await advertiser.click('💸 Refund instead');
    await advertiser.waitFor((m) => /Refunded: 1,540 ⭐/.test(m.text ?? ''), {
      timeoutMs: 15_000,
      what: 'the refund receipt',
    });
    await owner.waitForMessage(/the advertiser chose a refund instead of a late post/, {
      timeoutMs: 15_000,
    });
    const state = await readOrderState(world, order);
    expect(state.order.status).toBe('refunded');
    expect(state.escrow).toBe(0);
    expect(world.sandbox.emulator.world.charges.get(chargeId)?.refunded).toBe(true);
    expect(world.sandbox.emulator.messages(chatId)).toHaveLength(0);
  }, 90_000);

  it('«Another time»: the advertiser picks a free time of the channel; it goes out then, on time', async () => {
    const { advertiser, owner, chatId, placement } = await paidOrder();
    await outageUntil(placement.dueAt, 4);
    await advertiser.waitForMessage(/could not go out at the booked time/, { timeoutMs: 15_000 });
    const hour = 3_600_000;
    const later = new Date(Math.ceil(world.clock.now().getTime() / hour) * hour + 2 * hour);
    await world.database.withSystem('test seed: a free slot', (tx) =>
      tx.insert(slots).values({
        channelId: placement.channelId,
        workspaceId: placement.workspaceId,
        startsAt: later,
      }),
    );
    // The times replace the buttons right after the answer to the press; Back restores them.
    await advertiser.click('🗓 Another time');
    await vi.waitFor(() => advertiser.click('◀️ Back'), { timeout: 5_000 });
    await vi.waitFor(() => advertiser.click('🗓 Another time'), { timeout: 5_000 });
    const label = formatMoment(later, 'Europe/Moscow', 'en');
    await vi.waitFor(() => advertiser.click(label), { timeout: 5_000 });
    await advertiser.waitForMessage(new RegExp(`Moved: your ad goes out on ${label}`));
    await owner.waitForMessage(/the advertiser moved it to/, { timeoutMs: 15_000 });
    expect(await placementRow(placement.id)).toMatchObject({ status: 'scheduled', dueAt: later });
    // The old buttons are gone; the default at +30 min finds the offer closed.
    await expect(
      advertiser.click({ data: lateMoveData.pack({ placementId: placement.id, at: later }) }),
    ).rejects.toThrow(/No button/);
    await advance(Math.ceil((later.getTime() - world.clock.now().getTime()) / 60_000) + 1);
    await vi.waitFor(() => expect(world.sandbox.emulator.messages(chatId)).toHaveLength(1), {
      timeout: 15_000,
    });
    await vi.waitFor(
      async () => expect((await placementRow(placement.id)).status).toBe('published'),
      { timeout: 15_000 },
    );
    const row = await placementRow(placement.id);
    expect(row.delaySeconds).toBeLessThan(120);
    expect(row.violations).toEqual([]);
  }, 90_000);

  it('no answer within 30 minutes: the default is the refund, and a later press is told so', async () => {
    const { advertiser, owner, order, chatId, chargeId, placement } = await paidOrder();
    await outageUntil(placement.dueAt, 3);
    await advertiser.waitForMessage(/could not go out at the booked time/, { timeoutMs: 15_000 });
    await advance(lateOfferTimeoutMs / 60_000 - 1);
    expect((await readOrderState(world, order)).order.status).toBe('publishing');
    await advance(2);
    // The refund notice and the reason arrive in either order.
    const said = (pattern: RegExp) => (m: { text?: string }) => pattern.test(m.text ?? '');
    await advertiser.waitFor(said(/did not answer whether to post it late/), { timeoutMs: 15_000 });
    await advertiser.waitFor(said(/Refunded: 1,540 ⭐/), { timeoutMs: 15_000 });
    await owner.waitForMessage(/did not answer whether to post it late/, { timeoutMs: 15_000 });
    const state = await readOrderState(world, order);
    expect(state.order.status).toBe('refunded');
    expect(world.sandbox.emulator.world.charges.get(chargeId)?.refunded).toBe(true);
    const late = await advertiser.click('▶️ Post it now');
    expect(late).toMatchObject({ show_alert: true });
    expect(late.text).toMatch(/already been answered/);
    expect(world.sandbox.emulator.messages(chatId)).toHaveLength(0);
  }, 90_000);
});
