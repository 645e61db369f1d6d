import type { AdminCardKind } from '../../models/admin/table.js';

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** Callback data of an admin card button: `adm:<kind>:<action>:<objectId>` (≤ 64 bytes). */
export function adminData(kind: AdminCardKind, action: string, objectId: string): string {
  return `adm:${kind}:${action}:${objectId}`;
}

/** Matches one kind's buttons; match[1] is the action, match[2] the object id. */
export function adminDataPattern(kind: AdminCardKind, actions: readonly string[]): RegExp {
  return new RegExp(`^adm:${kind}:(${actions.join('|')}):(${uuid})$`);
}

/** Whether callback data belongs to the admin chat (guarded). */
export function isAdminData(data: string | undefined): boolean {
  return data?.startsWith('adm:') === true;
}
