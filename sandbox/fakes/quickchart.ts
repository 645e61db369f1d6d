import { createServer, type IncomingMessage } from 'node:http';
import { listenLocal } from '../http-utils.js';
import type { QuickChartConfig } from './chart-render.js';

/** One chart the fake rendered: the parsed Chart.js config and the requested size. */
export interface FakeChartRequest {
  chart: QuickChartConfig;
  width: number;
  height: number;
}

export interface FakeQuickChart {
  /** QUICKCHART_URL for the app (the fake answers POST /chart). */
  url: string;
  /** Every chart rendered, in order. */
  requests: FakeChartRequest[];
  /** 'ok' renders; 'error' answers 500 like an overloaded server; 'hang' never answers. */
  setMode(mode: 'ok' | 'error' | 'hang'): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const part of req) chunks.push(part as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** QuickChart's `chart` field: a JSON object or its text; anything else is not a chart. */
function parseChart(value: unknown): QuickChartConfig | string {
  let chart: unknown = value;
  if (typeof value === 'string') {
    try {
      chart = JSON.parse(value);
    } catch {
      return 'chart is not valid JSON';
    }
  }
  if (typeof chart !== 'object' || chart === null) return 'chart must be an object';
  const c = chart as { type?: unknown; data?: { labels?: unknown; datasets?: unknown } };
  if (typeof c.type !== 'string') return 'chart.type is required';
  if (typeof c.data !== 'object' || c.data === null) return 'chart.data is required';
  if (!Array.isArray(c.data.datasets) || c.data.datasets.length === 0)
    return 'chart.data.datasets must be a non-empty array';
  for (const d of c.data.datasets as unknown[]) {
    const data = (d as { data?: unknown }).data;
    if (!Array.isArray(data) || !data.every((v) => typeof v === 'number'))
      return 'each dataset needs numeric data';
  }
  if (c.data.labels !== undefined && !Array.isArray(c.data.labels))
    return 'chart.data.labels must be an array';
  return chart as QuickChartConfig;
}

/**
 * A local QuickChart on 127.0.0.1 (options.port, else a random port) speaking its render API: POST /chart
 * with JSON { chart, width, height, format, backgroundColor, … } ⇒ 200 image/png, the chart drawn
 * by Chart.js at the requested size. Bad input ⇒ 400 with the reason in `X-quickchart-error`, as
 * QuickChart does. The sandbox renders its charts here, offline.
 */
export async function startFakeQuickChart(
  options: { port?: number } = {},
): Promise<FakeQuickChart> {
  const requests: FakeChartRequest[] = [];
  let mode: 'ok' | 'error' | 'hang' = 'ok';
  const server = createServer((req, res) => {
    const refuse = (status: number, error: string) => {
      res.writeHead(status, { 'content-type': 'text/plain', 'x-quickchart-error': error });
      res.end(error);
    };
    void (async () => {
      const path = (req.url ?? '').split('?')[0];
      if (req.method === 'GET' && path === '/healthcheck') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ success: true, version: 'fake' }));
      }
      if (path !== '/chart') return refuse(404, 'Not found');
      if (req.method !== 'POST') return refuse(405, 'Use POST');
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(await readBody(req)) as Record<string, unknown>;
      } catch {
        return refuse(400, 'Invalid JSON body');
      }
      const chart = parseChart(body.chart);
      if (typeof chart === 'string') return refuse(400, chart);
      const format = body.format ?? 'png';
      if (format !== 'png')
        return refuse(400, `Unsupported format in this fake: ${String(format)}`);
      const width = Number(body.width ?? 500);
      const height = Number(body.height ?? 300);
      if (![width, height].every((n) => Number.isInteger(n) && n > 0 && n <= 3000))
        return refuse(400, 'width and height must be integers 1–3000');
      requests.push({ chart, width, height });
      if (mode === 'hang') return;
      if (mode === 'error') return refuse(500, 'Internal error');
      const backgroundColor =
        typeof body.backgroundColor === 'string' ? body.backgroundColor : undefined;
      // Chart.js and the native canvas load at the first chart, not with the sandbox.
      const { renderChartPng } = await import('./chart-render.js');
      const png = await renderChartPng(chart, { width, height, backgroundColor });
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length });
      res.end(png);
    })().catch((err: unknown) => refuse(500, String(err)));
  });
  const url = await listenLocal(server, options.port);
  return {
    url,
    requests,
    setMode(next) {
      mode = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
