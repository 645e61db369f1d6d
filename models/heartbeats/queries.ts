import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db.js';
import { jobHeartbeats } from './table.js';

/** When the job last recorded a heartbeat, or undefined if it never did. */
export async function lastHeartbeat(tx: DbOrTx, jobName: string): Promise<Date | undefined> {
  const rows = await tx
    .select({ ranAt: jobHeartbeats.ranAt })
    .from(jobHeartbeats)
    .where(eq(jobHeartbeats.jobName, jobName))
    .limit(1);
  return rows[0]?.ranAt;
}
