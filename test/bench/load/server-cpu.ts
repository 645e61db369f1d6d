import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import type { Database } from '../../../models/db.js';

/** Linux reports a process's CPU time in clock ticks of 1/100 s (USER_HZ). */
const microsPerTick = 10_000;

/** utime + stime of a process in µs, or undefined when /proc does not show it. */
async function processCpuMicros(pid: number): Promise<number | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (!stat) return undefined;
  // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * microsPerTick;
}

/**
 * CPU the PostgreSQL server spends on one database: the backends serving it, read from /proc
 * (the server must run on this machine; elsewhere every reading is undefined). measure() returns
 * a stop function giving the µs spent since; a backend that exits meanwhile is not counted.
 */
export function createServerCpu(database: Database) {
  async function snapshot(): Promise<Map<number, number> | undefined> {
    const { rows } = await database.db.execute<{ pid: number }>(
      sql`select pid from pg_stat_activity where datname = current_database()`,
    );
    const readings = await Promise.all(
      rows.map(async (r) => [r.pid, await processCpuMicros(r.pid)]),
    );
    const seen = readings.filter((r): r is [number, number] => r[1] !== undefined);
    return seen.length ? new Map(seen) : undefined;
  }
  return {
    async measure(): Promise<() => Promise<number | undefined>> {
      const before = await snapshot();
      return async () => {
        const after = await snapshot();
        if (!before || !after) return undefined;
        let micros = 0;
        for (const [pid, now] of after) micros += now - (before.get(pid) ?? 0);
        return micros;
      };
    },
  };
}
