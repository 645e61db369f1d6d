/** Where a moderation flag came from. */
export type FlagSource = 'stop_words' | 'links' | 'ai';

export type FlagCode =
  | 'stop_word'
  | 'platform_stop_word'
  | 'blocked_domain'
  | 'malformed_url'
  | 'ip_host'
  | 'shortener'
  | 'bad_scheme'
  | 'punycode'
  | 'ai_flagged';

/** One finding of the content check (stored in creatives.moderation_flags). */
export interface Flag {
  source: FlagSource;
  code: FlagCode;
  /** The word, link, host or AI categories that triggered it (shown to admins, escaped). */
  detail: string;
}

/** The stored jsonb back as flags (anything malformed is dropped). */
export function readFlags(value: unknown): Flag[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is Flag =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as Flag).source === 'string' &&
      typeof (item as Flag).code === 'string' &&
      typeof (item as Flag).detail === 'string',
  );
}
