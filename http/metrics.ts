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
