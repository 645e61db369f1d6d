import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQuickChart, type ChartConfig } from '../../../models/providers/quickchart.js';
import { startFakeQuickChart, type FakeQuickChart } from '../../../sandbox/fakes/quickchart.js';
import { inspectPng } from '../../helpers/png.js';

let fake: FakeQuickChart;
beforeAll(async () => {
  fake = await startFakeQuickChart();
});
afterAll(async () => {
  await fake?.close();
});

const chart: ChartConfig = {
  type: 'bar',
  data: { labels: ['Mon', 'Tue'], datasets: [{ label: 'RUB', data: [1500, 250.5] }] },
};

describe('QuickChart adapter against the local fake', () => {
  it('POSTs the chart JSON with size and format, and gets the chart drawn as a PNG', async () => {
    const renderer = createQuickChart({ baseUrl: fake.url });
    const result = await renderer.render(chart, { width: 640, height: 320 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const png = await inspectPng(result.png);
    expect(png).toMatchObject({ width: 640, height: 320 });
    // Bars, axes, labels and a white background: many colours, not a one-colour placeholder.
    expect(png.colours).toBeGreaterThan(20);
    const seen = fake.requests.at(-1);
    expect(seen).toMatchObject({ width: 640, height: 320, chart: { type: 'bar' } });
    expect(seen?.chart.data.datasets[0]).toMatchObject({ label: 'RUB', data: [1500, 250.5] });
  });

  it('the fake refuses what QuickChart would (bad JSON, no datasets, GET) with X-quickchart-error', async () => {
    const post = (body: unknown) =>
      fetch(`${fake.url}/chart`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    const badJson = await post('{nope');
    expect(badJson.status).toBe(400);
    const noData = await post({ chart: JSON.stringify({ type: 'bar', data: { datasets: [] } }) });
    expect(noData.status).toBe(400);
    expect(noData.headers.get('x-quickchart-error')).toContain('datasets');
    const words = await post({ chart: { type: 'bar', data: { datasets: [{ data: ['x'] }] } } });
    expect(words.status).toBe(400);
    expect((await fetch(`${fake.url}/chart`)).status).toBe(405);
  });

  it('a failing or silent service is an outcome, not a throw', async () => {
    const renderer = createQuickChart({ baseUrl: fake.url, timeoutMs: 300 });
    fake.setMode('error');
    const failed = await renderer.render(chart);
    expect(failed).toMatchObject({ ok: false });
    if (!failed.ok) expect(failed.error).toContain('500');
    fake.setMode('hang');
    expect(await renderer.render(chart)).toMatchObject({
      ok: false,
      error: expect.stringContaining('timed out'),
    });
    fake.setMode('ok');
    const closed = createQuickChart({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 2000 });
    expect((await closed.render(chart)).ok).toBe(false);
  });
});
