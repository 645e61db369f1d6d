import type { MemberRole } from './table.js';

/** What a member may do; managers do everything except these owner-only actions (issue: co-managers). */
export type WorkspaceAction =
  | 'channels.view'
  | 'channels.add'
  | 'channels.edit'
  | 'channels.pause'
  | 'channels.remove'
  | 'slots.edit'
  | 'orders.review'
  | 'members.manage'
  | 'payouts.manage'
  | 'api_keys.manage';

const ownerOnly: ReadonlySet<WorkspaceAction> = new Set([
  'channels.remove',
  'members.manage',
  'payouts.manage',
  'api_keys.manage',
]);

/** True when a member with this role may perform the action. */
export function canPerform(role: MemberRole, action: WorkspaceAction): boolean {
  return role === 'owner' || !ownerOnly.has(action);
}
