import type { Reporter, TestModule } from 'vitest/node';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/**
 * Prints the 10 slowest test files after a run, each with its whole time in the worker: import,
 * hooks and tests (the JSON report's start/end times cover the tests only, not beforeAll/afterAll).
 * Used by .ci/run: `--reporter=./test/helpers/slowest-files-reporter.ts`.
 */
export default class SlowestFilesReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const rows = modules
      .map((m) => {
        const { collectDuration, duration } = m.diagnostic();
        return {
          file: m.relativeModuleId,
          importMs: collectDuration,
          totalMs: collectDuration + duration,
        };
      })
      .sort((a, b) => b.totalMs - a.totalMs)
      .slice(0, 10);
    if (rows.length === 0) return;
    const lines = rows.map(
      (r) => `${seconds(r.totalMs).padStart(8)}  (import ${seconds(r.importMs)})  ${r.file}`,
    );
    process.stdout.write(
      `\n${rows.length} slowest test files (import + hooks + tests):\n${lines.join('\n')}\n`,
    );
  }
}
