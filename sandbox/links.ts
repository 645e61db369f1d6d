import { isPublicHost } from '../models/urls.js';
import { badRequest } from './errors.js';

/** The host of an http(s) button URL; a bare domain (example.com/x) gets http:// as Telegram does. */
function httpHost(url: string): string | undefined {
  const full = /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `http://${url}`;
  if (!URL.canParse(full)) return undefined;
  const parsed = new URL(full);
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname : undefined;
}

/**
 * Telegram refuses URL buttons to hosts it cannot reach — localhost and single-label names (the
 * emulator also refuses loopback and private addresses: isPublicHost) — with "inline keyboard
 * button URL '…' is invalid: Wrong HTTP URL". The sandbox allows local links (allowLocalLinks) so
 * its redirect and fake payment pages on 127.0.0.1 work.
 */
export function refuseLocalButtonLinks(markup: unknown): void {
  const rows = (markup as { inline_keyboard?: unknown } | undefined)?.inline_keyboard;
  if (!Array.isArray(rows)) return;
  for (const button of rows.flat() as ({ url?: unknown } | undefined)[]) {
    if (typeof button?.url !== 'string') continue;
    const host = httpHost(button.url);
    if (host !== undefined && !isPublicHost(host)) {
      throw badRequest(`inline keyboard button URL '${button.url}' is invalid: Wrong HTTP URL`);
    }
  }
}
