import type { AuditObjectKind } from '../../../../models/audit/queries.js';

/** One-letter object codes in callback data (64-byte limit): order, channel, user, payout, dispute. */
export const kindCodes = {
  o: 'order',
  c: 'channel',
  u: 'user',
  p: 'payout',
  d: 'dispute',
} as const;
export type KindCode = keyof typeof kindCodes;

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** Callback data of the admin look-ups (`adm:ops:…`, handled behind the admin guard). */
export const opsData = {
  /** Opens the audit view as a new message (from a look-up answer). */
  audit: (kind: KindCode, id: string, page: number) => `adm:ops:a:${kind}:${id}:${page}`,
  /** Turns a page of the audit view in place. */
  page: (kind: KindCode, id: string, page: number) => `adm:ops:p:${kind}:${id}:${page}`,
  block: (kind: 'c' | 'u', id: string) => `adm:ops:b:${kind}:${id}`,
  unblock: (kind: 'c' | 'u', id: string) => `adm:ops:u:${kind}:${id}`,
  refund: (orderId: string) => `adm:ops:r:o:${orderId}`,
};

export const auditPattern = new RegExp(`^adm:ops:([ap]):([ocupd]):(${uuid}):(\\d{1,4})$`);
export const actionPattern = new RegExp(`^adm:ops:([bur]):([ocu]):(${uuid})$`);

/** The audit kind of a one-letter code. */
export function auditKindOf(code: string): AuditObjectKind | undefined {
  return code in kindCodes ? kindCodes[code as KindCode] : undefined;
}
