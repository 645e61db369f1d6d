import { fail, ok, type Result } from '../errors.js';
import { bodyOf, type Creative } from './content.js';

/** An owner's content rules for a channel (ChannelSettings.stopWords / blockedDomains). */
export interface ContentRules {
  stopWords: string[];
  blockedDomains: string[];
}

export type RuleCode = 'stop_word' | 'blocked_domain';

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whole-word, case-insensitive match (letters, digits and _ delimit words, any script). */
function containsWord(text: string, word: string): boolean {
  const pattern = escapeRegExp(word.trim()).replace(/\s+/g, '\\s+');
  if (!pattern) return false;
  return new RegExp(`(?<![\\p{L}\\p{N}_])${pattern}(?![\\p{L}\\p{N}_])`, 'iu').test(text);
}

/** Every link of a creative: URL buttons, text links and bare URLs in the text. */
export function linksOf(creative: Creative): string[] {
  const { body, entities } = bodyOf(creative.content);
  const links = creative.buttons.flat().map((button) => button.url);
  for (const entity of entities) {
    if (entity.type === 'text_link' && typeof entity.url === 'string') links.push(entity.url);
    if (entity.type === 'url') links.push(body.slice(entity.offset, entity.offset + entity.length));
  }
  return links;
}

/** The lower-case host of a link (http:// assumed when the scheme is missing); null if none. */
export function hostOf(link: string): string | null {
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(link) ? link : `http://${link}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.hostname.toLowerCase().replace(/\.$/, '') || null;
  } catch {
    return null;
  }
}

/** Normalizes an owner-typed domain («https://Example.com/x» → «example.com»); null if not one. */
export function normalizeDomain(input: string): string | null {
  const host = hostOf(input.trim().replace(/^\*\./, ''));
  return host && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) ? host.replace(/^www\./, '') : null;
}

/**
 * Checks a creative against a channel's rules: a stop word in the text/caption or a button label
 * ('stop_word', detail.word), or a link to a blocked domain or its subdomain ('blocked_domain',
 * detail.domain). Links are also looked for as plain domains in the text.
 */
export function checkContentRules(creative: Creative, rules: ContentRules): Result<void, RuleCode> {
  const { body } = bodyOf(creative.content);
  const labels = creative.buttons.flat().map((button) => button.text);
  const texts = [body, ...labels];
  for (const word of rules.stopWords) {
    if (texts.some((text) => containsWord(text, word))) return fail('stop_word', { word });
  }
  const hosts = linksOf(creative)
    .map(hostOf)
    .filter((host): host is string => host !== null);
  for (const domain of rules.blockedDomains) {
    const d = domain.toLowerCase();
    const hit = hosts.some((host) => host === d || host.endsWith(`.${d}`)) || containsWord(body, d);
    if (hit) return fail('blocked_domain', { domain });
  }
  return ok(undefined);
}
