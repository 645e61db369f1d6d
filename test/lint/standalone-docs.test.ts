import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Tracked and new (not ignored) files of the repository with one of the extensions. */
function repoFiles(...extensions: string[]): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  });
  return listed
    .split('\n')
    .filter((path) => extensions.some((ext) => path.endsWith(ext)))
    .filter((path) => existsSync(join(root, path)));
}

/**
 * References to a specification outside the repository: its file name, a path into the folder
 * beside the work tree, or a "§N" section citation. Spelled in pieces so this file passes itself.
 */
const outsideReferences = [
  new RegExp(['DESIGN', 'md'].join('\\.')),
  new RegExp(['\\.\\.', 'shared'].join('/')),
  new RegExp('\u00a7\\s*\\d'),
];

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

/** The markdown's lines outside fenced code blocks (others blank), inline code spans kept or emptied. */
function prose(markdown: string, inlineCode: 'keep' | 'empty'): string[] {
  let fenced = false;
  return markdown.split('\n').map((line) => {
    if (/^\s*```/.test(line)) {
      fenced = !fenced;
      return '';
    }
    if (fenced) return '';
    return inlineCode === 'keep' ? line : line.replace(/`[^`]*`/g, '``');
  });
}

function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const line of prose(markdown, 'keep')) {
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (!heading) continue;
    const base = slug(heading[1]!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

describe('the repository documents itself', () => {
  it('no .md or .ts file refers to a specification outside the repository', () => {
    const offenders: string[] = [];
    for (const path of repoFiles('.md', '.ts')) {
      readFileSync(join(root, path), 'utf8')
        .split('\n')
        .forEach((line, index) => {
          if (!outsideReferences.some((pattern) => pattern.test(line))) return;
          offenders.push(`${path}:${index + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });

  it('every relative link in the docs points at a file inside the repository, and at a heading that exists', () => {
    const broken: string[] = [];
    const headings = new Map<string, Set<string>>();
    const anchorsIn = (file: string) => {
      let known = headings.get(file);
      if (!known) headings.set(file, (known = anchorsOf(readFileSync(file, 'utf8'))));
      return known;
    };
    for (const path of repoFiles('.md')) {
      const file = join(root, path);
      prose(readFileSync(file, 'utf8'), 'empty').forEach((line, index) => {
        for (const [, target] of line.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
          if (!target || /^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
          const [pathPart, anchor] = target.split('#') as [string, string | undefined];
          const resolved = pathPart ? resolve(dirname(file), decodeURI(pathPart)) : file;
          const where = `${path}:${index + 1}: ${target}`;
          if (relative(root, resolved).startsWith('..')) broken.push(`${where} (outside)`);
          else if (!existsSync(resolved)) broken.push(`${where} (missing)`);
          else if (
            anchor &&
            statSync(resolved).isFile() &&
            resolved.endsWith('.md') &&
            !anchorsIn(resolved).has(anchor)
          )
            broken.push(`${where} (no such heading)`);
        }
      });
    }
    expect(broken).toEqual([]);
  });
});
