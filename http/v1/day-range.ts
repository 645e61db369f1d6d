import { z } from 'zod';

const dayMs = 86_400_000;

/** `from` and `to` query members: whole local days (YYYY-MM-DD) of the resource's time zone. */
export function dayRangeMembers(maxDays: number) {
  return {
    from: z.iso.date().describe('First local day (YYYY-MM-DD), included.'),
    to: z.iso
      .date()
      .describe(`Last local day (YYYY-MM-DD), included; at most ${maxDays} days in all.`),
  };
}

/** A query with `dayRangeMembers`, checked: `to` not before `from`, at most `maxDays` days. */
export function checkDayRange<T extends z.ZodObject>(query: T, maxDays: number): T {
  return query.superRefine((value, ctx) => {
    const { from, to } = value as { from: string; to: string };
    if (to < from) ctx.addIssue({ code: 'custom', message: 'to is before from', path: ['to'] });
    else if (Date.parse(to) - Date.parse(from) >= maxDays * dayMs)
      ctx.addIssue({ code: 'custom', message: `at most ${maxDays} days in all`, path: ['to'] });
  });
}
