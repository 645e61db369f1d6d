import type { DbOrTx } from '../db.js';
import { auditLog } from './table.js';

export interface AuditRecord {
  /** Who acted: 'account:<uuid>', 'admin:<telegram id>', 'system:<job>', 'partner:<key id>'… */
  actor: string;
  action: string;
  objectType: string;
  objectId: string | null;
  data: Record<string, unknown>;
  /** Platform-clock time of the action. */
  at: Date;
  /** The tenant the action concerns; the workspace's members can read the row. */
  workspaceId?: string | null;
}

/** Appends one row to the append-only audit log (in the caller's transaction). */
export async function recordAudit(tx: DbOrTx, record: AuditRecord): Promise<void> {
  await tx.insert(auditLog).values({
    actor: record.actor,
    action: record.action,
    objectType: record.objectType,
    objectId: record.objectId,
    data: record.data,
    at: record.at,
    workspaceId: record.workspaceId ?? null,
  });
}
