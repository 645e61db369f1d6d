import { sql } from 'drizzle-orm';
import type { Database } from '../../models/db.js';
import type { TableDistribution } from '../../models/distribution.js';

/** One table as the catalog describes it; names are schema-qualified except in `public`. */
export interface CatalogTable {
  name: string;
  /** Column name → NOT NULL. */
  columns: Record<string, boolean>;
  /** Primary key, unique constraints, unique indexes (partial ones too) and exclusion constraints. */
  uniques: { name: string; columns: string[] }[];
  foreignKeys: { name: string; columns: string[]; target: string; targetColumns: string[] }[];
}

/** A broken rule: `key` is the table, or the constraint/index that breaks it. */
export interface Violation {
  key: string;
  table: string;
  message: string;
}

const qualified = (schema: string, name: string) =>
  schema === 'public' ? name : `${schema}.${name}`;

/** Every table of the schemas the app owns (partitions are their parent's), read from pg_catalog. */
export async function readCatalog(database: Database): Promise<CatalogTable[]> {
  const owned = sql`n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\_%'`;
  const { rows: tables } = await database.db.execute<{ oid: number; schema: string; name: string }>(
    sql`select c.oid::int as oid, n.nspname as schema, c.relname as name from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and not c.relispartition and ${owned}`,
  );
  const { rows: columns } = await database.db.execute<{ oid: number; name: string; nn: boolean }>(
    sql`select attrelid::int as oid, attname as name, attnotnull as nn from pg_attribute
      where attnum > 0 and not attisdropped and attrelid in (select c.oid from pg_class c
        join pg_namespace n on n.oid = c.relnamespace where ${owned})`,
  );
  const { rows: uniques } = await database.db.execute<{
    oid: number;
    name: string;
    cols: (string | null)[];
  }>(
    sql`select i.indrelid::int as oid, c.relname as name,
        array(select a.attname::text from unnest(i.indkey) with ordinality k(attnum, ord)
          left join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
          order by k.ord) as cols
      from pg_index i join pg_class c on c.oid = i.indexrelid
      where i.indisunique or i.indisexclusion`,
  );
  const { rows: keys } = await database.db.execute<{
    oid: number;
    name: string;
    cols: string[];
    target: string;
    target_schema: string;
    target_cols: string[];
  }>(
    sql`select k.conrelid::int as oid, k.conname as name, t.relname as target,
        tn.nspname as target_schema,
        array(select a.attname::text from unnest(k.conkey) with ordinality u(attnum, ord)
          join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.attnum order by u.ord) as cols,
        array(select a.attname::text from unnest(k.confkey) with ordinality u(attnum, ord)
          join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.attnum order by u.ord)
          as target_cols
      from pg_constraint k join pg_class t on t.oid = k.confrelid
      join pg_namespace tn on tn.oid = t.relnamespace
      where k.contype = 'f' and k.conparentid = 0`,
  );
  return tables.map((t) => ({
    name: qualified(t.schema, t.name),
    columns: Object.fromEntries(columns.filter((c) => c.oid === t.oid).map((c) => [c.name, c.nn])),
    // An expression column (no attribute) reads as null: it never counts as the distribution column.
    uniques: uniques
      .filter((u) => u.oid === t.oid)
      .map((u) => ({ name: u.name, columns: u.cols.map((c) => c ?? '(expression)') })),
    foreignKeys: keys
      .filter((k) => k.oid === t.oid)
      .map((k) => ({
        name: k.name,
        columns: k.cols,
        target: qualified(k.target_schema, k.target),
        targetColumns: k.target_cols,
      })),
  }));
}

/** Checks the catalog against the classification with Citus's rules (see models/distribution.ts). */
export function citusViolations(
  catalog: CatalogTable[],
  classes: Record<string, TableDistribution>,
): Violation[] {
  const found: Violation[] = [];
  const flag = (key: string, table: string, message: string) =>
    found.push({ key, table, message: `${table}: ${message}` });
  const names = new Set(catalog.map((t) => t.name));
  for (const name of Object.keys(classes).filter((n) => !names.has(n)))
    flag(name, name, 'classified but not in the catalog');

  for (const table of catalog) {
    const own = classes[table.name];
    if (!own) {
      flag(table.name, table.name, 'not classified in models/distribution.ts');
      continue;
    }
    if (own.kind === 'distributed') {
      const column = own.column;
      if (!(column in table.columns)) flag(table.name, table.name, `has no column ${column}`);
      else if (!table.columns[column]) flag(table.name, table.name, `${column} may be null`);
      for (const unique of table.uniques.filter((u) => !u.columns.includes(column)))
        flag(
          unique.name,
          table.name,
          `${unique.name} (${unique.columns.join(', ')}) lacks ${column}`,
        );
    }
    for (const key of table.foreignKeys) {
      const target = classes[key.target];
      if (!target) continue; // the target's own entry reports it
      const edge = `${key.name} references ${target.kind} ${key.target}`;
      if (own.kind === 'distributed' && target.kind === 'distributed') {
        const colocated = key.columns.some(
          (c, i) => c === own.column && key.targetColumns[i] === target.column,
        );
        if (!colocated) flag(key.name, table.name, `${edge} without ${own.column} on both sides`);
      } else if (own.kind !== 'distributed' && target.kind === 'distributed') {
        flag(key.name, table.name, `${edge}: a ${own.kind} table may not`);
      } else if (own.kind !== 'local' && target.kind === 'local') {
        flag(key.name, table.name, `${edge}: a ${own.kind} table may not`);
      }
    }
  }
  return found;
}
