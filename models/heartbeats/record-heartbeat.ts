import type { DbOrTx } from '../db.js';
import { jobHeartbeats } from './table.js';

/** Records that a job ran at `at` (platform clock); keeps one row per job name. */
export async function recordHeartbeat(tx: DbOrTx, jobName: string, at: Date): Promise<void> {
  await tx
    .insert(jobHeartbeats)
    .values({ jobName, ranAt: at })
    .onConflictDoUpdate({ target: jobHeartbeats.jobName, set: { ranAt: at } });
}
