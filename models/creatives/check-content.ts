import type { ContentRules } from './content-rules.js';
import { checkContentRules, hostOf, linksOf } from './content-rules.js';
import { bodyOf, type Creative, type CreativeButton, type CreativeContent } from './content.js';
import type { Flag } from '../moderation/flags.js';
import { checkLink, hostMatches, schemeUrlsIn } from '../moderation/link-checks.js';
import { platformStopWords } from '../moderation/platform-rules.js';

/** The optional AI check (models/providers/moderation.ts); an outage answers `{ ok: false }`. */
export interface ModerationAdapter {
  check(
    text: string,
  ): Promise<{ ok: true; flagged: boolean; categories: string[] } | { ok: false }>;
}

export interface ContentCheckInput {
  content: CreativeContent;
  buttons: CreativeButton[][];
  /** The channels' own stop words and blocked domains (merged when a bundle has several). */
  rules: ContentRules;
}

const noDomains: string[] = [];

function stopWordFlags(creative: Creative, rules: ContentRules): Flag[] {
  const hit = (word: string) =>
    !checkContentRules(creative, { stopWords: [word], blockedDomains: noDomains }).ok;
  return [
    ...rules.stopWords
      .filter(hit)
      .map((word): Flag => ({ source: 'stop_words', code: 'stop_word', detail: word })),
    ...platformStopWords
      .filter(hit)
      .map((word): Flag => ({ source: 'stop_words', code: 'platform_stop_word', detail: word })),
  ];
}

function linkFlags(creative: Creative, rules: ContentRules): Flag[] {
  const { body } = bodyOf(creative.content);
  const links = [...new Set([...linksOf(creative), ...schemeUrlsIn(body)])];
  const flags = links.flatMap(checkLink);
  const hosts = links.map(hostOf).filter((host): host is string => host !== null);
  for (const domain of rules.blockedDomains) {
    const listed = hosts.some((host) => hostMatches(host, domain));
    const written = !checkContentRules(creative, { stopWords: [], blockedDomains: [domain] }).ok;
    if (listed || written) flags.push({ source: 'links', code: 'blocked_domain', detail: domain });
  }
  return flags;
}

/** The text an AI moderator reads: the body, the button labels and the links. */
export function moderationText(creative: Creative): string {
  const { body } = bodyOf(creative.content);
  const labels = creative.buttons.flat().map((button) => `${button.text} ${button.url}`);
  return [body, ...labels].filter((part) => part.trim() !== '').join('\n');
}

/**
 * Checks a creative's content for the moderation queue: stop words (the channel's and the
 * platform's), link checks (malformed, non-http(s) scheme, IP host, shortener, punycode look-alike,
 * blocked domain) and, when `ai` is given, the AI moderator's verdict. Flags only — it never
 * refuses; an AI outage adds no flag (the adapter logs it) so payment is never blocked by it.
 */
export async function checkCreativeContent(
  input: ContentCheckInput,
  ai?: ModerationAdapter,
): Promise<{ flags: Flag[] }> {
  const creative: Creative = { content: input.content, buttons: input.buttons };
  const flags = [...stopWordFlags(creative, input.rules), ...linkFlags(creative, input.rules)];
  const text = moderationText(creative);
  if (ai && text) {
    const verdict = await ai.check(text);
    if (verdict.ok && verdict.flagged) {
      flags.push({ source: 'ai', code: 'ai_flagged', detail: verdict.categories.join(', ') });
    }
  }
  return { flags };
}
