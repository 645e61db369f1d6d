import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config.js';
import { createJobs, type Jobs } from '../../jobs/index.js';
import { createTestClock, type TestClock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { createLogger } from '../../models/logger.js';
import { advanceTestClock } from '../../models/platform/test-clock.js';
import { placements } from '../../models/schema.js';
import { scheduleProbes } from '../../models/verification/schedule-probes.js';
import { readViolations } from '../../models/verification/violations.js';
import { createTestDatabase } from '../helpers/db.js';
import { startSandbox, type Sandbox } from '../helpers/sandbox.js';
import { seedPublishedPlacement } from '../models/verification/seed-placement.js';

describe('verify.probe and verify.pin-check jobs', () => {
  const logger = createLogger({ level: 'silent' });
  let database: Database;
  let sandbox: Sandbox;
  let clock: TestClock;
  let jobs: Jobs;
  beforeAll(async () => {
    clock = createTestClock();
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
  });
  afterAll(async () => {
    await jobs.stop();
    await database.close();
    await sandbox.close();
  });

  const read = async (id: string) => {
    const [row] = await database.withSystem('test read', (tx) =>
      tx.select().from(placements).where(eq(placements.id, id)),
    );
    if (!row) throw new Error('no placement');
    return row;
  };
  const advance = (minutes: number) => advanceTestClock({ database, clock, logger }, minutes);

  it('the owner deletes a pinned ad mid-lifetime: the pin check and then a probe detect it on the test clock', async () => {
    const p = await seedPublishedPlacement(database, sandbox, clock, { pinHours: 12 });
    const row = await read(p.placementId);
    if (!row.publishedAt) throw new Error('not published');
    // random 0.5 ⇒ probes at 4 h, 12 h, 20 h; pin checks at 2 h, 6 h, 10 h.
    const plan = await scheduleProbes(
      jobs.scheduleAt,
      { ...row, publishedAt: row.publishedAt },
      () => 0.5,
    );
    expect(plan.probes).toHaveLength(3);
    await advance(5 * 60);
    expect((await read(p.placementId)).probeResults).toMatchObject([
      { kind: 'pin', outcome: 'present' },
      { kind: 'exists', outcome: 'present' },
    ]);
    sandbox.emulator.deleteChannelPost(p.chatId, p.messageId);
    await advance(20 * 60);
    const after = await read(p.placementId);
    // The 6 h pin check sees no pin (pin_removed; the 10 h one only records 'missing'), the 12 h
    // probe finds the post gone (early_deletion); the 20 h probe is skipped: the post is gone.
    expect(readViolations(after.violations).map((v) => v.kind)).toEqual([
      'pin_removed',
      'early_deletion',
    ]);
    expect(after.probeResults).toMatchObject([
      { kind: 'pin', outcome: 'present' },
      { kind: 'exists', outcome: 'present' },
      { kind: 'pin', outcome: 'missing' },
      { kind: 'pin', outcome: 'missing' },
      { kind: 'exists', outcome: 'missing' },
    ]);
    expect(after.deletedAt).not.toBeNull();
    expect(sandbox.emulator.messages(sandbox.ids.verifyChatId)).toEqual([]);
  });
});
