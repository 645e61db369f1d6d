import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { embeddedLoginRole, enterLoginRole } from '../../models/db-embedded-role.js';
import { openDatabase, type Database } from '../../models/db.js';
import { createLogger } from '../../models/logger.js';

const logger = createLogger({ level: 'silent' });

/** The server under test (maintenance database) when set; in-memory PGlite otherwise. */
export function testServerUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL?.trim();
  return url ? url : undefined;
}

/** Runs `statement` on the maintenance database of the test server. */
export async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Drops a test database and ends whatever is still connected to it. FORCE may not signal an
 * autovacuum worker that happens to be in that database (42501 for a non-superuser role): such a
 * worker is done within moments, so try again.
 */
async function dropTestDatabase(serverUrl: string, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== '42501' || attempt >= 50) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * A name that changes with the migrations, the login role's set-up, the dependencies and the month
 * (events partitions).
 */
async function templateName(): Promise<string> {
  const dir = fileURLToPath(new URL('../../models/migrations/', import.meta.url));
  const hash = createHash('sha256');
  const files = (await readdir(dir, { recursive: true })).filter((f) => /\.(sql|json)$/.test(f));
  for (const file of files.sort()) hash.update(file).update(await readFile(join(dir, file)));
  for (const path of ['../../models/db-embedded-role.ts', '../../package.json', './db.ts']) {
    hash.update(await readFile(new URL(path, import.meta.url)));
  }
  hash.update(new Date().toISOString().slice(0, 7));
  return join(tmpdir(), `lytslot-pglite-template-${hash.digest('hex').slice(0, 16)}.tar`);
}

/** Old templates (earlier migrations or months) are 40 MB each: keep only the current one. */
async function removeStaleTemplates(current: string): Promise<void> {
  const stale = (await readdir(tmpdir())).filter(
    (f) => /^lytslot-pglite-template-[0-9a-f]+\.tar$/.test(f) && join(tmpdir(), f) !== current,
  );
  await Promise.all(stale.map((f) => rm(join(tmpdir(), f), { force: true })));
}

/**
 * Builds a migrated PGlite data dir once and keeps it on disk for every test process. Every test
 * file loads it into a new PGlite, so it is kept small: WAL segments of 1 MB (initdb's default is
 * one of 16 MB) and no template databases (nothing creates a database in PGlite; the app's is
 * `postgres`): 19 MB instead of 44, and about a quarter less CPU per test database.
 */
async function buildTemplate(): Promise<Blob> {
  const path = await templateName();
  const cached = await readFile(path).catch(() => undefined);
  if (cached) return new Blob([cached]);
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const lite = await PGlite.create({
    dataDir: 'memory://',
    initDbStartParams: ['--wal-segsize=1'],
  });
  for (const template of ['template0', 'template1']) {
    await lite.exec(`ALTER DATABASE ${template} IS_TEMPLATE false`);
    await lite.exec(`DROP DATABASE ${template}`);
  }
  await enterLoginRole(lite);
  const server = new PGLiteSocketServer({
    db: lite,
    host: '127.0.0.1',
    port: 0,
    maxConnections: 4,
  });
  await server.start();
  try {
    const url = `postgres://${embeddedLoginRole}@${server.getServerConn()}/postgres`;
    await (await openDatabase({ url, logger, poolSize: 1 })).close();
  } finally {
    await server.stop();
  }
  const dump = await lite.dumpDataDir('none');
  await lite.close();
  const partial = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(partial, new Uint8Array(await dump.arrayBuffer()));
  await rename(partial, path);
  await removeStaleTemplates(path);
  return dump;
}

let template: Promise<Blob> | undefined;

/**
 * A fresh, migrated database for one test file: `lytslot_test_<random>` on TEST_DATABASE_URL (dropped
 * again by close()), or an in-memory PGlite (loaded from a migrated template). poolSize is optional.
 */
export async function createTestDatabase(options: { poolSize?: number } = {}): Promise<Database> {
  const serverUrl = testServerUrl();
  if (!serverUrl) {
    template ??= buildTemplate();
    return openDatabase({
      dataDir: 'memory://',
      loadDataDir: await template,
      logger,
      ...options,
    });
  }

  const name = `lytslot_test_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let database: Database;
  try {
    database = await openDatabase({ url: url.toString(), logger, ...options });
  } catch (err) {
    await dropTestDatabase(serverUrl, name);
    throw err;
  }
  return {
    ...database,
    async close() {
      await database.close();
      await dropTestDatabase(serverUrl, name);
    },
  };
}
