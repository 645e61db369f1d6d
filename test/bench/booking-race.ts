import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { defaultChannelSettings, type ChannelSettings } from '../../models/channels/settings.js';
import { createSystemClock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { holdSlot } from '../../models/orders/hold-slot.js';
import { channels, slots } from '../../models/schema.js';
import { createTestDatabase, testServerUrl } from '../helpers/db.js';
import { num, ratio } from './report.js';
import type { Benchmark, Cell } from './types.js';

const hourMs = 3_600_000;
/** A buyer who lost gives up after this many tries (each retry takes the nearest offered slot). */
const maxAttempts = 25;

const settings: ChannelSettings = {
  ...defaultChannelSettings('en'),
  prices: { '1/24': 100_000 },
  leadTimeMinutes: 0,
  horizonDays: 30,
};

/** Seeds `buyers` advertiser accounts and `channelCount` channels sharing `slotCount` slots 3 h apart. */
async function seed(database: Database, buyers: number, channelCount: number, slotCount: number) {
  return database.withSystem('bench: seed booking race', async (tx) => {
    const base = 800_000_000 + Math.floor(Math.random() * 100_000_000);
    const accounts = await tx.execute<{ id: string }>(sql`
      insert into accounts (telegram_id) select ${base}::bigint + g from generate_series(1, ${buyers + 1}::int) g
      returning id`);
    const [owner, ...buyerIds] = accounts.rows.map((r) => r.id);
    const ws = await tx.execute<{ id: string }>(
      sql`insert into workspaces (owner_account_id, title) values (${owner}, 'bench') returning id`,
    );
    const workspaceId = ws.rows[0]?.id ?? '';
    const made = await tx
      .insert(channels)
      .values(
        Array.from({ length: channelCount }, (_, i) => ({
          workspaceId,
          telegramChatId: -1_000_000_000_000 - base - i,
          title: `Race ${i}`,
          settings: { ...settings },
          status: 'active' as const,
          shareCode: randomBytes(8).toString('hex'),
        })),
      )
      .returning({ id: channels.id });
    const start = Math.ceil((Date.now() + 24 * hourMs) / hourMs) * hourMs;
    const targets = Array.from({ length: slotCount }, (_, i) => ({
      channelId: made[i % channelCount]!.id,
      workspaceId,
      startsAt: new Date(start + 3 * hourMs * i),
    }));
    await tx.insert(slots).values(targets);
    return { buyerIds, workspaceId, targets };
  });
}

interface RaceOutcome {
  holds: number;
  attempts: number;
  doubleBookings: number;
  heldSlots: number;
  ms: number;
}

/** Every buyer at once: pick a random slot, on 'slot_taken' retry the nearest offered one. */
async function race(
  database: Database,
  buyers: number,
  channelCount: number,
): Promise<RaceOutcome> {
  const { buyerIds, workspaceId, targets } = await seed(database, buyers, channelCount, 20);
  const clock = createSystemClock();
  let attempts = 0;
  const started = performance.now();
  const results = await Promise.all(
    buyerIds.map(async (accountId, n) => {
      const first = targets[n % targets.length]!;
      let target = { channelId: first.channelId, startsAt: first.startsAt };
      for (let i = 0; i < maxAttempts; i += 1) {
        attempts += 1;
        const r = await holdSlot(database, { accountId, format: '1/24', ...target }, clock);
        if (r.ok) return true;
        const nearest = (r.detail?.nearest as string[] | undefined) ?? [];
        const next = nearest[Math.floor(Math.random() * nearest.length)];
        if (r.code !== 'slot_taken' || !next) return false;
        target = { channelId: target.channelId, startsAt: new Date(next) };
      }
      return false;
    }),
  );
  const ms = performance.now() - started;
  const counts = await database.withScope({ workspaceId }, (tx) =>
    tx.execute<{ items: number; distinct_slots: number; held: number }>(sql`
      select (select count(*)::int from order_items where workspace_id = ${workspaceId}) as items,
             (select count(distinct slot_id)::int from order_items where workspace_id = ${workspaceId}) as distinct_slots,
             (select count(*)::int from slots where workspace_id = ${workspaceId} and status = 'held') as held`),
  );
  const row = counts.rows[0] ?? { items: 0, distinct_slots: 0, held: 0 };
  return {
    holds: results.filter(Boolean).length,
    attempts,
    doubleBookings: row.items - row.distinct_slots,
    heldSlots: row.held,
    ms,
  };
}

/** Baseline: one buyer holds the 20 slots one after another (no contention). */
async function sequential(database: Database): Promise<RaceOutcome> {
  const { buyerIds, targets } = await seed(database, 1, 1, 20);
  const clock = createSystemClock();
  const accountId = buyerIds[0] ?? '';
  let holds = 0;
  const started = performance.now();
  for (const t of targets) {
    const r = await holdSlot(
      database,
      { accountId, channelId: t.channelId, startsAt: t.startsAt, format: '1/24' },
      clock,
    );
    if (r.ok) holds += 1;
  }
  const ms = performance.now() - started;
  return { holds, attempts: targets.length, doubleBookings: 0, heldSlots: holds, ms };
}

/**
 * The booking race (issue 4): 200 buyers at once for 20 slots through holdSlot (advisory lock per
 * channel + conditional UPDATE), on PGlite or TEST_DATABASE_URL. Holds must equal 20, doubles 0.
 */
export const bookingRaceBenchmark: Benchmark = {
  name: 'booking',
  summary:
    'booking race: 200 buyers for 20 slots — successful holds (=20), double bookings (=0), holds/s',
  async run(context) {
    const buyers = context.quick ? 60 : 200;
    const database = await createTestDatabase({ poolSize: 20 });
    try {
      const rows: Cell[][] = [];
      const outcomes: RaceOutcome[] = [];
      for (const [label, channelCount] of [
        ['one channel, 20 slots', 1],
        ['20 channels, 1 slot each', 20],
      ] as const) {
        context.log(label);
        const o = await race(database, buyers, channelCount);
        outcomes.push(o);
        rows.push([
          label,
          buyers,
          o.attempts,
          o.holds,
          o.heldSlots,
          o.doubleBookings,
          num(o.ms / 1000, 2),
          num(o.holds / (o.ms / 1000), 1),
          num(o.attempts / (o.ms / 1000), 1),
        ]);
      }
      context.log('baseline: one buyer, 20 holds in a row');
      const base = await sequential(database);
      rows.push([
        'baseline: 1 buyer, 20 in a row',
        1,
        base.attempts,
        base.holds,
        base.heldSlots,
        0,
        num(base.ms / 1000, 2),
        num(base.holds / (base.ms / 1000), 1),
        num(base.attempts / (base.ms / 1000), 1),
      ]);
      const perSecond = (o: RaceOutcome) => o.attempts / (o.ms / 1000);
      const bad = outcomes.filter(
        (o) => o.holds !== 20 || o.doubleBookings !== 0 || o.heldSlots !== 20,
      );
      if (bad.length) throw new Error(`race broken: ${JSON.stringify(bad)}`);
      return {
        title: `${buyers} buyers, 20 slots on ${testServerUrl() ? 'PostgreSQL (TEST_DATABASE_URL)' : 'PGlite (embedded)'} (pool 20)`,
        columns: [
          'race',
          'buyers',
          'attempts',
          'holds',
          'held slots',
          'double bookings',
          'seconds',
          'holds/s',
          'attempts/s',
        ],
        rows,
        ratios: [
          ...outcomes.map(
            (o) =>
              `holds ${o.holds} (must be 20) · double bookings ${o.doubleBookings} (must be 0)`,
          ),
          ...outcomes.map(
            (o, i) =>
              `attempts/s: race ${i === 0 ? 'one channel' : '20 channels'} ${num(perSecond(o), 1)} · uncontended ${num(perSecond(base), 1)} · ratio ${ratio(perSecond(o), perSecond(base))}`,
          ),
        ],
        notes: [
          'buyer n goes for slot n mod 20 (10 buyers per slot); a loser retries one of the ≤ 3 nearest free slots it is offered (max 25 tries)',
          'holds on one channel are serialized by a transaction-scoped advisory lock; the slot moves only `where status = free`',
        ],
      };
    } finally {
      await database.close();
    }
  },
};
