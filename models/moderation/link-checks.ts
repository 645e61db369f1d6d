import { domainToUnicode } from 'node:url';
import type { Flag } from './flags.js';
import { urlShorteners } from './platform-rules.js';

const ipv4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const latin = /\p{Script=Latin}/u;
const otherLetters = /(?!\p{Script=Latin})\p{L}/u;

/** A host's labels that mix Latin with other letters, or a non-Latin name under a Latin TLD. */
function looksAlike(host: string): boolean {
  if (!host.split('.').some((label) => label.startsWith('xn--'))) return false;
  const labels = domainToUnicode(host).split('.');
  const tld = labels.at(-1) ?? '';
  const mixed = labels.some((label) => latin.test(label) && otherLetters.test(label));
  const foreignUnderLatinTld =
    /^[a-z]+$/.test(tld) && labels.slice(0, -1).some((label) => otherLetters.test(label));
  return mixed || foreignUnderLatinTld;
}

/** True when `host` is `domain` or one of its subdomains. */
export function hostMatches(host: string, domain: string): boolean {
  const d = domain.toLowerCase();
  return host === d || host.endsWith(`.${d}`);
}

/**
 * The link checks of one URL (scheme assumed http when missing): malformed, a scheme other than
 * http(s)/tg, an IP-literal host, a URL shortener, a punycode look-alike host.
 */
export function checkLink(link: string): Flag[] {
  const flag = (code: Flag['code']): Flag => ({ source: 'links', code, detail: link });
  const trimmed = link.trim();
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed);
  let url: URL;
  try {
    url = new URL(hasScheme ? trimmed : `http://${trimmed}`);
  } catch {
    return [flag('malformed_url')];
  }
  if (url.protocol === 'tg:') return [];
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return [flag('bad_scheme')];
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (!host || (!host.includes('.') && !host.startsWith('['))) return [flag('malformed_url')];
  if (ipv4.test(host) || host.startsWith('[')) return [flag('ip_host')];
  const flags: Flag[] = [];
  if (urlShorteners.some((domain) => hostMatches(host, domain))) flags.push(flag('shortener'));
  if (looksAlike(host)) flags.push(flag('punycode'));
  return flags;
}

/** Scheme-qualified URLs written in the text that Telegram may not have marked as links. */
export function schemeUrlsIn(text: string): string[] {
  return [...text.matchAll(/\b[a-z][a-z0-9+.-]*:\/\/[^\s<>"']+/gi)].map((match) => match[0]);
}
