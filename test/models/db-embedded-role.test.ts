import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresBackend } from '@agendajs/postgres-backend';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../models/db.js';
import { postEntries } from '../../models/ledger/post-entries.js';
import { ledgerEntries } from '../../models/ledger/table.js';
import { createLogger } from '../../models/logger.js';
import { channels } from '../../models/schema.js';
import { type Tenant, makeTenant } from '../factories/channels.js';
import { pgErrorCode } from '../helpers/pg-error.js';

const logger = createLogger({ level: 'silent' });
let dataDir: string;
let tenant: Tenant;

/** Agenda's schema set-up, as at every start: it replaces its trigger function and trigger. */
const setUpAgenda = (database: Database) =>
  new PostgresBackend({ pool: database.pool, disableNotifications: true }).connect();

/** What earlier versions did: PGlite on dataDir as its superuser `postgres`, migrated and used. */
async function migrateAsSuperuser(dir: string): Promise<Tenant> {
  const lite = await PGlite.create({ dataDir: dir });
  const server = new PGLiteSocketServer({ db: lite, host: '127.0.0.1', port: 0 });
  await server.start();
  try {
    const url = `postgres://postgres@${server.getServerConn()}/postgres`;
    const database = await openDatabase({ url, logger, poolSize: 1 });
    try {
      await setUpAgenda(database);
      await database.db.execute(sql`insert into agenda_jobs (name, data) values ('probe', '{}')`);
      return await makeTenant(database, { title: 'Old channel' });
    } finally {
      await database.close();
    }
  } finally {
    await server.stop();
    await lite.close();
  }
}

/** Our objects (and the database) owned by anyone but the login role; `public` is the database owner's. */
const foreignOwned = sql`
  with ours as (select oid from pg_namespace
      where nspname not like 'pg\\_%' and nspname <> 'information_schema'),
    owned (object, owner) as (
      select 'database ' || datname, datdba from pg_database where datname = current_database()
      union all
      select 'schema ' || nspname, nspowner from pg_namespace
        where oid in (select oid from ours) and nspname <> 'public'
      union all
      select 'relation ' || oid::regclass, relowner from pg_class
        where relnamespace in (select oid from ours)
      union all
      select 'routine ' || oid::regprocedure, proowner from pg_proc
        where pronamespace in (select oid from ours)
      union all
      select 'type ' || oid::regtype, typowner from pg_type
        where typnamespace in (select oid from ours))
  select object, pg_get_userbyid(owner) as owner from owned where owner <> current_user::regrole
  union all
  select 'policy ' || polname, 'postgres' from pg_policy where 'postgres'::regrole = any (polroles)`;

async function startedAgain(): Promise<Database> {
  return openDatabase({ dataDir, logger, poolSize: 2 });
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lytslot-old-data-'));
  tenant = await migrateAsSuperuser(dataDir);
});

afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('a data dir an earlier version migrated as postgres', () => {
  it('is served as the login role, no superuser, owning every object of ours', async () => {
    const database = await startedAgain();
    try {
      const { rows } = await database.db.execute<Record<string, unknown>>(
        sql`select current_user as "user", session_user as "session", rolsuper, rolbypassrls
            from pg_roles where rolname = current_user`,
      );
      expect(rows).toEqual([
        { user: 'lytslot', session: 'lytslot', rolsuper: false, rolbypassrls: false },
      ]);
      expect((await database.db.execute(foreignOwned)).rows).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it('keeps its data, read through the app roles only, and its Agenda queue', async () => {
    const database = await startedAgain();
    try {
      const byId = eq(channels.id, tenant.channelId);
      const read = (tx: Parameters<Parameters<Database['withSystem']>[1]>[0]) =>
        tx.select({ title: channels.title }).from(channels).where(byId);
      expect(await database.withSystem('test check', read)).toEqual([{ title: 'Old channel' }]);
      expect(await database.withScope({ workspaceId: tenant.workspaceId }, read)).toEqual([
        { title: 'Old channel' },
      ]);
      expect(await database.withScope({ workspaceId: randomUUID() }, read)).toEqual([]);
      expect(await database.db.select().from(channels)).toEqual([]);
      await setUpAgenda(database);
      const queue = await database.db.execute<{ name: string }>(sql`select name from agenda_jobs`);
      expect(queue.rows).toEqual([{ name: 'probe' }]);
    } finally {
      await database.close();
    }
  });

  it('still checks every posting at commit (the balance check reads as the new owner)', async () => {
    const database = await startedAgain();
    try {
      const { workspaceId } = tenant;
      const postingId = randomUUID();
      const unbalanced = database.withScope({ workspaceId }, (tx) =>
        tx.insert(ledgerEntries).values([
          { postingId, account: 'escrow', amount: 1000, currency: 'RUB', memo: 'x', workspaceId },
          {
            postingId,
            account: 'provider:stars',
            amount: -900,
            currency: 'RUB',
            memo: 'x',
            workspaceId,
          },
        ]),
      );
      expect(await pgErrorCode(unbalanced)).toBe('23514');
      const balanced = await database.withScope({ workspaceId }, (tx) =>
        postEntries(tx, {
          memo: 'pay',
          lines: [
            { account: 'escrow', amount: 700, currency: 'RUB', workspaceId },
            { account: 'provider:stars', amount: -700, currency: 'RUB', workspaceId },
          ],
        }),
      );
      const lines = await database.withSystem('test check', (tx) =>
        tx.select().from(ledgerEntries).where(eq(ledgerEntries.postingId, balanced)),
      );
      expect(lines.map((l) => l.amount).sort()).toEqual([-700, 700]);
    } finally {
      await database.close();
    }
  });
});
