import { readFile } from 'node:fs/promises';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);

/** The names refused by the card-openers rule when the fixture is linted as `virtualPath`. */
async function lintAs(virtualPath: string): Promise<string[]> {
  const code = await readFile(new URL('test/fixtures/card-opener.ts', root), 'utf8');
  const eslint = new ESLint({ cwd: root.pathname });
  const [result] = await eslint.lintText(code, { filePath: new URL(virtualPath, root).pathname });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' && /admin-cards consumer/.test(m.message))
    .map((m) => `${m.line}: ${/'(\w+)' import/.exec(m.message)?.[1]}`);
}

describe('admin cards opened by a use-case', () => {
  it.each(['models/orders/fixture.ts', 'models/payouts/fixture.ts', 'models/outbox/fixture.ts'])(
    'are reported in %s: every opener; deciding a card stays allowed',
    async (path) => {
      expect(await lintAs(path)).toEqual([
        '2: openAdminCard',
        '2: openAdminCardSystem',
        '2: refreshAdminCard',
      ]);
    },
  );

  it.each(['models/admin/fixture.ts', 'models/intake/parked.ts', 'messages/fixture.ts'])(
    'are allowed in %s',
    async (path) => {
      expect(await lintAs(path)).toEqual([]);
    },
  );
});
