import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { startApiBenchApp, type ApiBenchApp } from './api-app.js';
import { testServerUrl } from '../helpers/db.js';
import { num, percentile, ratio } from './report.js';
import type { Benchmark, BenchReport } from './types.js';

/** Clients in flight, each with its own advertiser key and keep-alive connection. */
const clients = 50;
const channelCount = 25;
const plan = {
  full: { requests: 2_000, warmup: 200 },
  quick: { requests: 100, warmup: clients },
};

type Send = (client: number) => Promise<Response>;

interface Measured {
  label: string;
  requests: number;
  ms: number;
  latencies: number[];
  /** Count per non-2xx status (or network error message). */
  failures: Map<string, number>;
  sample?: string;
}

/** `requests` sends over `clients` closed loops; each latency is send → last body byte. */
async function drive(label: string, requests: number, send: Send): Promise<Measured> {
  const measured: Measured = { label, requests, ms: 0, latencies: [], failures: new Map() };
  let issued = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (issued < requests) {
        issued += 1;
        const sent = performance.now();
        let failure: string | undefined;
        try {
          const response = await send(client);
          const text = await response.text();
          if (!response.ok) {
            failure = String(response.status);
            measured.sample ??= text.slice(0, 400);
          }
        } catch (error) {
          failure = error instanceof Error ? error.message : String(error);
        }
        measured.latencies.push(performance.now() - sent);
        if (failure) measured.failures.set(failure, (measured.failures.get(failure) ?? 0) + 1);
      }
    }),
  );
  measured.ms = performance.now() - started;
  if (measured.failures.size) {
    const counts = [...measured.failures].map(([what, n]) => `${what} × ${n}`).join(', ');
    throw new Error(`${label}: not 2xx: ${counts}; first answer: ${measured.sample ?? '-'}`);
  }
  return measured;
}

/** The three requests compared: liveness, the advertiser catalog, a booking with a Stars link. */
function requestsOf(app: ApiBenchApp): { label: string; send: Send }[] {
  const auth = (client: number) => ({ authorization: `Bearer ${app.keys[client]}` });
  let booked = 0;
  return [
    { label: 'GET /healthz', send: () => fetch(`${app.url}/healthz`) },
    {
      label: 'GET /v1/channels',
      send: (client) => fetch(`${app.url}/v1/channels`, { headers: auth(client) }),
    },
    {
      label: 'POST /v1/orders',
      send: (client) => {
        const slot = app.slots[booked++];
        if (!slot) throw new Error('no free slot left to book');
        return fetch(`${app.url}/v1/orders`, {
          method: 'POST',
          headers: {
            ...auth(client),
            'content-type': 'application/json',
            'idempotency-key': randomUUID(),
          },
          body: JSON.stringify({
            items: [
              {
                channel_id: slot.channelId,
                starts_at: slot.startsAt.toISOString(),
                format: '1/24',
              },
            ],
            creative: { text: '<b>Fresh coffee</b> every morning' },
            payment_method: 'stars',
          }),
        });
      },
    },
  ];
}

/** Order items booked and the distinct slots they hold: equal, and one per POST. */
async function assertDistinctBookings(app: ApiBenchApp, posts: number): Promise<void> {
  const found = await app.database.withSystem('bench: count api bookings', (tx) =>
    tx.execute<{ items: number; slots: number }>(
      sql`select count(*)::int as items, count(distinct slot_id)::int as slots from order_items`,
    ),
  );
  const { items, slots } = found.rows[0] ?? { items: 0, slots: 0 };
  if (items !== posts || slots !== posts)
    throw new Error(`bookings broken: ${posts} POSTs, ${items} order items, ${slots} slots`);
}

/**
 * Latency and throughput of the partner API (issue 15): GET /v1/channels and POST /v1/orders
 * against GET /healthz on the same server, 50 clients with their own keys, in one run.
 */
export const apiBenchmark: Benchmark = {
  name: 'api',
  summary: 'partner API p50/p95/p99 and req/s: /v1/channels and POST /v1/orders vs /healthz',
  async run(context) {
    const { requests, warmup } = context.quick ? plan.quick : plan.full;
    context.log(`api: seeding ${clients} advertisers, ${channelCount} channels`);
    const app = await startApiBenchApp({
      advertisers: clients,
      channels: channelCount,
      slots: requests + warmup,
      log: context.log,
    });
    try {
      const kinds = requestsOf(app);
      for (const kind of kinds) {
        context.log(`api: warm-up ${kind.label}, ${warmup} requests`);
        await drive(kind.label, warmup, kind.send);
      }
      const results: Measured[] = [];
      for (const kind of kinds) {
        context.log(`api: ${kind.label}, ${requests} requests`);
        results.push(await drive(kind.label, requests, kind.send));
      }
      await assertDistinctBookings(app, requests + warmup);
      return report(results, requests, warmup);
    } finally {
      await app.close();
    }
  },
};

function report(results: Measured[], requests: number, warmup: number): BenchReport {
  const [healthz, channels, orders] = results as [Measured, Measured, Measured];
  const p = (m: Measured, q: number) => percentile(m.latencies, q);
  const rate = (m: Measured) => m.requests / (m.ms / 1000);
  const ms = (value: number) => num(value, 1);
  const p95Line = (name: string, m: Measured) =>
    `p95: ${name} ${ms(p(m, 95))} ms · healthz ${ms(p(healthz, 95))} ms · ratio ${ratio(p(m, 95), p(healthz, 95))}`;
  const database = testServerUrl() ? 'PostgreSQL (TEST_DATABASE_URL)' : 'PGlite (embedded)';
  return {
    title: `${num(requests)} requests each, ${clients} clients with keep-alive (one advertiser key each), after ${warmup} warm-up; ${database}`,
    columns: ['request', 'requests', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'req/s', 'non-2xx'],
    rows: results.map((m) => [
      m.label,
      num(m.requests),
      ms(p(m, 50)),
      ms(p(m, 95)),
      ms(p(m, 99)),
      ms(Math.max(...m.latencies)),
      num(rate(m)),
      [...m.failures.values()].reduce((a, b) => a + b, 0),
    ]),
    ratios: [
      p95Line('channels', channels),
      p95Line('orders', orders),
      `req/s: /healthz ${num(rate(healthz))} · /v1/channels ${num(rate(channels))} · POST /v1/orders ${num(rate(orders))}`,
    ],
    notes: [
      'one process: the clients (fetch), the Koa app, the Bot API emulator answering createInvoiceLink and PGlite share one event loop',
      `each POST books its own free 1/24 slot (slots interleaved over ${channelCount} channels) with a Stars link; any non-2xx fails the run`,
    ],
  };
}
