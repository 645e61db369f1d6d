import { readFileSync } from 'node:fs';
import type { CompactSpec } from './derive-spec.js';

let cached: CompactSpec | undefined;

/** The committed compact Bot API spec (read once, on first use). */
export function loadSpec(): CompactSpec {
  cached ??= JSON.parse(
    readFileSync(new URL('./bot-api.json', import.meta.url), 'utf8'),
  ) as CompactSpec;
  return cached;
}
