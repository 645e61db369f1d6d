import { readFile } from 'node:fs/promises';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);

async function lintAs(virtualPath: string): Promise<string[]> {
  const code = await readFile(new URL('test/fixtures/clock-offender.ts', root), 'utf8');
  const eslint = new ESLint({ cwd: root.pathname });
  const [result] = await eslint.lintText(code, { filePath: new URL(virtualPath, root).pathname });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-syntax')
    .map((m) => `${m.line}: ${m.message}`);
}

describe('direct system time in domain code', () => {
  it.each([
    'models/slots/fixture.ts',
    'bot/features/fixture.ts',
    'jobs/fixture.ts',
    'http/routes/fixture.ts',
  ])('is reported in %s', async (path) => {
    const problems = await lintAs(path);
    expect(problems).toEqual([
      '3: Read time from the injected Clock (deps.clock.now()), not Date.now().',
      '7: Read time from the injected Clock (deps.clock.now()), not new Date().',
    ]);
  });

  it('allows parsing a given time and the clock module itself', async () => {
    expect(await lintAs('models/clock.ts')).toEqual([]);
  });
});
