import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's migrations folder (models/migrations). */
export const migrationsFolder = fileURLToPath(new URL('../../models/migrations/', import.meta.url));

export interface Journal {
  entries: { idx: number; tag: string; when: number }[];
}

/** The drizzle journal of a migrations folder. */
export async function readJournal(dir: string): Promise<Journal> {
  return JSON.parse(await readFile(join(dir, 'meta/_journal.json'), 'utf8')) as Journal;
}

/**
 * A temporary copy of the migrations up to and including `lastIdx`, journal included: the folder
 * as a version before the next migration shipped it. The caller removes it.
 */
export async function migrationsUpTo(lastIdx: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lytslot-migrations-'));
  await mkdir(join(dir, 'meta'));
  const journal = await readJournal(migrationsFolder);
  const entries = journal.entries.filter((e) => e.idx <= lastIdx);
  for (const entry of entries)
    await cp(join(migrationsFolder, `${entry.tag}.sql`), join(dir, `${entry.tag}.sql`));
  await writeFile(join(dir, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
  return dir;
}
