import { randomBytes, randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedLoginRole, enterLoginRole } from '../../models/db-embedded-role.js';
import { openDatabase, type Database } from '../../models/db.js';
import { createLogger } from '../../models/logger.js';
import { onServer, testServerUrl } from '../helpers/db.js';
import { migrationsUpTo } from '../helpers/migrations.js';
import { pgErrorCode } from '../helpers/pg-error.js';

const logger = createLogger({ level: 'silent' });

/** Migrations 0018 (keys with workspace_id) and 0019 (chat claims) on a database with rows. */
let url: string;
let cleanup: () => Promise<void>;
let partial: string;
let database: Database | undefined;
const ids = {
  account: randomUUID(),
  workspaces: [randomUUID(), randomUUID()],
  channels: [randomUUID(), randomUUID()],
  chats: [-1_900_000_000_000 - Math.floor(Math.random() * 1e6), -1_800_000_000_000],
  slot: randomUUID(),
  order: randomUUID(),
  placement: randomUUID(),
};

/** The login role's database: a new one on the test server, or a PGlite served over a socket. */
async function loginRoleDatabase(): Promise<{ url: string; cleanup: () => Promise<void> }> {
  const server = testServerUrl();
  if (server) {
    const name = `lytslot_test_${randomBytes(6).toString('hex')}`;
    const admin = (statement: string) => onServer(server, statement);
    await admin(`CREATE DATABASE ${name}`);
    const at = new URL(server);
    at.pathname = `/${name}`;
    return { url: at.toString(), cleanup: () => admin(`DROP DATABASE ${name} WITH (FORCE)`) };
  }
  const lite = await PGlite.create('memory://');
  await enterLoginRole(lite);
  const socket = new PGLiteSocketServer({
    db: lite,
    host: '127.0.0.1',
    port: 0,
    maxConnections: 4,
  });
  await socket.start();
  return {
    url: `postgres://${embeddedLoginRole}@${socket.getServerConn()}/postgres`,
    cleanup: async () => {
      await socket.stop();
      await lite.close();
    },
  };
}

/** Rows of two workspaces written as app_system (the login role reads and writes none). */
async function seed(client: pg.Client): Promise<void> {
  const [w1, w2] = ids.workspaces as [string, string];
  const [c1, c2] = ids.channels as [string, string];
  const [chat1, chat2] = ids.chats as [number, number];
  const { account, slot, order, placement } = ids;
  await client.query('begin');
  await client.query('set local role app_system');
  await client.query(`insert into accounts (id, telegram_id) values ($1, $2)`, [
    account,
    Math.floor(Math.random() * 1e9),
  ]);
  for (const [w, c, chat] of [
    [w1, c1, chat1],
    [w2, c2, chat2],
  ] as const) {
    await client.query(`insert into workspaces (id, owner_account_id) values ($1, $2)`, [
      w,
      account,
    ]);
    await client.query(
      `insert into channels (id, workspace_id, telegram_chat_id, title, share_code)
       values ($1, $2, $3, 'Channel', $4)`,
      [c, w, chat, randomBytes(8).toString('base64url')],
    );
  }
  await client.query(
    `insert into orders (id, workspace_id, advertiser_account_id, currency, status)
     values ($1, $2, $3, 'XTR', 'paid')`,
    [order, w1, account],
  );
  await client.query(
    `insert into slots (id, channel_id, workspace_id, starts_at, status, order_id, format)
     values ($1, $2, $3, now() + interval '1 day', 'booked', $4, '1/24')`,
    [slot, c1, w1, order],
  );
  await client.query(
    `insert into order_items (order_id, workspace_id, advertiser_account_id, slot_id, channel_id, format, price)
     values ($1, $2, $3, $4, $5, '1/24', 100)`,
    [order, w1, account, slot, c1],
  );
  await client.query(
    `insert into placements (id, order_id, slot_id, channel_id, workspace_id, advertiser_account_id, format, due_at)
     values ($1, $2, $3, $4, $5, $6, '1/24', now() + interval '1 day')`,
    [placement, order, slot, c1, w1, account],
  );
  await client.query(
    `insert into placement_rollups (placement_id, grain, bucket_start, workspace_id, channel_id, advertiser_account_id, clicks)
     values ($1, 'hour', date_trunc('hour', now()), $2, $3, $4, 3)`,
    [placement, w1, c1, account],
  );
  await client.query(
    `insert into events (occurred_at, workspace_id, kind, placement_id) values (now(), $1, 'click', $2)`,
    [w1, placement],
  );
  await client.query('commit');
}

beforeAll(async () => {
  ({ url, cleanup } = await loginRoleDatabase());
  partial = await migrationsUpTo(17);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await migrate(drizzle(client), { migrationsFolder: partial });
    await seed(client);
  } finally {
    await client.end();
  }
  database = await openDatabase({ url, logger, poolSize: 1 });
});

afterAll(async () => {
  await database?.close();
  await cleanup?.();
  if (partial) await rm(partial, { recursive: true, force: true });
});

const count = async (table: string) =>
  database!.withSystem('test', async (tx) => {
    const { rows } = await tx.execute<{ n: number }>(
      sql`select count(*)::int as n from ${sql.identifier(table)}`,
    );
    return rows[0]!.n;
  });

describe('migrations 0018 and 0019 on a database with rows', () => {
  it('keep every row and rebuild the keys with workspace_id', async () => {
    for (const table of ['channels', 'orders', 'slots', 'order_items', 'placements', 'events'])
      expect(await count(table), table).toBeGreaterThan(0);
    expect(await count('placement_rollups')).toBe(1);
    const { rows } = await database!.db.execute<{ def: string }>(
      sql`select pg_get_constraintdef(oid) as def from pg_constraint
        where conname in ('orders_pkey', 'order_items_order_id_fkey') order by conname`,
    );
    expect(rows.map((r) => r.def)).toEqual([
      'FOREIGN KEY (workspace_id, order_id) REFERENCES orders(workspace_id, id) ON DELETE CASCADE',
      'PRIMARY KEY (id, workspace_id)',
    ]);
  });

  it('claim the chat of every channel already registered', async () => {
    const claims = await database!.withSystem('test', async (tx) =>
      (
        await tx.execute<{ chat: string; workspace: string; channel: string }>(
          sql`select telegram_chat_id::text as chat, workspace_id as workspace, channel_id as channel
            from channel_chats order by telegram_chat_id`,
        )
      ).rows.map((r) => [Number(r.chat), r.workspace, r.channel]),
    );
    const expected = ids.chats.map((chat, i) => [chat, ids.workspaces[i], ids.channels[i]]);
    expect(claims).toEqual(expected.sort((a, b) => Number(a[0]) - Number(b[0])));
  });

  it('refuse a row that points into another workspace', async () => {
    const [, w2] = ids.workspaces as [string, string];
    const [c1] = ids.channels as [string];
    const code = await pgErrorCode(
      database!.withSystem('test', (tx) =>
        tx.execute(sql`insert into order_items
          (order_id, workspace_id, advertiser_account_id, slot_id, channel_id, format, price)
          values (${ids.order}, ${w2}, ${ids.account}, ${ids.slot}, ${c1}, '1/24', 100)`),
      ),
    );
    expect(code).toBe('23503');
  });
});
