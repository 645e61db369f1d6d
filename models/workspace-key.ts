import { getTableName } from 'drizzle-orm';
import { foreignKey, type PgColumn } from 'drizzle-orm/pg-core';

/**
 * A foreign key from one workspace table to another that carries `workspace_id` on both sides —
 * `(workspace_id, <column>) → <target>(workspace_id, id)` — so a row only points at a row of its
 * own workspace, and on Citus both live on the same shard (models/distribution.ts). Named as
 * PostgreSQL names a key by itself, `<table>_<column>_fkey`. Chain `.onDelete(…)` as usual.
 */
export function sameWorkspaceKey(
  workspaceId: PgColumn,
  column: PgColumn,
  target: { workspaceId: PgColumn; id: PgColumn },
) {
  return foreignKey({
    name: `${getTableName(column.table)}_${column.name}_fkey`,
    columns: [workspaceId, column],
    foreignColumns: [target.workspaceId, target.id],
  });
}
