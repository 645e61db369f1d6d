// Every table, for drizzle-kit and for the typed `Db`. Explicit re-exports only.
export { accounts } from './accounts/table.js';
export { workspaces, workspaceMembers, workspaceInvites } from './workspaces/table.js';
export { channels } from './channels/table.js';
export { slots } from './slots/table.js';
export { orders, orderItems, creatives } from './orders/table.js';
export { channelAccess } from './orders/access-table.js';
export { placements } from './placements/table.js';
export { payments } from './payments/table.js';
export { ledgerEntries } from './ledger/table.js';
export { payouts } from './payouts/table.js';
export { subscriptions } from './subscriptions/table.js';
export { events } from './events/table.js';
export { apiKeys } from './api-keys/table.js';
export { auditLog } from './audit/table.js';
export { webhookEvents } from './webhooks/table.js';
export { botSessions } from './sessions/table.js';
export { jobHeartbeats } from './heartbeats/table.js';
export { platformSettings } from './platform/table.js';
