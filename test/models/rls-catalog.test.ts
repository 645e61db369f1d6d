import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Scope } from '../../models/db.js';
import { createTestDatabase } from '../helpers/db.js';
import { type Tenant, makeTenant } from '../factories/channels.js';
import { pgErrorCode } from '../helpers/pg-error.js';

let database: Database;
let a: Tenant;
let b: Tenant;
/** A workspace the advertiser has no order in. */
let c: Tenant;
let advertiserId: string;
let strangerId: string;
/** The advertiser's order in workspace A, with one item, creative, payment and dispute. */
const own = {
  orderId: randomUUID(),
  itemId: randomUUID(),
  creativeId: randomUUID(),
  paymentId: randomUUID(),
  disputeId: randomUUID(),
};

const run = (scope: Scope, query: SQL) => database.withScope(scope, (tx) => tx.execute(query));
const rowsOf = async (scope: Scope, query: SQL) => (await run(scope, query)).rows;

async function seedAccount(telegramId: number): Promise<string> {
  const { rows } = await database.withSystem('test seed', (tx) =>
    tx.execute<{ id: string }>(
      sql`insert into accounts (telegram_id) values (${telegramId}) returning id`,
    ),
  );
  return rows[0]!.id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  a = await makeTenant(database, { title: 'A channel' });
  b = await makeTenant(database, { title: 'B channel' });
  c = await makeTenant(database, { title: 'C channel' });
  const base = 7_000_000 + Math.floor(Math.random() * 1_000_000);
  advertiserId = await seedAccount(base);
  strangerId = await seedAccount(base + 1);
  await database.withSystem('test seed', async (tx) => {
    await tx.execute(sql`update channels set status = 'active'`);
    const slotId = randomUUID();
    await tx.execute(sql`insert into slots (id, workspace_id, channel_id, starts_at)
      values (${slotId}, ${a.workspaceId}, ${a.channelId}, now() + interval '2 days')`);
    await tx.execute(sql`insert into orders (id, workspace_id, advertiser_account_id, currency, status)
      values (${own.orderId}, ${a.workspaceId}, ${advertiserId}, 'XTR', 'completed')`);
    await tx.execute(sql`insert into order_items (id, order_id, workspace_id, advertiser_account_id, slot_id, channel_id, format, price)
      values (${own.itemId}, ${own.orderId}, ${a.workspaceId}, ${advertiserId}, ${slotId}, ${a.channelId}, '1/24', 0)`);
    await tx.execute(sql`insert into creatives (id, order_id, workspace_id, advertiser_account_id, content)
      values (${own.creativeId}, ${own.orderId}, ${a.workspaceId}, ${advertiserId}, '{}'::jsonb)`);
    await tx.execute(sql`insert into payments (id, workspace_id, account_id, purpose, order_id, provider, amount, currency)
      values (${own.paymentId}, ${a.workspaceId}, ${advertiserId}, 'order', ${own.orderId}, 'stars', 100, 'XTR')`);
    await tx.execute(sql`insert into disputes (id, workspace_id, order_id, advertiser_account_id, opened_by_account_id, opener_role, reason, currency, created_at)
      values (${own.disputeId}, ${a.workspaceId}, ${own.orderId}, ${advertiserId}, ${advertiserId}, 'advertiser', 'late', 'XTR', now())`);
    await tx.execute(sql`insert into platform_settings (key, value)
      values ('clicks.visitor_salt', '"salt"'::jsonb) on conflict (key) do nothing`);
    await tx.execute(sql`insert into agenda_jobs (name, data)
      values ('placements.publish', ${JSON.stringify({ workspaceId: b.workspaceId })}::jsonb)`);
  });
});

afterAll(async () => {
  await database?.close();
});

const advertiser = () => ({ accountId: advertiserId });
const insertOrder = (status: string, workspaceId: string) =>
  sql`insert into orders (workspace_id, advertiser_account_id, currency, status)
      values (${workspaceId}, ${advertiserId}, 'XTR', ${status})`;
/** 42501: a policy's WITH CHECK, a missing privilege or the workspace trigger refused it. */
const refused = (promise: Promise<unknown>) => expect(pgErrorCode(promise)).resolves.toBe('42501');

describe('row-level security catalog', () => {
  it('every table forces row-level security', async () => {
    const tables = await database.db.execute<{ relname: string; rls: boolean; forced: boolean }>(
      sql`select c.relname, c.relrowsecurity as rls, c.relforcerowsecurity as forced
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind in ('r', 'p')`,
    );
    expect(tables.rows.length).toBeGreaterThanOrEqual(27);
    expect(tables.rows.filter((t) => !t.rls || !t.forced).map((t) => t.relname)).toEqual([]);
  });

  it('every table admits only the app roles through a restrictive policy', async () => {
    const { rows } = await database.db.execute<{ relname: string }>(
      sql`select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
            and not exists (select 1 from pg_policies p
              where p.schemaname = 'public' and p.tablename = c.relname
                and p.policyname = c.relname || '_app_roles_only' and p.permissive = 'RESTRICTIVE')`,
    );
    expect(rows).toEqual([]);
  });

  it('permissive policies name only the app roles, except the balance check and the Agenda worker', async () => {
    const { rows } = await database.db.execute<{ policyname: string; roles: string[] | string }>(
      sql`select policyname, roles::text[] as roles from pg_policies
          where schemaname = 'public' and permissive = 'PERMISSIVE'`,
    );
    const asList = (r: string[] | string) =>
      Array.isArray(r) ? r : r.replace(/^{|}$/g, '').split(',');
    expect(rows.length).toBeGreaterThanOrEqual(60);
    const foreign = rows
      .filter((p) => asList(p.roles).some((role) => !['app_rw', 'app_system'].includes(role)))
      .map((p) => p.policyname)
      .sort();
    expect(foreign).toEqual(['agenda_jobs_worker', 'ledger_entries_owner_read']);
  });

  it('every app_rw policy that writes a workspace row checks the new row', async () => {
    const { rows } = await database.db.execute<{ policyname: string; with_check: string | null }>(
      sql`select p.policyname, p.with_check from pg_policies p
          join pg_namespace n on n.nspname = p.schemaname
          join pg_class c on c.relnamespace = n.oid and c.relname = p.tablename
          join pg_attribute a on a.attrelid = c.oid
          where p.schemaname = 'public' and 'app_rw' = any(p.roles)
            and p.cmd in ('ALL', 'INSERT', 'UPDATE')
            and a.attname = 'workspace_id' and not a.attisdropped`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(20);
    expect(rows.filter((p) => !p.with_check || p.with_check === 'true')).toEqual([]);
  });

  it('every updatable table with a workspace_id refuses to move a row to another workspace', async () => {
    const { rows } = await database.db.execute<{ relname: string }>(
      sql`select c.relname from pg_class c
          join pg_namespace n on n.oid = c.relnamespace
          join pg_attribute a on a.attrelid = c.oid and a.attname = 'workspace_id' and not a.attisdropped
          where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
            and c.relname not in ('audit_log', 'ledger_entries', 'domain_events')
            and not exists (select 1 from pg_trigger t
              where t.tgrelid = c.oid and t.tgname = c.relname || '_workspace_fixed')`,
    );
    expect(rows).toEqual([]);
  });
});

describe('an advertiser scope', () => {
  it('cannot create an order in any workspace, paid or not', async () => {
    await refused(run(advertiser(), insertOrder('paid', b.workspaceId)));
    await refused(run(advertiser(), insertOrder('draft', a.workspaceId)));
  });

  it('books only through the scope that names the channel’s workspace', async () => {
    const scope = { workspaceId: b.workspaceId, accountId: advertiserId };
    const booked = await rowsOf(
      scope,
      sql`insert into orders (workspace_id, advertiser_account_id, currency, status)
          values (${b.workspaceId}, ${advertiserId}, 'XTR', 'draft') returning id`,
    );
    expect(booked).toHaveLength(1);
    const orderId = (booked[0] as { id: string }).id;
    const creative = sql`insert into creatives (order_id, workspace_id, advertiser_account_id, content)
      values (${orderId}, ${b.workspaceId}, ${advertiserId}, '{}'::jsonb) returning id`;
    expect(await rowsOf(advertiser(), creative)).toHaveLength(1);
    const misplaced = sql`insert into creatives (order_id, workspace_id, advertiser_account_id, content, variant_index)
      values (${orderId}, ${a.workspaceId}, ${advertiserId}, '{}'::jsonb, 1)`;
    await refused(run(advertiser(), misplaced));
  });

  it.each([
    ['orders', () => own.orderId],
    ['order_items', () => own.itemId],
    ['creatives', () => own.creativeId],
    ['payments', () => own.paymentId],
    ['disputes', () => own.disputeId],
  ])('cannot move its own %s row into another workspace', async (table, id) => {
    const move = sql`update ${sql.identifier(table)} set workspace_id = ${b.workspaceId} where id = ${id()}`;
    await refused(run(advertiser(), move));
    await refused(run({ workspaceId: b.workspaceId, accountId: advertiserId }, move));
    const [row] = await database
      .withSystem('test check', (tx) =>
        tx.execute<{ workspace_id: string }>(
          sql`select workspace_id from ${sql.identifier(table)} where id = ${id()}`,
        ),
      )
      .then((r) => r.rows);
    expect(row?.workspace_id).toBe(a.workspaceId);
  });
});

describe('audit rows', () => {
  const audit = (workspaceId: string) =>
    sql`insert into audit_log (actor, action, object_type, object_id, data, at, workspace_id)
        values ('account:x', 'forged', 'order', null, '{}'::jsonb, now(), ${workspaceId})`;

  it('are written for the scope’s own workspace and the advertiser’s order workspaces', async () => {
    await run({ workspaceId: b.workspaceId }, audit(b.workspaceId));
    await run(advertiser(), audit(a.workspaceId));
    const { rows } = await database.withScope({ workspaceId: a.workspaceId }, (tx) =>
      tx.execute(sql`select 1 from audit_log where action = 'forged'`),
    );
    expect(rows).toHaveLength(1);
  });

  it('cannot be forged into any other workspace', async () => {
    await refused(run({ workspaceId: b.workspaceId }, audit(a.workspaceId)));
    await refused(run({ accountId: strangerId }, audit(a.workspaceId)));
    await refused(run(advertiser(), audit(c.workspaceId)));
  });
});

describe('platform tables from a tenant scope', () => {
  const scopes = () => [{ workspaceId: a.workspaceId }, advertiser(), {}];

  it('cannot block or unblock an account, not even while creating one', async () => {
    for (const scope of scopes()) {
      await refused(
        run(scope, sql`update accounts set blocked_at = now() where id = ${strangerId}`),
      );
      await refused(
        run(
          scope,
          sql`insert into accounts (telegram_id, blocked_at, blocked_reason) values (${-Math.floor(Math.random() * 1e9)}, now(), 'x')`,
        ),
      );
    }
    const renamed = await rowsOf(
      advertiser(),
      sql`update accounts set first_name = 'Ann' where id = ${advertiserId} returning id`,
    );
    expect(renamed).toHaveLength(1);
  });

  it('cannot read or write the click salt', async () => {
    for (const scope of scopes()) {
      expect(
        await rowsOf(scope, sql`select 1 from platform_settings where key = 'clicks.visitor_salt'`),
      ).toEqual([]);
      await refused(
        run(
          scope,
          sql`update platform_settings set value = '"x"' where key = 'clicks.visitor_salt'`,
        ),
      );
      await refused(
        run(scope, sql`insert into platform_settings (key, value) values ('forged', '1'::jsonb)`),
      );
    }
  });

  it('queues jobs and appends events but reads neither; cards, intake and cursors stay closed', async () => {
    for (const scope of scopes()) {
      await run(scope, sql`insert into agenda_jobs (name, data) values ('probe', '{}'::jsonb)`);
      await refused(run(scope, sql`select id from agenda_jobs`));
      await refused(run(scope, sql`select id from admin_cards`));
      await refused(run(scope, sql`select update_id from update_intake`));
      await refused(run(scope, sql`select id from domain_events`));
      await refused(run(scope, sql`select consumer from event_cursors`));
      await refused(run(scope, sql`select consumer from event_receipts`));
    }
  });
});

describe('the login role', () => {
  const tenantTables = [
    'accounts',
    'workspaces',
    'channels',
    'orders',
    'order_items',
    'creatives',
    'payments',
    'disputes',
    'audit_log',
    'ledger_entries',
    'platform_settings',
    'agenda_jobs',
    'bot_sessions',
    'admin_cards',
    'domain_events',
    'event_cursors',
    'event_receipts',
  ];

  // On PGlite too: it serves the login role as its session user, never its superuser (docs/database.md).
  it('sees no row after RESET ROLE inside a scope', async () => {
    const seen = await database.withScope(
      { workspaceId: a.workspaceId, accountId: advertiserId },
      async (tx) => {
        await tx.execute(sql`reset role`);
        const counts: Record<string, number> = {};
        for (const table of tenantTables) {
          const { rows } = await tx.execute<{ n: number }>(
            sql`select count(*)::int as n from ${sql.identifier(table)}`,
          );
          counts[table] = rows[0]!.n;
        }
        return counts;
      },
    );
    expect(seen).toEqual(Object.fromEntries(tenantTables.map((t) => [t, 0])));
  });

  it('still works the Agenda queue outside a scope', async () => {
    const { rows } = await database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from agenda_jobs`,
    );
    expect(rows[0]!.n).toBeGreaterThan(0);
  });
});
