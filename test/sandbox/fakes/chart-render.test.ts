import { describe, expect, it } from 'vitest';
import { renderChartPng, toChartJs4 } from '../../../sandbox/fakes/chart-render.js';
import { inspectPng } from '../../helpers/png.js';

const v2Chart = {
  type: 'bar',
  data: {
    labels: ['Mon', 'Tue', 'Wed'],
    datasets: [{ label: 'RUB', data: [1500, 250.5, 900], backgroundColor: '#36a2eb' }],
  },
  options: {
    title: { display: true, text: 'GMV' },
    legend: { display: true, position: 'bottom' },
    scales: { yAxes: [{ ticks: { beginAtZero: true } }] },
  },
};

describe('the sandbox chart renderer (QuickChart-compatible, Chart.js on Skia)', () => {
  it('reads Chart.js 2 configs as QuickChart does: title/legend as plugins, yAxes as y', () => {
    const config = toChartJs4(v2Chart);
    expect(config.type).toBe('bar');
    expect(config.options).toMatchObject({
      plugins: { title: { text: 'GMV' }, legend: { position: 'bottom' } },
      scales: { y: { beginAtZero: true } },
      animation: false,
      responsive: false,
    });
    const horizontal = toChartJs4({ ...v2Chart, type: 'horizontalBar' });
    expect(horizontal.type).toBe('bar');
    expect(horizontal.options).toMatchObject({ indexAxis: 'y' });
  });

  it('draws the data at the requested size on the requested background', async () => {
    const png = await renderChartPng(v2Chart, {
      width: 400,
      height: 200,
      backgroundColor: '#ffffff',
    });
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    const seen = await inspectPng(png);
    expect(seen).toMatchObject({ width: 400, height: 200 });
    expect(seen.colours).toBeGreaterThan(20);
    const other = await renderChartPng(
      { ...v2Chart, data: { ...v2Chart.data, datasets: [{ label: 'RUB', data: [1, 2000, 3] }] } },
      { width: 400, height: 200, backgroundColor: '#ffffff' },
    );
    // Other numbers, other picture: the image is of the data, not a stand-in.
    expect(other.equals(png)).toBe(false);
  });
});
