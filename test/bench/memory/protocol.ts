import type { LoadResult } from '../load/driver.js';

/** process.memoryUsage() after a forced GC, plus the peak RSS so far (bytes). */
export interface MemorySnapshot {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  peakRss: number;
  /** `lytslot_process_resident_memory_bytes` from the app's /metrics, when it serves one. */
  metricsRss?: number;
}

export type ChildMode = 'echo' | 'lytslot';

/** Parent → child. */
export type ParentMessage = { type: 'load'; users: number; concurrency: number } | { type: 'stop' };

/** Child → parent. */
export type ChildMessage =
  | { type: 'started'; memory: MemorySnapshot; startMs: number }
  | { type: 'loaded'; memory: MemorySnapshot; result: LoadResult }
  | { type: 'stopped' }
  | { type: 'error'; message: string };
