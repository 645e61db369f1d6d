import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const models = new URL('../../models/', import.meta.url).pathname;
const features = new URL('../../bot/features/', import.meta.url).pathname;

/** Source files by path relative to the folder read ('orders/queries.ts'). */
type Sources = Map<string, string>;

async function readSources(root: string): Promise<Sources> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const sources: Sources = new Map();
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const file = path.join(entry.parentPath, entry.name);
    sources.set(path.relative(root, file).split(path.sep).join('/'), await readFile(file, 'utf8'));
  }
  return sources;
}

/** The top-level folder of a path (relative to the folder read), undefined for a root file (db.ts…). */
const folderOf = (file: string) => (file.includes('/') ? file.split('/')[0] : undefined);

/**
 * Directed edges `from → to` between top-level folders (of models/, of bot/features/): every import specifier
 * (static, `export … from`, side-effect or dynamic) that resolves into another folder, except
 * imports of that folder's table.ts (tables are the shared schema, see models/schema.ts).
 */
function folderEdges(sources: Sources): Set<string> {
  const edges = new Set<string>();
  for (const [file, text] of sources) {
    const from = folderOf(file);
    if (!from) continue;
    for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), fileName));
      const to = folderOf(target);
      if (!to || to === from || target.startsWith('..')) continue;
      if (target === `${to}/table.js` || target === `${to}/table.ts`) continue;
      edges.add(`${from} ${to}`);
    }
  }
  return edges;
}

/** Folder pairs that import each other, as 'a <-> b' (a before b), sorted. */
function mutualPairs(edges: Set<string>): string[] {
  const pairs = [...edges].flatMap((edge) => {
    const [a, b] = edge.split(' ') as [string, string];
    return a < b && edges.has(`${b} ${a}`) ? [`${a} <-> ${b}`] : [];
  });
  return pairs.sort();
}

/** One cycle of folders ('a → b → c → a') if the edges have any, else undefined. */
function findCycle(edges: Set<string>): string | undefined {
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    const [a, b] = edge.split(' ') as [string, string];
    next.set(a, [...(next.get(a) ?? []), b]);
  }
  const done = new Set<string>();
  const visit = (folder: string, trail: string[]): string | undefined => {
    if (trail.includes(folder)) return [...trail.slice(trail.indexOf(folder)), folder].join(' → ');
    if (done.has(folder)) return undefined;
    for (const to of next.get(folder) ?? []) {
      const cycle = visit(to, [...trail, folder]);
      if (cycle) return cycle;
    }
    done.add(folder);
    return undefined;
  };
  for (const folder of [...next.keys()].sort()) {
    const cycle = visit(folder, []);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('imports between the domain folders of models/', () => {
  it('counts a pair of folders importing each other, but not through a table', () => {
    const sources: Sources = new Map([
      ['ledger/post-entries.ts', "import { x } from '../settlement/split.js';"],
      ['settlement/split.ts', "import type { LedgerLine } from '../ledger/post-entries.js';"],
      ['orders/queries.ts', "import { slots } from '../slots/table.js';"],
      ['slots/queries.ts', "export { holdSlot } from '../orders/hold-slot.js';"],
      ['channels/a.ts', "const m = await import('../platform/jobs.js');"],
      ['platform/jobs.ts', "import '../channels/a.js';\nimport { db } from '../db.js';"],
      ['db.ts', "import { z } from '../orders/queries.js';"],
    ]);
    expect(mutualPairs(folderEdges(sources))).toEqual([
      'channels <-> platform',
      'ledger <-> settlement',
    ]);
  });

  it('finds a longer cycle of folders', () => {
    const edges = new Set(['a b', 'b c', 'c a', 'c d']);
    expect(findCycle(edges)).toBe('a → b → c → a');
    expect(findCycle(new Set(['a b', 'b c', 'a c']))).toBeUndefined();
  });

  it('go one way in the code base: no two folders import each other, no cycle', async () => {
    const sources = await readSources(models);
    const edges = folderEdges(sources);
    // The scan sees the real code base: known one-way dependencies are among its edges.
    expect(edges).toContain('settlement ledger');
    expect(edges).toContain('slots channels');
    expect(mutualPairs(edges)).toEqual([]);
    expect(findCycle(edges)).toBeUndefined();
  });
});

describe('imports between the features of bot/features/', () => {
  it('go one way: no two features import each other, no cycle', async () => {
    const edges = folderEdges(await readSources(features));
    // A submenu lives with its root menu (start/help-menu.ts); callback data shared by two
    // features lives in messages/callback-data/, so a «‹ Back» button imports no feature.
    expect(edges).toContain('start help');
    expect(mutualPairs(edges)).toEqual([]);
    expect(findCycle(edges)).toBeUndefined();
  });
});
