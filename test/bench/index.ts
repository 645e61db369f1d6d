import { cpus, loadavg } from 'node:os';
import { analyticsBenchmark } from './analytics.js';
import { apiBenchmark } from './api.js';
import { bookingRaceBenchmark } from './booking-race.js';
import { memoryBenchmark } from './memory/index.js';
import { publishBurstBenchmark } from './publish-burst.js';
import { formatReport } from './report.js';
import { slotsMaterializeBenchmark } from './slots-materialize.js';
import { scaleBenchmark } from './scale.js';
import { startBenchmark } from './start/index.js';
import { throughputBenchmark } from './throughput.js';
import type { Benchmark } from './types.js';

/** Every benchmark, in run order; later ones (booking races, due-post bursts, dashboards) go here. */
const benchmarks: Benchmark[] = [
  throughputBenchmark,
  memoryBenchmark,
  startBenchmark,
  slotsMaterializeBenchmark,
  bookingRaceBenchmark,
  publishBurstBenchmark,
  apiBenchmark,
  analyticsBenchmark,
  scaleBenchmark,
];

const usage = `usage: npm run bench [-- [--quick] [--list] [name…]]
  names: ${benchmarks.map((b) => b.name).join(', ')} (default: all)
  --quick  small loads, a smoke check only`;

async function main(argv: string[]): Promise<number> {
  const flags = new Set(argv.filter((a) => a.startsWith('-')));
  const names = argv.filter((a) => !a.startsWith('-'));
  if (flags.has('--help') || flags.has('-h')) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (flags.has('--list')) {
    for (const b of benchmarks) process.stdout.write(`${b.name.padEnd(12)} ${b.summary}\n`);
    return 0;
  }
  const unknown = [
    ...names.filter((n) => !benchmarks.some((b) => b.name === n)),
    ...[...flags].filter((f) => f !== '--quick'),
  ];
  if (unknown.length) {
    process.stderr.write(`unknown: ${unknown.join(', ')}\n${usage}\n`);
    return 2;
  }
  const selected = names.length ? benchmarks.filter((b) => names.includes(b.name)) : benchmarks;
  const quick = flags.has('--quick');
  const context = { quick, log: (message: string) => process.stderr.write(`  · ${message}\n`) };

  process.stdout.write(
    `LytSlot benchmarks — node ${process.version}, ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}${quick ? ', QUICK (not comparable)' : ''}\n\n`,
  );
  let failed = 0;
  for (const benchmark of selected) {
    const started = performance.now();
    try {
      const report = await benchmark.run(context);
      process.stdout.write(formatReport(benchmark.name, report));
      process.stdout.write(`  (${((performance.now() - started) / 1000).toFixed(1)} s)\n\n`);
    } catch (error) {
      failed += 1;
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stdout.write(`== ${benchmark.name}: FAILED\n${text}\n\n`);
    }
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
