import { normalizeDomain } from './content-rules.js';
import { fail, ok, type Result } from '../errors.js';

export const contentRulesLimit = 100;

/**
 * An owner's stop words and blocked domains typed as one list (commas or new lines): entries
 * that look like domains («example.com», «https://spam.io/x») are blocked domains, the rest stop
 * words; «-» clears both. Duplicates are dropped (case-insensitive).
 */
export function parseContentRules(
  text: string,
): Result<{ stopWords: string[]; blockedDomains: string[] }, 'empty' | 'too_many' | 'too_long'> {
  const trimmed = text.trim();
  if (trimmed === '-' || trimmed === '—') return ok({ stopWords: [], blockedDomains: [] });
  const entries = trimmed
    .split(/[,;\n]+/)
    .map((entry) => entry.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  if (entries.length === 0) return fail('empty');
  const stopWords: string[] = [];
  const blockedDomains: string[] = [];
  for (const entry of entries) {
    if (entry.length > 64 && !normalizeDomain(entry)) {
      return fail('too_long', { token: entry, max: 64 });
    }
    const domain = /[./]/.test(entry) && !/\s/.test(entry) ? normalizeDomain(entry) : null;
    const list = domain ? blockedDomains : stopWords;
    const value = domain ?? entry.toLowerCase();
    if (!list.includes(value)) list.push(value);
  }
  if (stopWords.length > contentRulesLimit || blockedDomains.length > contentRulesLimit) {
    return fail('too_many', { max: contentRulesLimit });
  }
  return ok({ stopWords, blockedDomains });
}
