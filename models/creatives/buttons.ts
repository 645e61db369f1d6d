import { fail, ok, type Result } from '../errors.js';
import type { CreativeButton } from './content.js';

export const buttonLimits = { labelMax: 64, perRow: 2, total: 6, urlMax: 2048 } as const;

export type UrlCode = 'url_invalid' | 'url_scheme';
export type ButtonCode = UrlCode | 'label_empty' | 'label_too_long' | 'no_url';

const allowedSchemes = new Set(['http:', 'https:', 'tg:']);

/** A button URL: http(s) with a host, or tg://; anything else (javascript:, data:, ftp:…) refused. */
export function validateButtonUrl(input: string): Result<string, UrlCode> {
  const url = input.trim();
  if (!url || url.length > buttonLimits.urlMax || /\s/.test(url)) return fail('url_invalid');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (!scheme) return fail('url_invalid');
  if (!allowedSchemes.has(`${scheme}:`)) return fail('url_scheme', { scheme });
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail('url_invalid');
  }
  if (scheme !== 'tg' && !/^[^.]+(\.[^.]+)+$/.test(parsed.hostname)) return fail('url_invalid');
  if (scheme === 'tg' && !/^tg:\/\/[a-z_]+/i.test(url)) return fail('url_invalid');
  return ok(url);
}

/** A button label: trimmed, 1–64 characters. */
export function validateButtonLabel(
  input: string,
): Result<string, 'label_empty' | 'label_too_long'> {
  const label = input.replace(/\s+/g, ' ').trim();
  if (!label) return fail('label_empty');
  if (label.length > buttonLimits.labelMax) {
    return fail('label_too_long', { length: label.length, max: buttonLimits.labelMax });
  }
  return ok(label);
}

/**
 * One button typed as «label — URL» (also «label - URL», «label | URL», or the URL on the next
 * line). A message with no URL is 'no_url' with the label in detail (then the URL is asked for).
 */
export function parseButtonInput(text: string): Result<CreativeButton, ButtonCode> {
  const match = /^([\s\S]*?)(?:\s+[—–|-]\s+|\s*\n\s*)(\S+)\s*$/.exec(text.trim());
  if (!match) {
    const label = validateButtonLabel(text);
    if (!label.ok) return label;
    if (/^[a-z][a-z0-9+.-]*:/i.test(label.value)) return fail('label_empty');
    return fail('no_url', { label: label.value });
  }
  const label = validateButtonLabel(match[1] ?? '');
  if (!label.ok) return label;
  const url = validateButtonUrl(match[2] ?? '');
  if (!url.ok) return url;
  return ok({ text: label.value, url: url.value });
}

/** Buttons laid out two per row (at most 6, i.e. 3 rows × 2). */
export function layoutButtons(buttons: CreativeButton[]): CreativeButton[][] {
  const rows: CreativeButton[][] = [];
  for (let i = 0; i < buttons.length && i < buttonLimits.total; i += buttonLimits.perRow) {
    rows.push(buttons.slice(i, Math.min(i + buttonLimits.perRow, buttonLimits.total)));
  }
  return rows;
}
