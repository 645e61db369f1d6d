import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createI18n, locales } from '../../bot/i18n.js';
import { localesDirectory } from '../../messages/i18n.js';

const botDirectory = fileURLToPath(new URL('../../bot/', import.meta.url));

/** Message ids defined in an .ftl source (top-level `key =` lines). */
function keysOf(locale: string): string[] {
  const source = readFileSync(join(localesDirectory, `${locale}.ftl`), 'utf8');
  return [...source.matchAll(/^([a-z][a-z0-9-]*)\s*=/gm)].map((m) => m[1] ?? '');
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('locales', () => {
  it('define the same keys in en.ftl and ru.ftl, each once', () => {
    const en = keysOf('en');
    const ru = keysOf('ru');
    expect(en.length).toBeGreaterThan(20);
    expect(new Set(en).size).toBe(en.length);
    expect(new Set(ru).size).toBe(ru.length);
    expect([...ru].sort()).toEqual([...en].sort());
  });

  it('name keys <feature>-<message>', () => {
    for (const key of keysOf('en')) expect(key).toMatch(/^[a-z]+-[a-z0-9-]+$/);
  });

  it('contain every key the bot code translates, with literal keys only', () => {
    const defined = new Set(keysOf('en'));
    const used = new Set<string>();
    for (const file of sourceFiles(botDirectory)) {
      const source = readFileSync(file, 'utf8');
      // ctx.t('key'…), ctx.tPlain('key'…), answer.t('key'…), i18n.t(locale, 'key'…), t('key')
      for (const m of source.matchAll(/\bt(?:Plain)?\(\s*(?:[\w.]+,\s*)?'([^']+)'/g))
        used.add(m[1] ?? '');
      expect(source, `${file} translates a computed key`).not.toMatch(
        /\bt(?:Plain)?\(\s*(?:[\w.]+,\s*)?`/,
      );
    }
    expect(used.size).toBeGreaterThan(20);
    const missing = [...used].filter((key) => !defined.has(key));
    expect(missing).toEqual([]);
  });

  it('load into the i18n instance and render placeables without isolation marks', () => {
    const i18n = createI18n();
    for (const locale of locales) {
      const text = i18n.t(locale, 'start-welcome', { name: 'Ann' });
      expect(text).toContain('Ann');
      expect(text).not.toMatch(/[\u2068\u2069]/);
    }
    expect(i18n.t('ru', 'cancel-nothing')).toBe('Отменять нечего.');
    expect(i18n.t('en', 'cancel-nothing')).toBe('There was nothing to cancel.');
  });

  it('render every message in both locales without unresolved placeables', () => {
    const i18n = createI18n();
    // Every variable any message uses ($name), with a sample value; numbers where plurals select.
    const variables: Record<string, string | number> = {};
    for (const locale of locales) {
      const source = readFileSync(join(localesDirectory, `${locale}.ftl`), 'utf8');
      for (const m of source.matchAll(/\$([a-zA-Z][\w-]*)/g)) variables[m[1] ?? ''] = 2;
    }
    Object.assign(variables, { name: 'Ann', username: '@ann', language: 'en', text: 'Hi' });
    for (const locale of locales) {
      for (const key of keysOf(locale)) {
        const text = i18n.t(locale, key, variables);
        expect(text, `${locale}:${key}`).not.toBe(key);
        expect(text, `${locale}:${key}`).not.toMatch(/\{\s*\$?[\w-]+\s*\}/);
      }
    }
  });
});
