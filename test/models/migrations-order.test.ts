import { rm } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../models/db.js';
import { createLogger } from '../../models/logger.js';
import { migrationsFolder, migrationsUpTo, readJournal } from '../helpers/migrations.js';

const logger = createLogger({ level: 'silent' });

/** The dates the journal gave 0011–0015 before they were put after 0010's. */
const formerDates: Record<string, number> = {
  '0011_api_key_prefix': 1796649495768,
  '0012_api_idempotency': 1796650722372,
  '0013_partner_webhooks': 1796654661031,
  '0014_invite_joins': 1796667673307,
  '0015_rollups': 1796668647696,
};

describe('migrations', () => {
  it('are dated in journal order (drizzle applies only those dated after the newest recorded)', async () => {
    const { entries } = await readJournal(migrationsFolder);
    for (const [i, entry] of entries.entries()) {
      expect(entry.idx).toBe(i);
      if (i > 0) expect(entry.when, entry.tag).toBeGreaterThan(entries[i - 1]!.when);
    }
  });

  describe('on a database an earlier version migrated', () => {
    let lite: PGlite;
    let server: PGLiteSocketServer;
    let url: string;
    let partial: string;
    beforeAll(async () => {
      lite = await PGlite.create('memory://');
      server = new PGLiteSocketServer({ db: lite, host: '127.0.0.1', port: 0, maxConnections: 4 });
      await server.start();
      url = `postgres://postgres@${server.getServerConn()}/postgres`;
      // The migrations up to 0010, as a version before 0011 shipped them.
      partial = await migrationsUpTo(10);
    });
    afterAll(async () => {
      await server?.stop();
      await lite?.close();
      if (partial) await rm(partial, { recursive: true, force: true });
    });

    const tables = async (client: pg.Client) =>
      (
        await client.query<{ name: string | null }>(
          `select to_regclass(t) as name from unnest(array['api_idempotency', 'webhook_endpoints',
            'invite_joins', 'placement_rollups']) t`,
        )
      ).rows.map((r) => r.name);

    it('migrated up to 0010 gets 0011 and after at the next start', async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await migrate(drizzle(client), { migrationsFolder: partial });
        expect(await tables(client)).toEqual([null, null, null, null]);
      } finally {
        await client.end();
      }
      const database = await openDatabase({ url, logger, poolSize: 1 });
      await database.close();
      const check = new pg.Client({ connectionString: url });
      await check.connect();
      try {
        expect(await tables(check)).toEqual([
          'api_idempotency',
          'webhook_endpoints',
          'invite_joins',
          'placement_rollups',
        ]);
      } finally {
        await check.end();
      }
    });

    it('migrated from scratch with the former dates starts again without re-applying any', async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        // What a from-scratch migration recorded before: 0011–0015 dated before 0010.
        const { entries } = await readJournal(migrationsFolder);
        for (const entry of entries.filter((e) => formerDates[e.tag] !== undefined))
          await client.query(
            'update drizzle.__drizzle_migrations set created_at = $1 where created_at = $2',
            [formerDates[entry.tag], entry.when],
          );
        const count = async () =>
          Number(
            (
              await client.query<{ n: string }>(
                'select count(*) as n from drizzle.__drizzle_migrations',
              )
            ).rows[0]?.n,
          );
        expect(await count()).toBe(entries.length);
        const database = await openDatabase({ url, logger, poolSize: 1 });
        await database.close();
        expect(await count()).toBe(entries.length);
      } finally {
        await client.end();
      }
    });
  });
});
