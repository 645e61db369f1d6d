import { InputFile } from 'grammy';
import { csvExportFilename, exportCsv } from '../../../format/csv-exports.js';
import { formatDate } from '../../../format/dates.js';
import { csvExportData } from '../../../messages/callback-data/analytics.js';
import { assertNever } from '../../../models/errors.js';
import type { CsvExportKind } from '../../../models/stats/csv-export-rows.js';
import { readCsvExport, type CsvExport } from '../../../models/stats/csv-exports.js';
import type { DashboardPeriod } from '../../../models/stats/owner-dashboard.js';
import type { BotContext, BotDeps } from '../../context.js';

/** The export's name in the caption. */
function nameOf(ctx: BotContext, kind: CsvExportKind): string {
  switch (kind) {
    case 'orders':
      return ctx.tPlain('analytics-csv-name-orders');
    case 'placements':
      return ctx.tPlain('analytics-csv-name-placements');
    case 'payouts':
      return ctx.tPlain('analytics-csv-name-payouts');
    case 'daily':
      return ctx.tPlain('analytics-csv-name-daily');
  }
}

/** What the file holds: the export, its channels, its period and how many rows (or none). */
function captionOf(ctx: BotContext, data: CsvExport, locale: string): string {
  const scope =
    data.kind === 'payouts'
      ? ctx.tPlain('analytics-csv-scope-workspace')
      : (data.channel?.title ?? ctx.tPlain('analytics-scope-all'));
  return [
    ctx.t('analytics-csv-caption', { name: nameOf(ctx, data.kind), scope, days: data.days }),
    ctx.t('analytics-csv-period', {
      from: formatDate(data.from, data.timezone, locale),
      to: formatDate(data.to, data.timezone, locale),
    }),
    data.rows.length === 0
      ? ctx.t('analytics-csv-empty')
      : ctx.t('analytics-csv-rows', { rows: data.rows.length }),
  ].join('\n');
}

/**
 * A pressed «⬇️» export (`ana:csv:…`): the data is untrusted, so the owner's own workspace, the
 * channel and Pro are checked again as the rows are read; the CSV comes as a document (an export
 * without rows too: a header-only file).
 */
export async function sendCsvExport(ctx: BotContext, deps: BotDeps, data: string): Promise<void> {
  if (!ctx.account) return;
  const { kind, days, channel } = csvExportData.parse(data);
  const result = await readCsvExport(deps.database, {
    accountId: ctx.account.id,
    kind,
    days: Number(days) as DashboardPeriod,
    channelId: channel,
    now: deps.clock.now(),
  });
  if (!result.ok) {
    const text = (() => {
      switch (result.code) {
        case 'no_workspace':
          return ctx.tPlain('analytics-no-workspace');
        case 'unknown_channel':
          return ctx.tPlain('analytics-unknown-channel');
        case 'not_pro':
          return ctx.tPlain('analytics-csv-pro-required');
        default:
          return assertNever(result.code);
      }
    })();
    await ctx.answerCallbackQuery({ text, show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
  const locale = await ctx.i18n.getLocale();
  const file = Buffer.from(exportCsv(result.value), 'utf8');
  await ctx.replyWithDocument(new InputFile(file, csvExportFilename(kind, result.value)), {
    caption: captionOf(ctx, result.value, locale),
  });
}

/** The Free plan's «CSV exports (Pro)»: an alert that they come with Pro (/plan). */
export async function explainCsvPro(ctx: BotContext): Promise<void> {
  await ctx.answerCallbackQuery({
    text: ctx.tPlain('analytics-csv-pro-required'),
    show_alert: true,
  });
}
