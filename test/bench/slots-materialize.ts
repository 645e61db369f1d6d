import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { defaultChannelSettings, type ChannelSettings } from '../../models/channels/settings.js';
import { channels } from '../../models/schema.js';
import { extendSlotHorizons } from '../../models/slots/extend-slot-horizons.js';
import { materializeSlots, slotWindow } from '../../models/slots/materialize.js';
import { createTestDatabase, testServerUrl } from '../helpers/db.js';
import { num, ratio } from './report.js';
import type { Benchmark, Cell } from './types.js';

const zones = ['Europe/Moscow', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo'];
const times = ['09:00', '11:00', '13:00', '15:00', '17:00', '19:00', '21:00', '23:00'];
const dayMs = 86_400_000;

function settingsFor(i: number): ChannelSettings {
  return {
    ...defaultChannelSettings('en'),
    timezone: zones[i % zones.length]!,
    schedule: { mode: 'times', days: [1, 2, 3, 4, 5, 6, 7], times },
    prices: { '1/24': 100_000 },
    leadTimeMinutes: 0,
    horizonDays: 30,
  };
}

/**
 * Materializing slot horizons (issue 3): 1 000 channels × 30 days × 8 slots a day written through
 * the daily job's use-case (batches of 200 channels, two set-based statements each), on PGlite or
 * TEST_DATABASE_URL; beside it the pure schedule → instants computation and the re-runs.
 */
export const slotsMaterializeBenchmark: Benchmark = {
  name: 'slots',
  summary: 'materialize a 30-day horizon for 1 000 channels × 8 slots/day (PostgreSQL) vs pure CPU',
  async run(context) {
    const count = context.quick ? 100 : 1000;
    const database = await createTestDatabase();
    try {
      context.log(`seeding ${count} channels`);
      const settings = Array.from({ length: count }, (_, i) => settingsFor(i));
      await database.withSystem('bench: seed channels', async (tx) => {
        const base = 700_000_000 + Math.floor(Math.random() * 100_000_000);
        await tx.execute(sql`
          with a as (
            insert into accounts (telegram_id)
            select ${base}::bigint + g from generate_series(1, ${count}::int) g
            returning id
          )
          insert into workspaces (owner_account_id, title) select id, 'bench' from a`);
        const ids = await tx.execute<{ id: string }>(sql`select id from workspaces order by id`);
        await tx.insert(channels).values(
          ids.rows.slice(0, count).map((w, i) => ({
            workspaceId: w.id,
            telegramChatId: -1_000_000_000_000 - base - i,
            title: `Bench ${i}`,
            settings: { ...settings[i]! },
            status: 'active' as const,
            shareCode: randomBytes(8).toString('hex'),
          })),
        );
      });
      const now = new Date('2026-12-01T00:00:00Z');

      const pureStarted = performance.now();
      let pureSlots = 0;
      for (const s of settings) {
        const window = slotWindow(s, now);
        pureSlots += materializeSlots(s, window.from, window.to).length;
      }
      const pureMs = performance.now() - pureStarted;

      const rows: Cell[][] = [];
      const measure = async (label: string, at: Date) => {
        context.log(label);
        const started = performance.now();
        const summary = await extendSlotHorizons(database, at);
        const ms = performance.now() - started;
        const written = summary.created + summary.removed;
        rows.push([
          label,
          summary.channels,
          summary.created,
          summary.removed,
          num(ms / 1000, 2),
          written === 0 ? '—' : num(written / (ms / 1000)),
        ]);
        return { ms, written, summary };
      };
      const cold = await measure('cold: empty horizon', now);
      await measure('re-run: nothing to change', now);
      await measure('next day: extend by one day', new Date(now.getTime() + dayMs));
      rows.unshift([
        'pure materializeSlots (no database)',
        count,
        pureSlots,
        0,
        num(pureMs / 1000, 2),
        num(pureSlots / (pureMs / 1000)),
      ]);

      return {
        title: `${count} channels × 30 days × 8 slots/day on ${testServerUrl() ? 'PostgreSQL (TEST_DATABASE_URL)' : 'PGlite (embedded)'}`,
        columns: ['pass', 'channels', 'created', 'removed', 'seconds', 'slots/s'],
        rows,
        ratios: [
          `horizon: ${num(cold.summary.created)} slots in ${num(cold.ms / 1000, 2)} s · ${num(cold.written / (cold.ms / 1000))} slots written/s`,
          `database vs pure computation: ${num(cold.ms)} ms vs ${num(pureMs)} ms · ratio ${ratio(cold.ms, pureMs)}`,
        ],
        notes: [
          'through extendSlotHorizons (the slots.extend job): batches of 200 channels, one set-based statement each (insert from unnest arrays + delete of stale free slots)',
          'a cold insert spends about half its time in the foreign-key checks of channel_id and workspace_id (EXPLAIN ANALYZE)',
        ],
      };
    } finally {
      await database.close();
    }
  },
};
