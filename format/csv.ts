import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import type { Currency } from '../models/orders/table.js';

/** One cell: text or a number as is (never locale-formatted); null is an empty cell. */
export type CsvCell = string | number | null;

/** Decimals of a currency's major unit: Stars are whole. */
const decimals: Record<Currency, 0 | 2> = { XTR: 0, RUB: 2, USD: 2, EUR: 2 };

/**
 * RFC 4180 text for spreadsheets: a UTF-8 byte order mark first (so Excel reads UTF-8), the
 * header row, CRLF line ends, a field quoted when it holds a comma, a quote or a line break. A
 * text cell that begins like a formula (=, +, -, @, tab, CR) gets a leading ' so that a
 * spreadsheet shows it as text and never runs it (a channel title or a name is anyone's text).
 */
export function csvText(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify([header, ...rows], {
    bom: true,
    record_delimiter: 'windows',
    escape_formulas: true,
  });
}

/** A moment as `YYYY-MM-DD HH:mm` in the zone (the header names it); empty for none. */
export function csvMoment(at: Date | null, zone: string): string {
  return at ? DateTime.fromJSDate(at, { zone }).toFormat('yyyy-MM-dd HH:mm') : '';
}

/** Minor units as a decimal of the major unit, with a dot: «1500.50» RUB, «1540» ⭐. */
export function csvAmount(minor: number, currency: Currency): string {
  const places = decimals[currency];
  if (places === 0) return String(minor);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
