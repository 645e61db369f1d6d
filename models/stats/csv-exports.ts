import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { workspaceAllows } from '../workspaces/plan-limits.js';
import { rowsOf, type CsvExportKind, type CsvExportRows } from './csv-export-rows.js';
import { dashboardRange, type DashboardPeriod } from './owner-dashboard.js';
import { readOwnWorkspace, readWorkspaceChannels, type WorkspaceChannel } from './own-workspace.js';

/** An export's rows with its period, the viewer's time zone and the channel shown (null: all). */
export type CsvExport = CsvExportRows & {
  days: DashboardPeriod;
  timezone: string;
  from: Date;
  to: Date;
  channel: WorkspaceChannel | null;
};

export type CsvExportCode = 'no_workspace' | 'unknown_channel' | 'not_pro';

/**
 * One CSV export of the owner dashboard — its period (the last `days` × 24 h to `now`) and its
 * channel (or all) — read in one transaction of the owner's own workspace: only its owner, only on
 * its channels (`unknown_channel`), only on Pro (`not_pro`). The rows are data; format/csv-exports.ts
 * writes them.
 */
export async function readCsvExport(
  database: Database,
  input: {
    accountId: string;
    kind: CsvExportKind;
    days: DashboardPeriod;
    channelId: string | null;
    now: Date;
  },
): Promise<Result<CsvExport, CsvExportCode>> {
  const own = await readOwnWorkspace(database, input.accountId);
  if (!own) return fail('no_workspace');
  const { workspaceId, timezone } = own;
  const range = dashboardRange(input.days, input.now);
  const scope = { workspaceId, accountId: input.accountId };
  return database.withScope(scope, async (tx): Promise<Result<CsvExport, CsvExportCode>> => {
    const all = await readWorkspaceChannels(tx, workspaceId);
    const channel = input.channelId ? all.find((c) => c.id === input.channelId) : undefined;
    if (input.channelId && !channel) return fail('unknown_channel');
    // Pro only: the plan in force now, not the one the dashboard was opened with.
    if (!(await workspaceAllows(tx, workspaceId, 'csv_exports', input.now))) return fail('not_pro');
    const shown = {
      workspaceId,
      channelIds: (channel ? [channel] : all).map((c) => c.id),
      range,
    };
    return ok({
      days: input.days,
      timezone,
      ...range,
      channel: channel ?? null,
      ...(await rowsOf(tx, input.kind, shown)),
    });
  });
}
