import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewCardJob } from '../../messages/review-card.js';
import { createTestClock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { createLogger } from '../../models/logger.js';
import { accounts, orders } from '../../models/schema.js';
import { makeOrder } from '../factories/orders.js';
import { runScript } from '../helpers/child-process.js';
import { startSandboxJobs } from '../helpers/jobs-world.js';
import { createTestDatabase } from '../helpers/db.js';
import { deliverEvents } from '../helpers/outbox.js';
import { startSandbox, type Sandbox } from '../helpers/sandbox.js';

const child = new URL('./review-card-crash-child.ts', import.meta.url);

/**
 * The process that recorded a payment dies right after its transaction committed — where the bot
 * used to send the owner's review card itself — and the card still arrives, once, from the outbox.
 */
describe('the owner’s review card survives a crash right after the payment', () => {
  let database: Database;
  let sandbox: Sandbox;
  const clock = createTestClock();
  const logger = createLogger({ level: 'silent' });
  beforeAll(async () => {
    [database, sandbox] = await Promise.all([createTestDatabase(), startSandbox({ clock })]);
  });
  afterAll(async () => {
    await database?.close();
    await sandbox?.close();
  });

  const cardJobs = async (orderId: string) =>
    (
      await database.db.execute<{ n: number }>(
        sql`select count(*)::int as n from agenda_jobs where name = ${reviewCardJob}
            and data->>'orderId' = ${orderId}`,
      )
    ).rows[0]!.n;

  it('SIGKILL after the payment is recorded: the owner gets the card once after the restart', async () => {
    const order = await makeOrder(database, {
      at: clock.now(),
      channelOverrides: {
        title: 'Crash-proof coffee',
        settings: { review: { mode: 'manual', deadlineHours: 24 } },
      },
    });
    // The owner has started the bot, so Telegram lets it write to them.
    const olga = sandbox.user({ first_name: 'Olga' });
    olga.send('/start');
    await database.withSystem('test: owner in the chat', (tx) =>
      tx
        .update(accounts)
        .set({ telegramId: olga.id, language: 'en' })
        .where(eq(accounts.id, order.ownerAccountId)),
    );
    const exit = await runScript(child, {
      CARD_DATABASE_URL: database.url,
      CARD_NOW_MS: String(clock.now().getTime()),
      CARD_ADVERTISER_ID: order.advertiserAccountId,
      CARD_ORDER_ID: order.orderId,
    });
    expect(exit.signal).toBe('SIGKILL');
    const [row] = await database.withSystem('test read', (tx) =>
      tx.select({ status: orders.status }).from(orders).where(eq(orders.id, order.orderId)),
    );
    expect(row!.status).toBe('in_review');
    expect(await cardJobs(order.orderId)).toBe(0);

    // The jobs process (up, or restarted): its dispatcher queues the card and the job sends it.
    const jobs = await startSandboxJobs({ database, sandbox, clock, logger });
    try {
      const card = await olga.waitForMessage(/New order to review/, { timeoutMs: 15_000 });
      expect(card.text).toContain('Crash-proof coffee');
    } finally {
      await jobs.stop();
    }
    expect(await deliverEvents(database)).toBe(0);
    expect(await cardJobs(order.orderId)).toBe(1);
    const cards = olga
      .messages()
      .filter((m) => /New order to review/.test((m as { text?: string }).text ?? ''));
    expect(cards).toHaveLength(1);
    // The creative preview came first, as published.
    const texts = olga.messages().map((m) => (m as { text?: string }).text ?? '');
    expect(texts.filter((t) => t.includes('Fresh coffee every morning'))).toHaveLength(1);
  }, 60_000);
});
