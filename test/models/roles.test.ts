import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db.js';
import { createTestDatabase } from '../helpers/db.js';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return (await database.db.execute(query)).rows as T[];
}

const appRoles = ['app_rw', 'app_system'];

describe('roles', () => {
  it('app roles exist, cannot log in and do not bypass row-level security', async () => {
    const roles = await rows<{
      rolname: string;
      rolbypassrls: boolean;
      rolsuper: boolean;
      rolcanlogin: boolean;
    }>(
      sql`select rolname, rolbypassrls, rolsuper, rolcanlogin from pg_roles where rolname in ('app_rw', 'app_system') order by rolname`,
    );
    expect(roles).toEqual([
      { rolname: 'app_rw', rolbypassrls: false, rolsuper: false, rolcanlogin: false },
      { rolname: 'app_system', rolbypassrls: false, rolsuper: false, rolcanlogin: false },
    ]);
  });

  it('app roles own no table', async () => {
    const owned = await rows<{ relname: string }>(
      sql`select c.relname from pg_class c
          where c.relowner in (select oid from pg_roles where rolname in ('app_rw', 'app_system'))`,
    );
    expect(owned).toEqual([]);
  });
});

describe('row-level security catalog', () => {
  it('every table with a workspace_id column has RLS enabled and forced', async () => {
    const tables = await rows<{ relname: string; rls: boolean; forced: boolean }>(
      sql`select c.relname, c.relrowsecurity as rls, c.relforcerowsecurity as forced
          from pg_class c
          join pg_namespace n on n.oid = c.relnamespace
          join pg_attribute a on a.attrelid = c.oid
          where n.nspname = 'public' and c.relkind in ('r', 'p')
            and a.attname = 'workspace_id' and not a.attisdropped
          order by c.relname`,
    );
    expect(tables.length).toBeGreaterThanOrEqual(15);
    expect(tables.filter((t) => !t.rls || !t.forced).map((t) => t.relname)).toEqual([]);
  });

  it('every table with RLS (except partitions) has a policy for each app role that may use it', async () => {
    const missing = await rows<{ relname: string; role: string }>(
      sql`select c.relname, r.role
          from pg_class c
          join pg_namespace n on n.oid = c.relnamespace
          cross join unnest(array['app_rw', 'app_system']) as r(role)
          where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relrowsecurity
            and not c.relispartition
            and has_table_privilege(r.role, c.oid, 'SELECT, INSERT, UPDATE, DELETE')
            and not exists (
              select 1 from pg_policies p
              where p.schemaname = 'public' and p.tablename = c.relname and r.role = any(p.roles)
            )`,
    );
    expect(missing).toEqual([]);
  });

  it('app roles can read every table (platform-only tables: app_system), and only append to audit_log and ledger_entries', async () => {
    const privileges = await rows<{
      relname: string;
      role: string;
      sel: boolean;
      upd: boolean;
      del: boolean;
    }>(
      sql`select c.relname, r.role,
            has_table_privilege(r.role, c.oid, 'SELECT') as sel,
            has_table_privilege(r.role, c.oid, 'UPDATE') as upd,
            has_table_privilege(r.role, c.oid, 'DELETE') as del
          from pg_class c
          join pg_namespace n on n.oid = c.relnamespace
          cross join unnest(array['app_rw', 'app_system']) as r(role)
          where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition`,
    );
    // Platform-only tables (no workspace column): reached only through app_system use-cases.
    // agenda_jobs and domain_events: tenant scopes queue jobs and append events (INSERT) but never
    // read them.
    const systemOnly = ['admin_cards', 'update_intake', 'event_cursors', 'event_receipts'];
    const unreadable = [...systemOnly, 'agenda_jobs', 'domain_events'];
    expect(
      privileges.filter((p) => !p.sel && !(unreadable.includes(p.relname) && p.role === 'app_rw')),
    ).toEqual([]);
    expect(
      privileges.filter((p) => systemOnly.includes(p.relname) && p.role === 'app_rw' && p.sel),
    ).toEqual([]);
    const appendOnly = privileges.filter((p) =>
      ['audit_log', 'ledger_entries'].includes(p.relname),
    );
    expect(appendOnly).toHaveLength(2 * appRoles.length);
    expect(appendOnly.filter((p) => p.upd || p.del)).toEqual([]);
  });
});
