import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../models/db.js';
import { ensureEventPartitions } from '../../../models/events/ensure-partitions.js';
import { events } from '../../../models/schema.js';
import { createTestDatabase } from '../../helpers/db.js';
import { type Tenant, makeTenant } from '../../factories/channels.js';

let database: Database;
let a: Tenant;

beforeAll(async () => {
  database = await createTestDatabase();
  a = await makeTenant(database, { title: 'A channel' });
});

afterAll(async () => {
  await database?.close();
});

const monthName = (d: Date) =>
  `events_${d.getUTCFullYear()}_${String(d.getUTCMonth() + 1).padStart(2, '0')}`;

describe('events', () => {
  it('is range-partitioned on occurred_at with a default partition and a BRIN index', async () => {
    const info = await database.db.execute<{ strategy: string; parts: string[]; brin: boolean }>(
      sql`select pt.partstrat as strategy,
            (select array_agg(c.relname::text order by c.relname) from pg_inherits i
               join pg_class c on c.oid = i.inhrelid where i.inhparent = 'events'::regclass) as parts,
            exists (select 1 from pg_indexes where tablename = 'events' and indexdef ilike '%using brin%') as brin
          from pg_partitioned_table pt where pt.partrelid = 'events'::regclass`,
    );
    const row = info.rows[0];
    expect(row?.strategy).toBe('r');
    expect(row?.brin).toBe(true);
    expect(row?.parts).toContain('events_default');
    expect(row?.parts).toContain(monthName(new Date()));
  });

  it("accepts this month's rows into this month's partition, visible to the workspace only", async () => {
    const occurredAt = new Date();
    await database.withScope({ workspaceId: a.workspaceId }, (tx) =>
      tx.insert(events).values({ occurredAt, workspaceId: a.workspaceId, kind: 'click' }),
    );
    const placed = await database.withScope({ workspaceId: a.workspaceId }, (tx) =>
      tx.execute<{ part: string; kind: string }>(
        sql`select tableoid::regclass::text as part, kind from events`,
      ),
    );
    expect(placed.rows).toEqual([{ part: monthName(occurredAt), kind: 'click' }]);
    const unscoped = await database.withScope({}, (tx) => tx.select().from(events));
    expect(unscoped).toEqual([]);
  });

  it('creates later monthly partitions on demand with RLS forced, idempotently', async () => {
    const at = new Date(Date.UTC(2031, 10, 15));
    const created = await database.withSystem('test: partitions', (tx) =>
      ensureEventPartitions(tx, at, 2),
    );
    expect(created).toEqual(['events_2031_11', 'events_2031_12', 'events_2032_01']);
    const again = await database.withSystem('test: partitions', (tx) =>
      ensureEventPartitions(tx, at, 0),
    );
    expect(again).toEqual(['events_2031_11']);
    const flags = await database.db.execute<{ rls: boolean; forced: boolean }>(
      sql`select relrowsecurity as rls, relforcerowsecurity as forced from pg_class where relname = 'events_2031_12'`,
    );
    expect(flags.rows).toEqual([{ rls: true, forced: true }]);
  });
});
