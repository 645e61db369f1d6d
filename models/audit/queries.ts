import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db.js';
import { auditLog } from './table.js';

/** Object kinds an admin can ask the audit trail about (/audit <kind> <id>). */
export const auditObjectKinds = ['order', 'channel', 'user', 'payout', 'dispute'] as const;
export type AuditObjectKind = (typeof auditObjectKinds)[number];

/** Rows per page of the admin audit view. */
export const auditPageSize = 8;

export interface AuditRow {
  id: string;
  at: Date;
  actor: string;
  action: string;
  objectType: string;
  data: Record<string, unknown>;
}

export interface AuditPage {
  rows: AuditRow[];
  total: number;
  page: number;
  pages: number;
}

/** The object_type values an audit kind covers (a user's rows are 'account' rows). */
function objectTypesOf(kind: AuditObjectKind): string[] {
  switch (kind) {
    case 'user':
      return ['account'];
    case 'order':
      return ['order'];
    case 'channel':
      return ['channel'];
    case 'payout':
      return ['payout'];
    case 'dispute':
      return ['dispute'];
  }
}

/**
 * One page of an object's audit trail, newest first — the admin's cross-tenant read of the
 * append-only log (orders also show their payments' rows, found by the order id in the data).
 */
export async function auditTrail(
  database: Database,
  input: { kind: AuditObjectKind; objectId: string; page: number; pageSize?: number },
): Promise<AuditPage> {
  const size = input.pageSize ?? auditPageSize;
  return database.withSystem('admin: audit trail of an object', async (tx) => {
    const direct = and(
      inArray(auditLog.objectType, objectTypesOf(input.kind)),
      eq(auditLog.objectId, input.objectId),
    );
    const where =
      input.kind === 'order'
        ? sql`(${direct}) or (${auditLog.objectType} = 'payment' and ${auditLog.data}->>'orderId' = ${input.objectId})`
        : direct;
    const [counted] = await tx.select({ n: count() }).from(auditLog).where(where);
    const total = counted?.n ?? 0;
    const pages = Math.max(1, Math.ceil(total / size));
    const page = Math.min(Math.max(0, input.page), pages - 1);
    const rows = await tx
      .select({
        id: auditLog.id,
        at: auditLog.at,
        actor: auditLog.actor,
        action: auditLog.action,
        objectType: auditLog.objectType,
        data: auditLog.data,
      })
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(size)
      .offset(page * size);
    return { rows, total, page, pages };
  });
}
