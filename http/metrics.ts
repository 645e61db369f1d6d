import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  httpRequests: Histogram<'method' | 'route' | 'status'>;
  botUpdates: Counter<'type'>;
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
  };
}
