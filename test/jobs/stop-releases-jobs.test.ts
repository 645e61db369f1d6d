import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { enqueueNotification } from '../../messages/notification.js';
import { startJobsWorld, startSandboxJobs, type JobsWorld } from '../helpers/jobs-world.js';

/** Queued notices by state: taken by a worker but not started, and not yet sent at all. */
async function queueState(world: JobsWorld) {
  const { rows } = await world.database.db.execute<{ unstarted: string; waiting: string }>(sql`
    select
      count(*) filter (where locked_at is not null and last_run_at is null) as unstarted,
      count(*) filter (where last_finished_at is null) as waiting
    from agenda_jobs where name = 'notifications.send'`);
  return { unstarted: Number(rows[0]?.unstarted), waiting: Number(rows[0]?.waiting) };
}

describe('a jobs process that stops', () => {
  let world: JobsWorld;
  beforeAll(async () => {
    world = await startJobsWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('releases what it took but never started, so the next process sends it at once', async () => {
    const users = Array.from({ length: 8 }, (_, i) =>
      world.sandbox.user({ first_name: `Queued ${i}`, language_code: 'en' }),
    );
    for (const user of users) user.send('/start');
    const schedule = (name: string, data: Record<string, unknown>, at: Date) =>
      world.jobs.scheduleAt(name, data, at);
    const perUser = 3;
    for (let i = 0; i < perUser; i++)
      for (const user of users)
        await enqueueNotification(schedule, {
          telegramId: user.id,
          key: 'settle-refunded-advertiser',
          vars: { amount: i + 1, currency: 'XTR' },
        });
    // Stopped while it works through them (one message a second per chat).
    await vi.waitFor(() => expect(users[0]!.messages().some((m) => m.from?.is_bot)).toBe(true), {
      timeout: 10_000,
      interval: 20,
    });
    await world.jobs.stop(200);
    expect((await queueState(world)).unstarted).toBe(0);

    // A new process takes the rest at once, not after the 5-minute lock lifetime.
    const next = await startSandboxJobs({ ...world });
    try {
      await vi.waitFor(async () => expect((await queueState(world)).waiting).toBe(0), {
        timeout: 20_000,
        interval: 200,
      });
    } finally {
      await next.stop();
    }
    for (const user of users) {
      const amounts = user
        .messages()
        .filter((m) => m.from?.is_bot)
        .map((m) => /💸 (.+) refunded in full/.exec(m.text ?? '')?.[1]);
      expect(amounts.sort()).toEqual(['1 ⭐', '2 ⭐', '3 ⭐']);
    }
  }, 60_000);
});
