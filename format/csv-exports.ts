import { DateTime } from 'luxon';
import type { CsvExportKind } from '../models/stats/csv-export-rows.js';
import type { CsvExport } from '../models/stats/csv-exports.js';
import { csvAmount, csvMoment, csvText, type CsvCell } from './csv.js';

/** An export's header and rows as cells. */
function tableOf(data: CsvExport): { header: string[]; rows: CsvCell[][] } {
  const zone = data.timezone;
  const at = (name: string) => `${name} (${zone})`;
  const moment = (value: Date | null) => csvMoment(value, zone);
  switch (data.kind) {
    case 'orders':
      return {
        header: [
          'id',
          at('created'),
          'status',
          'advertiser',
          'advertiser username',
          'channels',
          'items',
          'currency',
          'total',
          'refunded',
          at('paid'),
        ],
        rows: data.rows.map((o) => [
          o.id,
          moment(o.createdAt),
          o.status,
          o.advertiserName,
          o.advertiserUsername,
          o.channels.join('; '),
          o.items,
          o.currency,
          csvAmount(o.total, o.currency),
          csvAmount(o.refunded, o.currency),
          moment(o.paidAt),
        ]),
      };
    case 'placements':
      return {
        header: [
          'id',
          'order id',
          'channel',
          'format',
          'variant',
          at('due'),
          at('published'),
          'status',
          'clicks',
          'unique clicks',
          'joins',
          'leaves',
          'reactions',
        ],
        rows: data.rows.map((p) => [
          p.id,
          p.orderId,
          p.channel,
          p.format,
          p.variantIndex + 1,
          moment(p.dueAt),
          moment(p.publishedAt),
          p.status,
          p.clicks,
          p.uniqueClicks,
          p.joins,
          p.leaves,
          p.reactions,
        ]),
      };
    case 'payouts':
      return {
        header: [
          'id',
          at('requested'),
          'status',
          'currency',
          'amount',
          'method',
          at('decided'),
          at('paid'),
        ],
        rows: data.rows.map((p) => [
          p.id,
          moment(p.requestedAt),
          p.status,
          p.currency,
          csvAmount(p.amount, p.currency),
          p.method,
          moment(p.decidedAt),
          moment(p.paidAt),
        ]),
      };
    case 'daily':
      return {
        header: ['channel', 'day', 'clicks', 'unique clicks', 'joins', 'leaves'],
        rows: data.rows.map((d) => [d.channel, d.day, d.clicks, d.uniqueClicks, d.joins, d.leaves]),
      };
  }
}

/**
 * An export of the owner dashboard as CSV text (format/csv.ts): English column names that stay
 * the same in every language (scripts read them), times in the viewer's zone named in their
 * column, money as decimals beside a currency column, statuses as stored.
 */
export function exportCsv(data: CsvExport): string {
  const { header, rows } = tableOf(data);
  return csvText(header, rows);
}

/** The file's name: `lytslot-<kind>-<viewer's date>-<days>d.csv`. */
export function csvExportFilename(
  kind: CsvExportKind,
  data: Pick<CsvExport, 'days' | 'timezone' | 'to'>,
): string {
  const day = DateTime.fromJSDate(data.to, { zone: data.timezone }).toFormat('yyyy-MM-dd');
  return `lytslot-${kind}-${day}-${data.days}d.csv`;
}
