import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { localesDirectory } from '../../messages/i18n.js';

const modelsDirectory = fileURLToPath(new URL('../../models/', import.meta.url));

/** Every .ts file below a directory, with its text. */
function sources(directory: string): { path: string; text: string }[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => ({ path: name, text: readFileSync(join(directory, name), 'utf8') }));
}

/** The message keys of a locale file (`key = …` at the start of a line). */
function localeKeys(locale: string): Set<string> {
  const source = readFileSync(join(localesDirectory, `${locale}.ftl`), 'utf8');
  return new Set([...source.matchAll(/^([a-z][a-z0-9-]*)\s*=/gm)].map((m) => m[1] ?? ''));
}

/**
 * The domain layer says what happened (domain events); what people are told, with which buttons,
 * is composed in messages/ (docs/events.md). This holds it: no locale key, keyboard or callback
 * data is written in models/.
 */
describe('models/ speaks no chat', () => {
  const files = sources(modelsDirectory);

  it('reads the whole domain layer', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('no string in models/ is a locale key, nor the start of one built from parts', () => {
    const keys = localeKeys('en');
    const prefixes = new Set(
      [...keys].flatMap((k) => {
        const parts = k.split('-');
        return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('-') + '-');
      }),
    );
    const offenders = files.flatMap(({ path, text }) => [
      ...[...text.matchAll(/['`"]([a-z][a-z0-9-]*)['`"]/g)]
        .filter((m) => keys.has(m[1] ?? ''))
        .map((m) => `${path}: ${m[1]}`),
      ...[...text.matchAll(/`([a-z][a-z0-9-]*-)\$\{/g)]
        .filter((m) => prefixes.has(m[1] ?? ''))
        .map((m) => `${path}: ${m[1]}…`),
    ]);
    expect(offenders).toEqual([]);
  });

  it('no keyboard, reply markup or callback data is built in models/', () => {
    const offenders = files
      .filter(({ text }) =>
        /from 'grammy|InlineKeyboard|reply_markup|callback_data|inline_keyboard/.test(text),
      )
      .map(({ path }) => path);
    expect(offenders).toEqual([]);
  });
});
