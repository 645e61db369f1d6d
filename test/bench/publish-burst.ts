import { randomBytes } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import { publishPlacement, type PublishDeps } from '../../jobs/publish.js';
import { testOutbound } from '../helpers/outbound.js';
import { createSystemClock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { createLogger } from '../../models/logger.js';
import { placements } from '../../models/schema.js';
import { createTestDatabase } from '../helpers/db.js';
import { startSandbox, type Sandbox } from '../helpers/sandbox.js';
import { median, num, ratio } from './report.js';
import type { Benchmark, Cell } from './types.js';

/** Telegram's overall limit the burst is measured against (≈30 messages/s per bot). */
const floorPerSecond = 30;
/** Agenda's concurrency for `placements.publish` (jobs/publish.ts). */
const publishConcurrency = 20;

/** `count` channels in the emulator, each with the bot as an admin that may post, pin and delete. */
function createChannels(sandbox: Sandbox, count: number): number[] {
  const owner = sandbox.owner();
  return Array.from({ length: count }, (_, i) => {
    const channel = owner.createChannel({ title: `Burst ${i}` });
    channel.addBot();
    return channel.id;
  });
}

/** One scheduled 1/24 placement per channel, all due at `dueAt` (bulk SQL through the system role). */
async function seedPlacements(database: Database, chatIds: number[], dueAt: Date) {
  return database.withSystem('bench: seed publish burst', async (tx) => {
    const base = 900_000_000 + Math.floor(Math.random() * 50_000_000);
    const accs = await tx.execute<{ id: string }>(sql`
      insert into accounts (telegram_id) values (${base}), (${base + 1}) returning id`);
    const [owner, advertiser] = accs.rows.map((r) => r.id);
    const ws = await tx.execute<{ id: string }>(
      sql`insert into workspaces (owner_account_id, title) values (${owner}, 'burst') returning id`,
    );
    const workspaceId = ws.rows[0]!.id;
    const ids = await tx.execute<{ id: string }>(sql`
      with ch as (
        insert into channels (workspace_id, telegram_chat_id, title, status, share_code)
        select ${workspaceId}::uuid, c, 'Burst ' || c, 'active', ${randomBytes(4).toString('hex')} || g
        from unnest(${`{${chatIds.join(',')}}`}::bigint[]) with ordinality as t(c, g)
        returning id),
      sl as (
        insert into slots (channel_id, workspace_id, starts_at, status, format)
        select id, ${workspaceId}::uuid, ${dueAt.toISOString()}::timestamptz, 'booked', '1/24' from ch
        returning id, channel_id),
      o as (
        insert into orders (workspace_id, advertiser_account_id, status, currency, subtotal, total)
        select ${workspaceId}::uuid, ${advertiser}::uuid, 'scheduled', 'RUB', 100000, 100000 from sl
        returning id),
      pairs as (
        select s.id as slot_id, s.channel_id, o.id as order_id
        from (select *, row_number() over () as n from sl) s
        join (select *, row_number() over () as n from o) o using (n)),
      it as (
        insert into order_items (order_id, workspace_id, advertiser_account_id, slot_id, channel_id, format, price)
        select order_id, ${workspaceId}::uuid, ${advertiser}::uuid, slot_id, channel_id, '1/24', 100000 from pairs),
      cr as (
        insert into creatives (order_id, workspace_id, advertiser_account_id, variant_index, content, buttons)
        select order_id, ${workspaceId}::uuid, ${advertiser}::uuid, 0,
          '{"kind":"text","text":"Fresh coffee every morning"}'::jsonb,
          '[[{"text":"Order","url":"https://example.com/coffee"}]]'::jsonb from pairs)
      insert into placements (order_id, slot_id, channel_id, workspace_id, advertiser_account_id, format, status, due_at)
      select order_id, slot_id, channel_id, ${workspaceId}::uuid, ${advertiser}::uuid, '1/24', 'scheduled',
        ${dueAt.toISOString()}::timestamptz from pairs
      returning id`);
    return ids.rows.map((r) => r.id);
  });
}

/** Runs `work` over `items` with at most `concurrency` at a time (Agenda's job concurrency). */
async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

interface BurstResult {
  seconds: number;
  published: number;
  flood429: number;
  calls: number;
  duplicates: number;
  lateness: number[];
}

/** Posts per channel beyond the first (the bot's own messages): must be 0. */
function duplicatesIn(sandbox: Sandbox, chatIds: number[]): number {
  return chatIds.reduce(
    (sum, id) => sum + Math.max(0, sandbox.emulator.messages(id).length - 1),
    0,
  );
}

/** The real publish path: P's publishPlacement per placement through the outbound gateway. */
async function burstThroughPublishJob(
  count: number,
  log: (m: string) => void,
): Promise<BurstResult> {
  const [sandbox, database] = await Promise.all([
    startSandbox({ floodLimits: true }),
    createTestDatabase({ poolSize: 10 }),
  ]);
  try {
    const chatIds = createChannels(sandbox, count);
    const clock = createSystemClock();
    const dueAt = new Date(Math.floor(clock.now().getTime() / 1000) * 1000 + 2000);
    const ids = await seedPlacements(database, chatIds, dueAt);
    log(`publish job: ${ids.length} placements seeded, due ${dueAt.toISOString()}`);
    const sender = testOutbound(sandbox);
    const deps: PublishDeps = {
      database,
      clock,
      logger: createLogger({ level: 'silent' }),
      api: sender.api,
      publicUrl: 'https://lytslot.test',
      refund: async () => {},
    };
    await new Promise((r) => setTimeout(r, Math.max(0, dueAt.getTime() - Date.now())));
    const started = performance.now();
    const outcomes = new Map<string, number>();
    await pool(ids, publishConcurrency, async (id) => {
      const outcome = await publishPlacement(deps, id);
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    });
    const seconds = (performance.now() - started) / 1000;
    log(`publish job: outcomes ${JSON.stringify(Object.fromEntries(outcomes))}`);
    const rows = await database.withSystem('bench: read placements', (tx) =>
      tx
        .select({ publishedAt: placements.publishedAt, dueAt: placements.dueAt })
        .from(placements)
        .where(inArray(placements.id, ids)),
    );
    const lateness = rows.flatMap((r) =>
      r.publishedAt ? [(r.publishedAt.getTime() - r.dueAt.getTime()) / 1000] : [],
    );
    return {
      seconds,
      published: lateness.length,
      flood429: sender.stats.flood429,
      calls: sender.stats.sent,
      duplicates: duplicatesIn(sandbox, chatIds),
      lateness,
    };
  } finally {
    await database.close();
    await sandbox.close();
  }
}

/** The outbound path alone: one sendMessage per channel, all queued at once through the sender. */
async function burstThroughSender(count: number): Promise<BurstResult> {
  const sandbox = await startSandbox({ floodLimits: true });
  try {
    const chatIds = createChannels(sandbox, count);
    const sender = testOutbound(sandbox);
    const started = performance.now();
    const lateness: number[] = [];
    await Promise.all(
      chatIds.map(async (id) => {
        await sender.api.sendMessage(id, 'Fresh coffee every morning');
        lateness.push((performance.now() - started) / 1000);
      }),
    );
    return {
      seconds: (performance.now() - started) / 1000,
      published: lateness.length,
      flood429: sender.stats.flood429,
      calls: sender.stats.sent,
      duplicates: duplicatesIn(sandbox, chatIds),
      lateness,
    };
  } finally {
    await sandbox.close();
  }
}

const row = (label: string, count: number, r: BurstResult): Cell[] => [
  label,
  `${r.published}/${count}`,
  num(r.seconds, 1),
  num(count / floorPerSecond, 1),
  ratio(r.seconds, count / floorPerSecond),
  r.calls,
  r.flood429,
  r.duplicates,
  r.lateness.length ? num(median(r.lateness), 1) : 'n/a',
  r.lateness.length ? num(Math.max(...r.lateness), 1) : 'n/a',
];

/**
 * 1 000 posts due in the same minute across 1 000 channels, the emulator's flood limits on: time
 * until the last is published vs the 30 msg/s floor, 429s, duplicates, median and worst lateness.
 */
export const publishBurstBenchmark: Benchmark = {
  name: 'publish-burst',
  summary: '1 000 due posts across 1 000 channels vs the 30 msg/s floor (flood limits on)',
  async run(context) {
    const count = context.quick ? 60 : 1000;
    const job = await burstThroughPublishJob(count, context.log);
    context.log(`publish job: last post after ${num(job.seconds, 1)} s`);
    const bare = await burstThroughSender(count);
    context.log(`sender only: last post after ${num(bare.seconds, 1)} s`);
    const floor = count / floorPerSecond;
    return {
      title: `${count} posts due at once, ${count} channels, emulator flood limits on`,
      columns: [
        'path',
        'published',
        'last (s)',
        'floor (s)',
        'ratio',
        'API calls',
        '429s',
        'duplicates',
        'median late (s)',
        'worst late (s)',
      ],
      rows: [row('publish job', count, job), row('sender only', count, bare)],
      ratios: [
        `publish job: ${num(job.seconds, 1)} s vs floor ${num(floor, 1)} s · ratio ${ratio(job.seconds, floor)}`,
        `sender only: ${num(bare.seconds, 1)} s vs floor ${num(floor, 1)} s · ratio ${ratio(bare.seconds, floor)}`,
      ],
      notes: [
        `publish job = jobs/publish.ts publishPlacement (claim, rights check, send, record) with ${publishConcurrency} at a time, as Agenda runs it; lateness = published_at − due_at`,
        'sender only = one sendMessage per channel through the outbound gateway (telegram/gateway.ts); lateness = time since the burst started',
        'duplicates = bot posts beyond the first per channel (must be 0)',
      ],
    };
  },
};
