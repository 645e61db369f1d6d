import { createCanvas } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration, type Plugin } from 'chart.js';

/** A chart as QuickChart takes it: Chart.js 2 (its default) or Chart.js 4 configuration JSON. */
export interface QuickChartConfig {
  type: string;
  data: { labels?: unknown[]; datasets: { label?: string; data: unknown[] }[] };
  options?: Record<string, unknown>;
}

let registered = false;

type Options = Record<string, unknown>;
const asOptions = (value: unknown): Options =>
  typeof value === 'object' && value !== null ? (value as Options) : {};

/** Chart.js 2 axis options (`xAxes: [{ ticks: { beginAtZero } }]`) as a Chart.js 4 scale. */
function scaleOf(axes: unknown): Options | undefined {
  if (!Array.isArray(axes) || axes.length === 0) return undefined;
  const { ticks, ...rest } = asOptions(axes[0]);
  const { beginAtZero, ...tickRest } = asOptions(ticks);
  return { ...rest, ...(beginAtZero === undefined ? {} : { beginAtZero }), ticks: tickRest };
}

/**
 * QuickChart renders Chart.js 2 configs by default; the bundled Chart.js is 4. Translates what
 * changed: `horizontalBar`, top-level `title`/`legend` (now plugins) and `xAxes`/`yAxes` arrays.
 */
export function toChartJs4(chart: QuickChartConfig): ChartConfiguration {
  const { title, legend, scales, plugins, ...options } = asOptions(chart.options);
  const { xAxes, yAxes, ...newScales } = asOptions(scales);
  const x = scaleOf(xAxes);
  const y = scaleOf(yAxes);
  const horizontal = chart.type === 'horizontalBar';
  return {
    type: (horizontal ? 'bar' : chart.type) as ChartConfiguration['type'],
    data: chart.data as ChartConfiguration['data'],
    options: {
      ...options,
      ...(horizontal ? { indexAxis: 'y' } : {}),
      scales: { ...(x ? { x } : {}), ...(y ? { y } : {}), ...newScales },
      plugins: {
        ...(title === undefined ? {} : { title }),
        ...(legend === undefined ? {} : { legend }),
        ...asOptions(plugins),
      },
      // Drawn once, at this size: no animation, no resizing to a (missing) DOM.
      animation: false,
      responsive: false,
      devicePixelRatio: 1,
    },
  } as ChartConfiguration;
}

/** Fills the canvas before Chart.js draws (QuickChart's `backgroundColor`). */
function background(color: string): Plugin {
  return {
    id: 'quickchart-background',
    beforeDraw(chart) {
      const { ctx, width, height } = chart;
      ctx.save();
      ctx.fillStyle = color;
      ctx.fillRect(0, 0, width, height);
      ctx.restore();
    },
  };
}

/** Draws one chart with Chart.js on a Skia canvas (@napi-rs/canvas) and encodes it as PNG. */
export async function renderChartPng(
  chart: QuickChartConfig,
  size: { width: number; height: number; backgroundColor?: string },
): Promise<Buffer> {
  if (!registered) {
    Chart.register(...registerables);
    registered = true;
  }
  const canvas = createCanvas(size.width, size.height);
  const config = toChartJs4(chart);
  config.plugins = [background(size.backgroundColor ?? 'transparent')];
  const drawn = new Chart(canvas as unknown as ConstructorParameters<typeof Chart>[0], config);
  try {
    return await canvas.encode('png');
  } finally {
    drawn.destroy();
  }
}
