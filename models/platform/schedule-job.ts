/** Schedules a job at a platform time (jobs.scheduleAt at the edge); models never import Agenda. */
export type ScheduleJob = (name: string, data: Record<string, unknown>, at: Date) => Promise<void>;
