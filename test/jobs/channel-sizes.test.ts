import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureChannelSizesJob, memberCountOn } from '../../jobs/channel-sizes.js';
import type { Jobs } from '../../jobs/index.js';
import { measureChannelSizes } from '../../models/channels/measure-channel-sizes.js';
import {
  channelLocalDay,
  membersEventKind,
  recordMemberCount,
} from '../../models/channels/member-counts.js';
import { createTestClock, type TestClock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { advanceTestClock } from '../../models/platform/test-clock.js';
import { channels, events } from '../../models/schema.js';
import { channelGrowth, readChannelSizeSeries } from '../../models/stats/channel-size.js';
import { makeChannel, type MadeChannel } from '../factories/channels.js';
import { capturedLogger } from '../helpers/captured-logger.js';
import { createTestDatabase } from '../helpers/db.js';
import { testOutbound } from '../helpers/outbound.js';
import { startSandboxJobs } from '../helpers/jobs-world.js';
import { startSandbox, type Sandbox } from '../helpers/sandbox.js';

const dayMs = 86_400_000;
const timezone = 'Europe/Moscow';
const measuredLine = 'channel sizes measured';
const lostLine = 'channel size not measured: the bot has no access';

describe('channels.measure-size job', () => {
  let database: Database;
  let sandbox: Sandbox;
  let clock: TestClock;
  let jobs: Jobs | undefined;
  const log = capturedLogger();
  const made: Record<'growing' | 'paused' | 'blocked' | 'lost', MadeChannel> = {} as never;
  const chats: Record<keyof typeof made, number> = {} as never;

  /** An emulator channel of Olga's with the bot as admin and `subscribers` uncounted members. */
  const channelWithBot = (title: string, subscribers: number) => {
    const { id } = sandbox.emulator.createChannel({
      title,
      ownerId: sandbox.ids.ownerId,
      subscribers,
    });
    sandbox.owner().channel(id).addBot({ can_post_messages: true });
    return id;
  };

  beforeAll(async () => {
    // Platform time: the next 09:00 UTC two days on, noon in Moscow (no midnight near the runs).
    const now = Date.now();
    const target = Math.ceil((now + 2 * dayMs) / dayMs) * dayMs + 9 * 3_600_000;
    clock = createTestClock(target - now);
    [database, sandbox] = await Promise.all([createTestDatabase(), startSandbox({ clock })]);
    chats.growing = channelWithBot('Growing', 1_200);
    chats.paused = channelWithBot('Paused', 500);
    chats.blocked = channelWithBot('Blocked', 300);
    chats.lost = channelWithBot('Lost', 800);
    sandbox.owner().channel(chats.lost).removeBot();
    const statuses = { growing: 'active', paused: 'paused', blocked: 'blocked', lost: 'active' };
    for (const key of Object.keys(chats) as (keyof typeof chats)[])
      made[key] = await makeChannel(database, {
        title: key,
        telegramChatId: chats[key],
        status: statuses[key] as 'active',
        subscribers: 1_000,
        settings: { timezone },
      });
  }, 60_000);
  afterAll(async () => {
    await jobs?.stop();
    await database?.close();
    await sandbox?.close();
  });

  const waitForRuns = async (runs: number) => {
    const deadline = Date.now() + 20_000;
    while (log.count(measuredLine) < runs && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(log.count(measuredLine)).toBe(runs);
  };
  const samplesOf = (channel: MadeChannel) =>
    database.withScope({ workspaceId: channel.workspaceId }, (tx) =>
      tx
        .select({ kind: events.kind, value: events.value, data: events.data })
        .from(events)
        .where(eq(events.channelId, channel.id))
        .orderBy(events.occurredAt),
    );
  const subscribersOf = async (channel: MadeChannel) => {
    const [row] = await database.withScope({ workspaceId: channel.workspaceId }, (tx) =>
      tx
        .select({ subscribers: channels.subscribers })
        .from(channels)
        .where(eq(channels.id, channel.id)),
    );
    return row?.subscribers;
  };
  const seriesOf = (channel: MadeChannel, from: string, to: string) =>
    database.withScope({ workspaceId: channel.workspaceId }, (tx) =>
      readChannelSizeSeries(
        tx,
        { id: channel.id, workspaceId: channel.workspaceId, timezone },
        { from, to },
      ),
    );

  it('records each active and paused channel once per local day, skips a lost one with one warning a day, and reads the series back', async () => {
    const firstDay = channelLocalDay(timezone, clock.now());
    jobs = await startSandboxJobs({ database, sandbox, clock, logger: log.logger });
    await waitForRuns(1); // `every` runs the job once at start

    // Olga's 1 200 + herself + the bot; the catalog's number follows.
    expect(await samplesOf(made.growing)).toEqual([
      { kind: membersEventKind, value: 1_202, data: { day: firstDay } },
    ]);
    expect(await subscribersOf(made.growing)).toBe(1_202);
    expect(await samplesOf(made.paused)).toEqual([
      { kind: 'members', value: 502, data: { day: firstDay } },
    ]);
    expect(await samplesOf(made.blocked)).toEqual([]);
    expect(await subscribersOf(made.blocked)).toBe(1_000);
    expect(await samplesOf(made.lost)).toEqual([]);
    expect(await subscribersOf(made.lost)).toBe(1_000);
    expect(log.count(lostLine)).toBe(1);
    expect(log.lines.find((l) => l.msg.startsWith(lostLine))).toMatchObject({
      channelId: made.lost.id,
      day: firstDay,
      errorCode: 403,
    });

    // The channel grows; a re-run the same day and a second process add nothing, warn no more.
    sandbox.emulator.chat(chats.growing).extraMemberCount = 1_300;
    await jobs.agenda.now(measureChannelSizesJob, {});
    await waitForRuns(2);
    const secondProcess = await measureChannelSizes(
      database,
      memberCountOn(testOutbound(sandbox).api),
      () => clock.now(),
      { batchSize: 2 },
    );
    expect(secondProcess).toMatchObject({
      channels: 3,
      batches: 2,
      recorded: 0,
      alreadyMeasured: 2,
    });
    expect(secondProcess.skipped).toMatchObject([
      { channelId: made.lost.id, reason: 'lost_access', errorCode: 403 },
    ]);
    expect(await samplesOf(made.growing)).toHaveLength(1);
    expect(await subscribersOf(made.growing)).toBe(1_202);
    expect(log.count(lostLine)).toBe(1);

    // The next day the daily run measures again: two samples, growth first → last.
    await advanceTestClock({ database, clock, logger: log.logger }, 24 * 60);
    await waitForRuns(3);
    const secondDay = channelLocalDay(timezone, clock.now());
    expect(secondDay).not.toBe(firstDay);
    const series = await seriesOf(made.growing, firstDay, secondDay);
    expect(series.map(({ day, subscribers }) => ({ day, subscribers }))).toEqual([
      { day: firstDay, subscribers: 1_202 },
      { day: secondDay, subscribers: 1_302 },
    ]);
    expect(channelGrowth(series)).toMatchObject({
      from: { day: firstDay, subscribers: 1_202 },
      to: { day: secondDay, subscribers: 1_302 },
      change: 100,
    });
    expect(await subscribersOf(made.growing)).toBe(1_302);
    expect((await seriesOf(made.growing, secondDay, secondDay)).map((p) => p.subscribers)).toEqual([
      1_302,
    ]);
    expect(await seriesOf(made.lost, firstDay, secondDay)).toEqual([]);
    expect(channelGrowth([])).toBeUndefined();
    expect(log.count(lostLine)).toBe(2); // one warning per channel per local day
  });

  it('records one sample when two writers race for the same channel and day', async () => {
    const { id: channelId, workspaceId } = made.blocked;
    const at = clock.now();
    const write = (count: number) =>
      database.withScope({ workspaceId }, (tx) =>
        recordMemberCount(tx, {
          channelId,
          workspaceId,
          count,
          day: channelLocalDay(timezone, at),
          at,
        }),
      );
    const outcomes = await Promise.all([write(301), write(302)]);
    expect([...outcomes].sort()).toEqual([false, true]);
    const samples = await samplesOf(made.blocked);
    expect(samples).toHaveLength(1);
    expect(await subscribersOf(made.blocked)).toBe(samples[0]!.value);
  });
});
