import type QuickChartImport from 'quickchart-js';

/** quickchart-js is CommonJS: Node hands its class over as the default; its typings see a namespace. */
type QuickChartClass = typeof QuickChartImport.default;

/** Imported at the first chart (it brings its own fetch polyfills): most processes draw none. */
let quickChart: Promise<QuickChartClass> | undefined;
const loadQuickChart = () =>
  (quickChart ??= import('quickchart-js').then(
    (m) =>
      ((m.default as unknown as { default?: QuickChartClass }).default ??
        m.default) as QuickChartClass,
  ));

/** A Chart.js 2 configuration as QuickChart renders it (JSON only: no functions). */
export interface ChartConfig {
  type: 'bar' | 'line' | 'horizontalBar' | 'pie' | 'doughnut';
  data: {
    labels: string[];
    datasets: { label: string; data: number[]; [option: string]: unknown }[];
  };
  options?: Record<string, unknown>;
}

export type ChartOutcome = { ok: true; png: Buffer } | { ok: false; error: string };

export interface ChartRenderer {
  /** Renders one chart as PNG bytes; a failing service is an outcome, never a throw. */
  render(chart: ChartConfig, size?: { width: number; height: number }): Promise<ChartOutcome>;
}

/** Where charts render when QUICKCHART_URL is unset (outside the sandbox). */
export const publicQuickChartUrl = 'https://quickchart.io';

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const defaultSize = { width: 800, height: 400 };

/**
 * QuickChart through quickchart-js: POST `<baseUrl>/chart` with {chart, width, height, format:
 * 'png'} (QUICKCHART_URL; a self-hosted QuickChart or the local fake). The chart goes as JSON text.
 * Answers that are not a PNG, errors and timeouts come back as { ok: false }.
 */
export function createQuickChart(options: { baseUrl: string; timeoutMs?: number }): ChartRenderer {
  const url = new URL(options.baseUrl);
  const host = `${url.host}${url.pathname.replace(/\/+$/, '')}`;
  const scheme = url.protocol.replace(/:$/, '');
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    async render(chart, size = defaultSize) {
      const QuickChart = await loadQuickChart();
      const qc = new QuickChart()
        .setScheme(scheme)
        .setHost(host)
        .setConfig(JSON.stringify(chart))
        .setWidth(size.width)
        .setHeight(size.height)
        .setFormat('png')
        .setBackgroundColor('#ffffff');
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`chart timed out after ${timeoutMs} ms`)),
          timeoutMs,
        );
      });
      try {
        const png = await Promise.race([qc.toBinary(), timeout]);
        if (png.length < pngSignature.length || !png.subarray(0, 8).equals(pngSignature)) {
          return { ok: false, error: 'chart service did not answer a PNG' };
        }
        return { ok: true, png };
      } catch (err) {
        return { ok: false, error: err instanceof Error ? err.message : String(err) };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
