import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The last run of each job (one row per job name), for /readyz. */
export const jobHeartbeats = pgTable('job_heartbeats', {
  id: uuid('id').primaryKey().defaultRandom(),
  jobName: text('job_name').notNull().unique(),
  ranAt: timestamp('ran_at', { withTimezone: true }).notNull(),
});
