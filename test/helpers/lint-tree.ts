import { ESLint } from 'eslint';

const root = new URL('../../', import.meta.url);

/** Every production folder the lint rules speak of. */
const productionFolders = [
  'models',
  'bot',
  'jobs',
  'http',
  'messages',
  'format',
  'telegram',
  'sandbox',
];

let results: Promise<ESLint.LintResult[]> | undefined;

/**
 * The whole production tree linted once per process; its "no offender" tests live in one file
 * (test/lint/tree.test.ts), so a pass lints it once.
 */
export function lintProductionTree(): Promise<ESLint.LintResult[]> {
  results ??= new ESLint({ cwd: root.pathname }).lintFiles(productionFolders);
  return results;
}

/** `path:line message` of each message of `ruleId` whose text matches `pattern`. */
export async function treeOffenders(ruleId: string, pattern: RegExp): Promise<string[]> {
  return (await lintProductionTree()).flatMap((r) =>
    r.messages
      .filter((m) => m.ruleId === ruleId && pattern.test(m.message))
      .map((m) => `${r.filePath.slice(root.pathname.length)}:${m.line} ${m.message}`),
  );
}

/** Linting the whole tree takes seconds; on a loaded 2-core machine, tens of them. */
export const treeLintTimeout = 180_000;
