import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config.js';
import { createJobs, type Jobs } from '../../jobs/index.js';
import type { Clock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { createLogger } from '../../models/logger.js';
import { placements } from '../../models/schema.js';
import { createTestDatabase } from '../helpers/db.js';
import { startSandbox, type Sandbox } from '../helpers/sandbox.js';
import { testOutbound } from '../helpers/outbound.js';
import { makeScheduledPlacement } from '../factories/sandbox-placements.js';

/**
 * The jobs process died right after taking a publication (its Agenda lock stays behind). The
 * restarted process re-runs it within the placement jobs' short lock, so the post is not late.
 */
describe('a publication whose jobs process died, after a restart', () => {
  let database: Database;
  let sandbox: Sandbox;
  let jobs: Jobs | undefined;
  let offsetMs = 0;
  const clock: Clock = { now: () => new Date(Date.now() + offsetMs), offsetMs: () => 0 };
  beforeAll(async () => {
    [database, sandbox] = await Promise.all([createTestDatabase(), startSandbox()]);
  });
  afterAll(async () => {
    await jobs?.stop();
    await database?.close();
    await sandbox?.close();
  });

  it('is re-run 30 s after the crash, not minutes later: posted once, on time', async () => {
    const { placement, chatId } = await makeScheduledPlacement(database, sandbox, clock, '1/24');
    // Platform time: 32 s after the slot. The dead process locked the job at the slot and had
    // claimed the placement, without sending yet.
    offsetMs = placement.dueAt.getTime() + 32_000 - Date.now();
    await database.db.execute(sql`
      update agenda_jobs
         set next_run_at = now() - interval '32 seconds',
             locked_at = now() - interval '31 seconds',
             last_modified_by = 'lytslot-dead'
       where name = 'placements.publish' and data->>'placementId' = ${placement.id}`);
    await database.withSystem('test: claimed, then the process died', (tx) =>
      tx.update(placements).set({ status: 'publishing' }).where(eq(placements.id, placement.id)),
    );

    const parsed = parseConfig({ BOT_TOKEN: sandbox.token, TELEGRAM_API_ROOT: sandbox.apiRoot });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const logger = createLogger({ level: 'silent' });
    jobs = createJobs({
      config: parsed.value,
      database,
      logger,
      clock,
      outbound: testOutbound(parsed.value, { logger }),
    });
    const startedAt = Date.now();
    await jobs.start();
    const read = async () =>
      (
        await database.withSystem('test read', (tx) =>
          tx.select().from(placements).where(eq(placements.id, placement.id)),
        )
      )[0]!;
    while ((await read()).status !== 'published') {
      if (Date.now() - startedAt > 15_000) throw new Error('the publication was not re-run');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const row = await read();
    expect(sandbox.emulator.messages(chatId)).toHaveLength(1);
    expect(row.delaySeconds).toBeLessThanOrEqual(120);
    expect(row.violations).toEqual([]);
  }, 40_000);
});
