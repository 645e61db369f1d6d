import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Database } from '../../models/db.js';
import { createLogger } from '../../models/logger.js';
import { channels } from '../../models/schema.js';
import { createTestDatabase } from '../helpers/db.js';
import { type Tenant, makeTenant } from '../factories/channels.js';
import { pgErrorCode } from '../helpers/pg-error.js';

let database: Database;
let a: Tenant;
let b: Tenant;

beforeAll(async () => {
  database = await createTestDatabase();
  a = await makeTenant(database, { title: 'A channel' });
  b = await makeTenant(database, { title: 'B channel' });
});

afterAll(async () => {
  await database?.close();
});

const titles = (rows: { title: string }[]) => rows.map((r) => r.title).sort();

describe('openDatabase', () => {
  it('answers ping and generates uuids in the database', async () => {
    await database.ping();
    const result = await database.db.execute<{ id: string }>(sql`select gen_random_uuid() as id`);
    expect(result.rows[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('connections', () => {
  it('answers concurrent parameterized queries outside transactions each with its own result', async () => {
    // Different statement shapes, so a batch bound to another connection's statement shows.
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        i % 2
          ? database.pool.query('select $1::int as n, $2::text as s', [i, `v${i}`])
          : database.pool.query(`select $1::int + 0 as n, 'v' || $1::text as s, ${i} as k`, [i]),
      ),
    );
    results.forEach((r, i) =>
      expect(r.rows).toEqual([i % 2 ? { n: i, s: `v${i}` } : { n: i, s: `v${i}`, k: i }]),
    );
  });

  it('recovers when a connection leaves in the middle of a transaction', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query('begin');
    await client.query('select 1');
    await client.end();
    const rows = await database.withScope({ workspaceId: a.workspaceId }, (tx) =>
      tx.select({ title: channels.title }).from(channels),
    );
    expect(titles(rows)).toEqual(['A channel']);
  });

  it('gives a connection back when it dies as a transaction begins, and goes on', async () => {
    const own = await createTestDatabase({ poolSize: 2 });
    try {
      own.pool.once('acquire', (client: pg.PoolClient) => void client.end());
      await expect(own.withScope({}, (tx) => tx.execute(sql`select 1`))).rejects.toThrow();
      expect(own.pool.totalCount).toBe(own.pool.idleCount);
      const rows = await own.withScope({ workspaceId: a.workspaceId }, (tx) =>
        tx.execute<{ one: number }>(sql`select 1 as one`),
      );
      expect(rows.rows).toEqual([{ one: 1 }]);
    } finally {
      await own.close(); // waits for every connection: hung when the dead one was never released
    }
  });
});

describe('migrations', () => {
  it('tolerates several processes opening the same database at once', async () => {
    const opened = await Promise.all(
      [1, 2, 3].map(() =>
        openDatabase({ url: database.url, poolSize: 1, logger: createLogger({ level: 'silent' }) }),
      ),
    );
    try {
      const applied = await opened[0]?.db.execute<{ n: number }>(
        sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      );
      const journal = JSON.parse(
        readFileSync(
          new URL('../../models/migrations/meta/_journal.json', import.meta.url),
          'utf8',
        ),
      ) as { entries: unknown[] };
      expect(applied?.rows[0]?.n).toBe(journal.entries.length);
    } finally {
      await Promise.all(opened.map((d) => d.close()));
    }
  });
});

describe('withScope', () => {
  it('sees no workspace rows without a scope', async () => {
    const rows = await database.withScope({}, (tx) => tx.select().from(channels));
    expect(rows).toEqual([]);
  });

  it("shows a workspace its own rows and never another's", async () => {
    const rows = await database.withScope({ workspaceId: a.workspaceId }, (tx) =>
      tx.select({ title: channels.title }).from(channels),
    );
    expect(titles(rows)).toEqual(['A channel']);
  });

  it('refuses to insert into another workspace and cannot update or take over its rows', async () => {
    const insert = database.withScope({ workspaceId: a.workspaceId }, (tx) =>
      tx.insert(channels).values({
        workspaceId: b.workspaceId,
        telegramChatId: -42,
        title: 'sneaky',
        shareCode: 'sneaky',
      }),
    );
    expect(await pgErrorCode(insert)).toBe('42501');

    const updated = await database.withScope({ workspaceId: a.workspaceId }, (tx) =>
      tx
        .update(channels)
        .set({ title: 'hijacked' })
        .where(eq(channels.id, b.channelId))
        .returning({ id: channels.id }),
    );
    expect(updated).toEqual([]);
    const moved = database.withScope({ workspaceId: a.workspaceId }, (tx) =>
      tx.update(channels).set({ workspaceId: b.workspaceId }).where(eq(channels.id, a.channelId)),
    );
    expect(await pgErrorCode(moved)).toBe('42501');
    const [row] = await database.withSystem('test check', (tx) =>
      tx.select({ title: channels.title }).from(channels).where(eq(channels.id, b.channelId)),
    );
    expect(row?.title).toBe('B channel');
  });

  it('runs as app_rw with LOCAL settings that end with the transaction', async () => {
    const inside = await database.withScope({ accountId: a.accountId }, async (tx) => {
      const r = await tx.execute<{ role: string; ws: string; acct: string }>(
        sql`select current_user as role, current_setting('app.workspace_id', true) as ws, current_setting('app.account_id', true) as acct`,
      );
      return r.rows[0];
    });
    expect(inside).toEqual({ role: 'app_rw', ws: '', acct: a.accountId });
    const after = await database.db.execute<{ role: string; acct: string | null }>(
      sql`select current_user as role, current_setting('app.account_id', true) as acct`,
    );
    expect(after.rows[0]?.role).not.toBe('app_rw');
    expect(after.rows[0]?.acct ?? '').toBe('');
  });

  it('does not leak a scope between transactions over one pooled connection', async () => {
    const single = await openDatabase({
      url: database.url,
      poolSize: 1,
      logger: createLogger({ level: 'silent' }),
    });
    try {
      const seenByA = await single.withScope({ workspaceId: a.workspaceId }, (tx) =>
        tx.select({ title: channels.title }).from(channels),
      );
      const seenByB = await single.withScope({ workspaceId: b.workspaceId }, (tx) =>
        tx.select({ title: channels.title }).from(channels),
      );
      const failed = single.withScope({ workspaceId: a.workspaceId }, async () => {
        throw new Error('boom');
      });
      await expect(failed).rejects.toThrow('boom');
      const seenByNobody = await single.withScope({}, (tx) =>
        tx.select({ title: channels.title }).from(channels),
      );
      expect(titles(seenByA)).toEqual(['A channel']);
      expect(titles(seenByB)).toEqual(['B channel']);
      expect(seenByNobody).toEqual([]);
    } finally {
      await single.close();
    }
  });

  it('keeps concurrent scoped transactions apart', async () => {
    const read = (tenant: Tenant) =>
      database.withScope({ workspaceId: tenant.workspaceId }, async (tx) => {
        const rows = await tx.select({ title: channels.title }).from(channels);
        await tx.execute(sql`select pg_sleep(0.005)`);
        const again = await tx.select({ title: channels.title }).from(channels);
        return titles([...rows, ...again]);
      });
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => read(i % 2 ? b : a)));
    results.forEach((seen, i) =>
      expect(seen).toEqual(i % 2 ? ['B channel', 'B channel'] : ['A channel', 'A channel']),
    );
  });

  it('throws on a non-uuid scope before touching the database', async () => {
    const connect = vi.spyOn(database.pool, 'connect');
    const fn = vi.fn(async () => 1);
    try {
      await expect(database.withScope({ workspaceId: "x' or true --" }, fn)).rejects.toThrow(
        /uuid/,
      );
      await expect(database.withScope({ accountId: '' }, fn)).rejects.toThrow(/uuid/);
      expect(fn).not.toHaveBeenCalled();
      expect(connect).not.toHaveBeenCalled();
    } finally {
      connect.mockRestore();
    }
  });
});

describe('withSystem', () => {
  it('runs as app_system and sees every workspace', async () => {
    const result = await database.withSystem('test: catalog', async (tx) => {
      const who = await tx.execute<{ role: string }>(sql`select current_user as role`);
      const rows = await tx.select({ title: channels.title }).from(channels);
      return { role: who.rows[0]?.role, rows };
    });
    expect(result.role).toBe('app_system');
    expect(titles(result.rows)).toEqual(['A channel', 'B channel']);
  });
});

describe('scopedStatement and systemStatement', () => {
  it('run one statement as app_rw in the scope (or app_system), the settings ending with it', async () => {
    const probe = sql`select current_user as role, current_setting('app.workspace_id', true) as ws`;
    expect(await database.scopedStatement({ workspaceId: a.workspaceId }, probe)).toEqual([
      { role: 'app_rw', ws: a.workspaceId },
    ]);
    expect(await database.systemStatement('test check', probe)).toEqual([
      { role: 'app_system', ws: '' },
    ]);
    const after = await database.db.execute<{ role: string; ws: string | null }>(probe);
    expect(after.rows[0]?.role).not.toMatch(/^app_/);
    expect(after.rows[0]?.ws ?? '').toBe('');
  });

  it('sees only the scope’s rows and hands back every parameter exactly', async () => {
    const rows = await database.scopedStatement(
      { workspaceId: b.workspaceId },
      sql`select ${channels.title} as title from ${channels}`,
    );
    expect(rows).toEqual([{ title: 'B channel' }]);
    const tricky = `it's a \\ back'slash\\' $1 "quoted" ${'\u00e9'}😀`;
    const [echoed] = await database.scopedStatement(
      {},
      sql`select ${tricky}::text as s, ${-12.5}::float8 as n, ${null}::text as z, ${true} as b`,
    );
    expect(echoed).toEqual({ s: tricky, n: -12.5, z: null, b: true });
  });

  it('undoes the whole statement when it fails, and the connection goes on', async () => {
    const failing = database.scopedStatement({}, sql`select 1 / ${0}::int`);
    expect(await pgErrorCode(failing)).toBe('22012');
    expect(await database.scopedStatement({}, sql`select current_user as role`)).toEqual([
      { role: 'app_rw' },
    ]);
  });
});
