import { readFile } from 'node:fs/promises';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);

/** The imports refused by no-restricted-imports when the fixture is linted as `virtualPath`. */
async function refusedAs(virtualPath: string): Promise<string[]> {
  const code = await readFile(new URL('test/fixtures/edge-import.ts', root), 'utf8');
  const eslint = new ESLint({ cwd: root.pathname });
  const [result] = await eslint.lintText(code, { filePath: new URL(virtualPath, root).pathname });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => /'([^']+)' import/.exec(m.message)?.[1] ?? m.message);
}

describe('layers: who may import the edges', () => {
  it('jobs/ may not import bot/ (its messages come from messages/)', async () => {
    expect(await refusedAs('jobs/fixture.ts')).toEqual(['../bot/index.js']);
  });

  it.each(['messages/fixture.ts', 'format/fixture.ts', 'telegram/fixture.ts'])(
    '%s (shared by bot/ and jobs/) may import no edge',
    async (path) => {
      expect(await refusedAs(path)).toEqual(['../bot/index.js', '../http/server.js']);
    },
  );

  it('bot/ may', async () => {
    expect(await refusedAs('bot/fixture.ts')).toEqual([]);
  });
});
