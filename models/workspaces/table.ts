import { sql } from 'drizzle-orm';
import {
  check,
  unique,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/table.js';

export const workspacePlans = ['free', 'pro'] as const;
export type WorkspacePlan = (typeof workspacePlans)[number];
export const memberRoles = ['owner', 'manager'] as const;
export type MemberRole = (typeof memberRoles)[number];

/** A tenant: owned by one account; its id is the `app.workspace_id` that scopes every tenant row. */
export const workspaces = pgTable(
  'workspaces',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerAccountId: uuid('owner_account_id')
      .notNull()
      .references(() => accounts.id),
    title: text('title'),
    plan: text('plan', { enum: workspacePlans }).notNull().default('free'),
    planExpiresAt: timestamp('plan_expires_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('workspaces_owner_idx').on(t.ownerAccountId),
    check('workspaces_plan_check', sql`${t.plan} in ('free', 'pro')`),
  ],
);

/** Who may act in a workspace; one row per (workspace, account). */
export const workspaceMembers = pgTable(
  'workspace_members',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    role: text('role', { enum: memberRoles }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'workspace_members_pkey', columns: [t.workspaceId, t.accountId] }),
    index('workspace_members_account_idx').on(t.accountId),
    check('workspace_members_role_check', sql`${t.role} in ('owner', 'manager')`),
  ],
);

/** One-time invite codes for co-managers; redeemed once (used_at set). */
export const workspaceInvites = pgTable(
  'workspace_invites',
  {
    id: uuid('id').notNull().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    role: text('role', { enum: memberRoles }).notNull().default('manager'),
    createdByAccountId: uuid('created_by_account_id')
      .notNull()
      .references(() => accounts.id),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    usedByAccountId: uuid('used_by_account_id').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'workspace_invites_pkey', columns: [t.id, t.workspaceId] }),
    unique('workspace_invites_code_key').on(t.code, t.workspaceId),
    index('workspace_invites_workspace_idx').on(t.workspaceId),
    check('workspace_invites_role_check', sql`${t.role} in ('owner', 'manager')`),
  ],
);
