/** What every benchmark module exports; test/bench/index.ts runs a list of them. */
export interface Benchmark {
  /** Short name, used on the command line (`npm run bench -- throughput`). */
  readonly name: string;
  /** One line: what is measured against what. */
  readonly summary: string;
  run(context: BenchContext): Promise<BenchReport>;
}

export interface BenchContext {
  /** Smaller loads for a smoke check (`--quick`); the numbers are then not comparable. */
  readonly quick: boolean;
  /** Progress lines (stderr), so stdout stays the report. */
  log(message: string): void;
}

export type Cell = string | number;

/** A table of absolute numbers and the side-by-side ratio lines under it. */
export interface BenchReport {
  title: string;
  columns: string[];
  rows: Cell[][];
  /** e.g. `throughput: echo 1234 upd/s · lytslot 456 upd/s · ratio 0.37` */
  ratios: string[];
  /** Further tables printed under the main one (e.g. a breakdown of one of its rows). */
  tables?: { title: string; columns: string[]; rows: Cell[][] }[];
  notes?: string[];
}
