import type { ShardSnapshot } from '../models/intake/streams.js';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  httpRequests: Histogram<'method' | 'route' | 'status'>;
  botUpdates: Counter<'type'>;
  /** Intake outcomes: handled, retried (a failed attempt), parked (waits for an admin). */
  intakeOutcomes: Counter<'outcome'>;
  /** Updates parked in the intake now (refreshed by the bot's intake sweep). */
  intakeParked: Gauge;
  /** Stars charges payments.reconcile-stars settled (their update was never handled), by outcome. */
  starsReconciled: Counter<'outcome'>;
}

/** One Prometheus registry per process: default Node metrics plus ours. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'lytslot_' });
  return {
    registry,
    httpRequests: new Histogram({
      name: 'lytslot_http_request_duration_seconds',
      help: 'HTTP request duration by route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    botUpdates: new Counter({
      name: 'lytslot_bot_updates_total',
      help: 'Telegram updates handled, by update type',
      labelNames: ['type'],
      registers: [registry],
    }),
    intakeOutcomes: new Counter({
      name: 'lytslot_intake_updates_total',
      help: 'Telegram updates taken from the durable intake, by outcome',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    intakeParked: new Gauge({
      name: 'lytslot_intake_parked',
      help: 'Telegram updates parked after repeated failures, waiting for an admin',
      registers: [registry],
    }),
    starsReconciled: new Counter({
      name: 'lytslot_stars_reconciled_total',
      help: 'Stars charges found unhandled in getStarTransactions and settled, by outcome',
      labelNames: ['outcome'],
      registers: [registry],
    }),
  };
}

/**
 * Gauges of sharded mode: per partition its backlog (entries not yet handled), its pending
 * entries (delivered to a worker, not acknowledged) and its lease owner; the fetcher lease's
 * owner; this process's part. One Redis read per scrape, shared by the gauges.
 */
export function registerShardMetrics(metrics: Metrics, read: () => Promise<ShardSnapshot>): void {
  let cached: { at: number; snapshot: Promise<ShardSnapshot> } | undefined;
  const snapshot = () => {
    const now = performance.now();
    if (!cached || now - cached.at > 1_000) cached = { at: now, snapshot: read() };
    return cached.snapshot;
  };
  const registers = [metrics.registry];
  new Gauge({
    name: 'lytslot_stream_length',
    help: 'Updates in a partition stream not yet handled (the lag), by partition',
    labelNames: ['partition'],
    registers,
    async collect() {
      this.reset();
      for (const p of (await snapshot()).partitions)
        this.set({ partition: String(p.partition) }, p.length);
    },
  });
  new Gauge({
    name: 'lytslot_stream_pending',
    help: 'Updates delivered to a worker and not acknowledged yet, by partition',
    labelNames: ['partition'],
    registers,
    async collect() {
      this.reset();
      for (const p of (await snapshot()).partitions)
        this.set({ partition: String(p.partition) }, p.pending);
    },
  });
  new Gauge({
    name: 'lytslot_partition_lease',
    help: 'The worker holding a partition lease (1 per partition and owner)',
    labelNames: ['partition', 'owner'],
    registers,
    async collect() {
      this.reset();
      for (const p of (await snapshot()).partitions)
        if (p.owner) this.set({ partition: String(p.partition), owner: p.owner }, 1);
    },
  });
  new Gauge({
    name: 'lytslot_fetcher_lease',
    help: 'The fetcher holding the getUpdates lease (1 for its owner)',
    labelNames: ['owner'],
    registers,
    async collect() {
      this.reset();
      const { fetcher } = await snapshot();
      if (fetcher) this.set({ owner: fetcher }, 1);
    },
  });
  new Gauge({
    name: 'lytslot_shard_role',
    help: "This process's part: fetcher 1 active / 0 standby; worker: partitions owned",
    labelNames: ['role'],
    registers,
    async collect() {
      this.reset();
      const { fetcherActive, owned } = await snapshot();
      if (fetcherActive !== undefined) this.set({ role: 'fetcher' }, fetcherActive ? 1 : 0);
      if (owned) this.set({ role: 'worker' }, owned.length);
    },
  });
}
