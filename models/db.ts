import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SQL } from 'drizzle-orm';
import { drizzle, NodePgTransaction, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { PgDialect } from 'drizzle-orm/pg-core';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { startEmbedded } from './db-embedded.js';
import { inlineParams } from './db-inline.js';
import type { Logger } from './logger.js';
import * as schema from './schema.js';
import { isUuid } from './uuid.js';

export type Db = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** What query functions accept: a scoped transaction, or the login-role handle for infrastructure. */
export type DbOrTx = Db | Tx;

export interface Scope {
  workspaceId?: string;
  accountId?: string;
}

export interface Database {
  /** Connection string for this database (Agenda uses it too). */
  readonly url: string;
  readonly pool: pg.Pool;
  /** Login role: migrations and infrastructure only (row-level security is not this handle's job). */
  readonly db: Db;
  /** One transaction as app_rw with app.workspace_id/app.account_id set LOCAL (SET LOCAL ROLE + set_config(..., true)). */
  withScope<T>(scope: Scope, fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** One transaction as app_system for an explicit, named cross-tenant path; logs the reason at debug. */
  withSystem<T>(reason: string, fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * One statement as app_rw in the scope, in one round trip: the settings and the statement go as
   * one simple-protocol message, which the server runs as one implicit transaction (the settings
   * end with it; an error undoes it all). Parameters are inlined as literals (db-inline.ts). For
   * the hottest single-statement paths; rows as pg parses text results (bigint as a string, json
   * parsed, timestamptz as a Date), keyed by the statement's column names.
   */
  scopedStatement(scope: Scope, query: SQL): Promise<Record<string, unknown>[]>;
  /** One statement as app_system in one round trip, as scopedStatement; logs the reason at debug. */
  systemStatement(reason: string, query: SQL): Promise<Record<string, unknown>[]>;
  /**
   * One statement as the login role, no settings first: only for calling a function that sets its
   * own role (a `SET role` clause, e.g. `load_sender` — docs/database.md «Scoping a transaction»)
   * and reads only tables whose policies ignore the scope; the login role reads no row itself.
   * One round trip, parameters inlined.
   */
  functionStatement(query: SQL): Promise<Record<string, unknown>[]>;
  ping(): Promise<void>;
  /**
   * Refreshes the planner's statistics of every table (ANALYZE, as the login role that owns them).
   * A PostgreSQL server's autovacuum does it by itself; embedded PGlite runs no background
   * workers, so without this its planner never learns how big `events` grew (the dashboards'
   * queries took 5–10× longer over 1 M events).
   */
  analyze(): Promise<void>;
  /** Ends the pool, then stops the embedded server if this opened one. */
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  url?: string;
  dataDir?: string;
  logger: Logger;
  poolSize?: number;
  /** Embedded only: start from this PGlite data-dir tarball (tests load a migrated template). */
  loadDataDir?: Blob;
  /**
   * Embedded only: PostgreSQL's shared_buffers, default embeddedSharedBuffers (with PGlite's own
   * 128MB a migrated data dir opened in 2.3 s instead of 0.7 s, at ~110 MiB more RSS).
   */
  sharedBuffers?: string;
}

/** Serializes migrations of concurrent processes on one database (any constant bigint). */
const migrationLockKey = 7_130_412_001;
/** Connections the embedded server accepts beyond the pool: Agenda and tools open their own. */
const embeddedSpareConnections = 30;
/**
 * The embedded server's shared_buffers. Its data files go through Node's fs, so the OS page cache
 * still holds them; the buffers only save copies (docs/decisions.md, «Embedded shared_buffers»).
 */
export const embeddedSharedBuffers = '16MB';

/** Checks a scope's ids are uuids (throws otherwise, before any query) and returns the settings. */
export function scopeSettings(scope: Scope): { workspaceId: string; accountId: string } {
  for (const [name, value] of Object.entries({
    workspaceId: scope.workspaceId,
    accountId: scope.accountId,
  })) {
    if (value !== undefined && !isUuid(value)) {
      throw new TypeError(`Scope ${name} must be a uuid`);
    }
  }
  return { workspaceId: scope.workspaceId ?? '', accountId: scope.accountId ?? '' };
}

/** The committed migrations: beside this file in the source tree, or the source tree seen from dist/. */
function migrationsFolder(): string {
  const candidates = ['./migrations', '../../models/migrations'].map((p) =>
    fileURLToPath(new URL(p, import.meta.url)),
  );
  const found = candidates.find((dir) => existsSync(`${dir}/meta/_journal.json`));
  if (!found) throw new Error(`No migrations found (looked in ${candidates.join(', ')})`);
  return found;
}

/**
 * drizzle's migrator applies only the migrations dated after the newest one recorded (by the
 * journal's `when`). Migrations 0011–0015 were once dated before 0010, so a database migrated up
 * to 0010 skipped them, and one migrated from scratch recorded them with those dates. Each
 * recorded migration (found by its hash) gets the journal's current date first, so either kind
 * of database goes on from where it really is. A no-op once the dates agree.
 */
async function alignMigrationDates(
  client: pg.PoolClient,
  migrations: readonly MigrationMeta[],
): Promise<void> {
  const { rows } = await client.query<{ ok: boolean }>(
    `select to_regclass('drizzle.__drizzle_migrations') is not null as ok`,
  );
  if (!rows[0]?.ok) return;
  for (const migration of migrations)
    await client.query(
      'update drizzle.__drizzle_migrations set created_at = $1 where hash = $2 and created_at <> $1',
      [migration.folderMillis, migration.hash],
    );
}

/**
 * True when every committed migration is recorded (by its hash), so there is nothing to apply: two
 * reads, no lock, where the migrator's check is ~25 statements under the advisory lock.
 */
async function allApplied(pool: pg.Pool, migrations: readonly MigrationMeta[]): Promise<boolean> {
  const { rows } = await pool.query<{ ok: boolean }>(
    `select to_regclass('drizzle.__drizzle_migrations') is not null as ok`,
  );
  if (!rows[0]?.ok) return false;
  const recorded = await pool.query<{ hash: string }>(
    'select hash from drizzle.__drizzle_migrations',
  );
  const hashes = new Set(recorded.rows.map((row) => row.hash));
  return migrations.every((migration) => hashes.has(migration.hash));
}

async function runMigrations(pool: pg.Pool, logger: Logger): Promise<void> {
  const folder = migrationsFolder();
  const migrations = readMigrationFiles({ migrationsFolder: folder });
  if (await allApplied(pool, migrations)) {
    logger.debug('database migrations: none pending');
    return;
  }
  const client = await pool.connect();
  let failed: Error | undefined;
  try {
    await client.query('select pg_advisory_lock($1)', [migrationLockKey]);
    try {
      await alignMigrationDates(client, migrations);
      await migrate(drizzle(client, { schema }), { migrationsFolder: folder });
      logger.debug('database migrations applied');
    } finally {
      await client.query('select pg_advisory_unlock($1)', [migrationLockKey]);
    }
  } catch (err) {
    failed = err instanceof Error ? err : new Error(String(err));
    throw err;
  } finally {
    client.release(failed);
  }
}

/**
 * Connects (or, without url, starts PGlite in dataDir — 'memory://' for in-memory — served over
 * @electric-sql/pglite-socket on 127.0.0.1 with a random port), then runs migrations.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const { logger } = options;
  const poolSize = options.poolSize ?? 10;
  const embedded = options.url
    ? undefined
    : await startEmbedded({
        dataDir: options.dataDir ?? 'memory://',
        maxConnections: poolSize + embeddedSpareConnections,
        loadDataDir: options.loadDataDir,
        sharedBuffers: options.sharedBuffers ?? embeddedSharedBuffers,
      });
  const url = options.url ?? embedded?.url ?? '';
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', (err) => logger.warn({ err }, 'idle database connection failed'));
  // A connection killed while checked out between queries (server restart, DROP … WITH (FORCE))
  // emits 'error' on its client, where the pool's idle listener is not attached: log it rather
  // than let an unhandled 'error' event end the process. The next query on it fails normally.
  pool.on('connect', (client) => {
    client.on('error', (err) => logger.warn({ err }, 'database connection failed'));
  });
  const db = drizzle(pool, { schema });

  try {
    await runMigrations(pool, logger);
  } catch (err) {
    await pool.end();
    await embedded?.stop();
    throw err;
  }

  /**
   * Role and both settings, set LOCAL in one statement so that they end with the transaction. The
   * values are inlined: the role is one of two names, the ids are checked uuids (scopeSettings).
   */
  const enter = (role: 'app_rw' | 'app_system', s: { workspaceId: string; accountId: string }) =>
    `select set_config('role', '${role}', true), set_config('app.workspace_id', '${s.workspaceId}', true), set_config('app.account_id', '${s.accountId}', true)`;

  // drizzle's transaction on a Pool sends BEGIN before its try/finally: a connection that dies at
  // that moment (server restart, backend terminated) is never given back, and pool.end() then
  // waits for ever. So each transaction runs on a client checked out and always released here
  // (pg-pool drops it when dead). One drizzle handle per pooled connection, made once. BEGIN and
  // the scope's settings go in one simple-protocol message: one round trip, not two.
  const dialect = new PgDialect();
  const onClient = new WeakMap<pg.PoolClient, Db>();
  const transaction = async <T>(settings: string, fn: (tx: Tx) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      let clientDb = onClient.get(client);
      if (!clientDb) {
        clientDb = drizzle(client, { schema });
        onClient.set(client, clientDb);
      }
      const { session, schema: tables, fullSchema, tableNamesMap } = clientDb._;
      const tx: Tx = new NodePgTransaction(
        dialect,
        session,
        tables ? { fullSchema, schema: tables, tableNamesMap } : undefined,
      );
      await client.query(`begin; ${settings}`);
      try {
        const result = await fn(tx);
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback');
        throw error;
      }
    } finally {
      client.release();
    }
  };

  const inlined = (query: SQL) => {
    const rendered = dialect.sqlToQuery(query);
    return inlineParams(rendered.sql, rendered.params);
  };
  /** The settings and one statement as one message (an implicit transaction): its rows. */
  const statement = async (settings: string, query: SQL) => {
    const results = (await pool.query(
      `${settings}; ${inlined(query)}`,
    )) as unknown as pg.QueryResult[];
    return (results[1]?.rows ?? []) as Record<string, unknown>[];
  };

  let closed = false;
  return {
    url,
    pool,
    db,
    async withScope(scope, fn) {
      return transaction(enter('app_rw', scopeSettings(scope)), fn);
    },
    async withSystem(reason, fn) {
      logger.debug({ reason }, 'cross-tenant transaction');
      return transaction(enter('app_system', { workspaceId: '', accountId: '' }), fn);
    },
    async scopedStatement(scope, query) {
      return statement(enter('app_rw', scopeSettings(scope)), query);
    },
    async systemStatement(reason, query) {
      logger.debug({ reason }, 'cross-tenant statement');
      return statement(enter('app_system', { workspaceId: '', accountId: '' }), query);
    },
    async functionStatement(query) {
      return (await pool.query(inlined(query))).rows as Record<string, unknown>[];
    },
    async ping() {
      await pool.query('select 1');
    },
    async analyze() {
      await pool.query('ANALYZE');
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
      await embedded?.stop();
    },
  };
}
