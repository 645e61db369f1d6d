import type { Agenda, Job } from 'agenda';
import type { z } from 'zod';
import type { Logger } from '../models/logger.js';

/** A job: `<domain>.<verb>` name, zod-validated data, and a body that calls use-cases only. */
export interface JobSpec<S extends z.ZodType> {
  name: `${string}.${string}`;
  data: S;
  run(data: z.infer<S>, job: Job<unknown>): Promise<void>;
  concurrency?: number;
  /** How long a run may go untouched before another worker takes the job (runs touch it at a third). */
  lockLifetimeMs?: number;
}

/** Registers a job on Agenda; invalid data fails the run with a readable error instead of running. */
export function defineJob<S extends z.ZodType>(
  agenda: Agenda,
  logger: Logger,
  spec: JobSpec<S>,
): void {
  agenda.define(
    spec.name,
    async (job: Job<unknown>) => {
      const parsed = spec.data.safeParse(job.attrs.data ?? {});
      if (!parsed.success) {
        const problems = parsed.error.issues.map(
          (i) => `${i.path.join('.') || 'data'}: ${i.message}`,
        );
        throw new Error(`Invalid data for job ${spec.name}: ${problems.join('; ')}`);
      }
      const log = logger.child({ job: spec.name, jobId: String(job.attrs._id ?? '') });
      log.debug('job started');
      // Touched at a third of the lock lifetime: a slow run keeps its lock, so another worker only
      // takes the job once this process is gone (a lost touch is retried at the next beat).
      const lockLifetime =
        agenda.definitions[spec.name]?.lockLifetime ?? agenda.attrs.defaultLockLifetime;
      const beat = setInterval(() => job.touch().catch(() => undefined), lockLifetime / 3);
      try {
        await spec.run(parsed.data, job);
      } finally {
        clearInterval(beat);
      }
      log.debug('job finished');
    },
    {
      // Locks no more jobs than it runs at once: the rest stay free for other workers.
      lockLimit: spec.concurrency ?? agenda.attrs.defaultConcurrency,
      ...(spec.concurrency ? { concurrency: spec.concurrency } : {}),
      ...(spec.lockLifetimeMs ? { lockLifetime: spec.lockLifetimeMs } : {}),
    },
  );
}
