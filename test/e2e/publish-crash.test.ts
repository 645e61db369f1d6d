import { eq } from 'drizzle-orm';
import { Api } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishPlacement } from '../../jobs/publish.js';
import type { Clock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { placements } from '../../models/schema.js';
import { runScript } from '../helpers/child-process.js';
import { createTestDatabase } from '../helpers/db.js';
import { startSandbox, type Sandbox } from '../helpers/sandbox.js';
import { makeScheduledPlacement } from '../factories/sandbox-placements.js';
import { testPublishDeps } from '../helpers/publish-deps.js';

const child = new URL('./publish-crash-child.ts', import.meta.url);

describe('the jobs process killed between sending and recording', () => {
  let database: Database;
  let sandbox: Sandbox;
  let nowMs = Date.UTC(2033, 1, 7, 9, 0);
  const clock: Clock = { now: () => new Date(nowMs), offsetMs: () => 0 };
  beforeAll(async () => {
    [database, sandbox] = await Promise.all([createTestDatabase(), startSandbox()]);
  });
  afterAll(async () => {
    await database?.close();
    await sandbox?.close();
  });

  it('SIGKILL after the post: never a second post, the placement waits for review', async () => {
    const { placement, chatId } = await makeScheduledPlacement(database, sandbox, clock, '1/24');
    nowMs = placement.dueAt.getTime();
    const exit = await runScript(child, {
      CRASH_DATABASE_URL: database.url,
      CRASH_NOW_MS: String(nowMs),
      CRASH_BOT_TOKEN: sandbox.token,
      CRASH_API_ROOT: sandbox.apiRoot,
      CRASH_PLACEMENT_ID: placement.id,
    });
    expect(exit.signal).toBe('SIGKILL');
    expect(sandbox.emulator.messages(chatId)).toHaveLength(1);
    const read = async () =>
      (
        await database.withSystem('test read', (tx) =>
          tx.select().from(placements).where(eq(placements.id, placement.id)),
        )
      )[0]!;
    const orphan = await read();
    expect(orphan.status).toBe('publishing');
    expect(orphan.sendStartedAt).not.toBeNull();

    // The restarted jobs process takes the job again (its lock expired).
    const outcome = await publishPlacement(
      testPublishDeps({
        database,
        clock,
        api: new Api(sandbox.token, { apiRoot: sandbox.apiRoot }),
      }),
      placement.id,
    );
    expect(outcome).toBe('needs_review');
    expect((await read()).status).toBe('needs_review');
    expect(sandbox.emulator.messages(chatId)).toHaveLength(1);
  }, 60_000);
});
