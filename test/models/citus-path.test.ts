import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db.js';
import {
  distributionPending,
  tableDistribution,
  type TableDistribution,
} from '../../models/distribution.js';
import {
  type CatalogTable,
  citusViolations,
  readCatalog,
  type Violation,
} from '../helpers/citus-rules.js';
import { createTestDatabase } from '../helpers/db.js';

let database: Database;
let catalog: CatalogTable[];
let violations: Violation[];

beforeAll(async () => {
  database = await createTestDatabase();
  catalog = await readCatalog(database);
  violations = citusViolations(catalog, tableDistribution);
});

afterAll(async () => {
  await database?.close();
});

const pending = (v: Violation) => v.key in distributionPending || v.table in distributionPending;

describe('the Citus path (models/distribution.ts)', () => {
  it('reads the whole migrated catalog', () => {
    const names = catalog.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['orders', 'events', 'agenda_jobs', 'accounts']));
    expect(names).toContain('drizzle.__drizzle_migrations');
    // Partitions belong to their parent.
    expect(names.filter((n) => n.startsWith('events_'))).toEqual([]);
    const orders = catalog.find((t) => t.name === 'orders')!;
    expect(orders.columns.workspace_id).toBe(true);
    expect(orders.uniques.map((u) => u.name)).toContain('orders_pkey');
  });

  it('every table is classified and keeps to its class, except the pending entries', () => {
    expect(violations.filter((v) => !pending(v)).map((v) => v.message)).toEqual([]);
  });

  it('every pending entry still breaks a rule (the list only shrinks)', () => {
    const stale = Object.keys(distributionPending).filter(
      (key) => !violations.some((v) => v.key === key || v.table === key),
    );
    expect(stale).toEqual([]);
  });
});

describe('the rules', () => {
  const table = (name: string, over: Partial<CatalogTable> = {}): CatalogTable => ({
    name,
    columns: { id: true, workspace_id: true },
    uniques: [{ name: `${name}_pkey`, columns: ['id', 'workspace_id'] }],
    foreignKeys: [],
    ...over,
  });
  const ws = { kind: 'distributed', column: 'workspace_id' } as const;
  const classes: Record<string, TableDistribution> = {
    workspaces: { kind: 'distributed', column: 'id' },
    a: ws,
    b: ws,
    ref: { kind: 'reference', why: 'test' },
    loc: { kind: 'local', why: 'test' },
  };
  const fk = (name: string, columns: string[], target: string, targetColumns: string[]) => ({
    name,
    columns,
    target,
    targetColumns,
  });

  it('accept colocated keys and references to reference tables', () => {
    const good = [
      table('workspaces', { uniques: [{ name: 'workspaces_pkey', columns: ['id'] }] }),
      table('a', {
        foreignKeys: [
          fk('a_ws', ['workspace_id'], 'workspaces', ['id']),
          fk('a_b', ['workspace_id', 'id'], 'b', ['workspace_id', 'id']),
          fk('a_ref', ['id'], 'ref', ['id']),
        ],
      }),
      table('b'),
      table('ref', { columns: { id: true }, uniques: [{ name: 'ref_pkey', columns: ['id'] }] }),
      table('loc', { foreignKeys: [fk('loc_ref', ['id'], 'ref', ['id'])] }),
    ];
    expect(citusViolations(good, classes)).toEqual([]);
  });

  it('flag each broken rule by the table or constraint that breaks it', () => {
    const bad = [
      table('workspaces', { uniques: [{ name: 'workspaces_pkey', columns: ['id'] }] }),
      table('a', {
        columns: { id: true, workspace_id: false },
        uniques: [
          { name: 'a_pkey', columns: ['id'] },
          { name: 'a_code_idx', columns: ['code'] },
        ],
        foreignKeys: [
          fk('a_b', ['b_id'], 'b', ['id']),
          fk('a_loc', ['id'], 'loc', ['id']),
          fk('a_ws_wrong', ['b_id'], 'workspaces', ['id']),
        ],
      }),
      table('b', { columns: { id: true } }),
      table('ref', { foreignKeys: [fk('ref_a', ['id'], 'a', ['id'])] }),
      table('loc', {
        foreignKeys: [fk('loc_a', ['workspace_id', 'id'], 'a', ['workspace_id', 'id'])],
      }),
      table('stray'),
    ];
    expect(citusViolations(bad, { ...classes, gone: ws }).map((v) => v.key)).toEqual([
      'gone',
      'a',
      'a_pkey',
      'a_code_idx',
      'a_b',
      'a_loc',
      'a_ws_wrong',
      'b',
      'ref_a',
      'loc_a',
      'stray',
    ]);
  });
});
