import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Each worker runs file after file in one process: a process per file paid the imports, the
    // PGlite WASM compile and the template load again for every file (about half the CPU of a
    // pass). So a test file closes what it starts and leaves process-wide state (globals, process
    // listeners, env) as it found it; each still makes its own database and emulator.
    isolate: false,
    // Three on two cores: files also wait on real time (job polls, timers), which a third fills
    // (measured on subsets of the suite: 4–33 % faster than two; docs/decisions.md).
    maxWorkers: 3,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
