import type { BenchReport, Cell } from './types.js';

/** Median of a non-empty list. */
export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The nearest-rank percentile (0 < p ≤ 100) of a non-empty list, e.g. p95 of latencies. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!;
}

/** A number with at most `digits` decimals and thin grouping, e.g. 1234.5 → "1 234.5". */
export function num(value: number, digits = 0): string {
  const [whole = '', fraction] = Math.abs(value).toFixed(digits).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** Bytes as mebibytes with one decimal. */
export function mib(bytes: number): string {
  return `${num(bytes / 1024 / 1024, 1)} MiB`;
}

/** `a / b` with two decimals, or "n/a" when b is zero. */
export function ratio(a: number, b: number): string {
  return b === 0 ? 'n/a' : (a / b).toFixed(2);
}

/** An aligned plain-text table (header, rule, rows); numeric columns are right-aligned. */
function formatTable(columns: string[], rows: Cell[][]): string[] {
  const cells: string[][] = [columns, ...rows.map((row) => row.map(String))];
  const numeric = columns.map((_, i) =>
    rows.every((row) => typeof row[i] === 'number' || /^[-\d\s.,]+/.test(String(row[i]))),
  );
  const widths = columns.map((_, i) => Math.max(...cells.map((row) => row[i]?.length ?? 0)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => (i > 0 && numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(cells[0]!), rule, ...cells.slice(1).map(line)];
}

/** Renders a report as aligned plain-text tables, then its ratio lines and notes. */
export function formatReport(name: string, report: BenchReport): string {
  return [
    `== ${name}: ${report.title}`,
    ...formatTable(report.columns, report.rows),
    ...(report.tables ?? []).flatMap((table) => [
      '',
      `-- ${table.title}`,
      ...formatTable(table.columns, table.rows),
    ]),
    '',
    ...report.ratios,
    ...(report.notes ?? []).map((note) => `  note: ${note}`),
    '',
  ].join('\n');
}
