import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync } from 'node:zlib';

/** One chart the fake rendered: the parsed Chart.js config and the requested size. */
export interface FakeChartRequest {
  chart: {
    type: string;
    data: { labels?: unknown[]; datasets: { label?: string; data: unknown[] }[] };
  };
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

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid PNG of one solid colour (8-bit RGB, no filter), as a real renderer's stand-in. */
export function solidPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const part of req) chunks.push(part as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** QuickChart's `chart` field: a JSON object or its text; anything else is not a chart. */
function parseChart(value: unknown): FakeChartRequest['chart'] | string {
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
  return chart as FakeChartRequest['chart'];
}

/**
 * A local QuickChart on 127.0.0.1 (random port) speaking its render API: POST /chart with JSON
 * { chart, width, height, format, backgroundColor, … } ⇒ 200 image/png (a real, tiny PNG of the
 * requested size, capped). Bad input ⇒ 400 with the reason in `X-quickchart-error`, as QuickChart does.
 */
export async function startFakeQuickChart(): Promise<FakeQuickChart> {
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
      // Tiny but real: 1/8 of the requested size, one colour.
      const png = solidPng(Math.max(1, width >> 3), Math.max(1, height >> 3), [54, 162, 235]);
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length });
      res.end(png);
    })().catch((err: unknown) => refuse(500, String(err)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
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
