import { z } from 'zod';
import type { Logger } from '../logger.js';
import type { ModerationAdapter } from '../creatives/check-content.js';

const response = z.object({
  results: z
    .array(
      z.object({
        flagged: z.boolean(),
        categories: z.record(z.string(), z.boolean()).default({}),
      }),
    )
    .min(1),
});

export interface ModerationApiOptions {
  /** MODERATION_API_URL: the full endpoint (OpenAI's is https://api.openai.com/v1/moderations). */
  url: string;
  /** MODERATION_API_KEY, sent as a Bearer token; never logged. */
  apiKey: string | undefined;
  logger: Logger;
  timeoutMs?: number;
}

/**
 * The AI moderator over HTTP, speaking the OpenAI moderation protocol: POST { input } with a Bearer
 * key ⇒ { results: [{ flagged, categories }] }. A timeout, a non-2xx answer or an unreadable body is
 * logged and answered `{ ok: false }` — the caller adds no flag, so an outage never blocks a payment.
 */
export function createModerationAdapter(options: ModerationApiOptions): ModerationAdapter {
  const log = options.logger.child({ provider: 'moderation' });
  return {
    async check(text) {
      try {
        const res = await fetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
          },
          body: JSON.stringify({ input: text }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
        });
        if (!res.ok) {
          log.warn({ status: res.status }, 'moderation API answered an error; no AI flags');
          return { ok: false };
        }
        const parsed = response.safeParse(await res.json());
        if (!parsed.success) {
          log.warn('moderation API answered an unreadable body; no AI flags');
          return { ok: false };
        }
        const flagged = parsed.data.results.some((result) => result.flagged);
        const categories = [
          ...new Set(
            parsed.data.results.flatMap((result) =>
              Object.entries(result.categories).flatMap(([name, on]) => (on ? [name] : [])),
            ),
          ),
        ];
        return { ok: true, flagged, categories };
      } catch (error) {
        const reason = error instanceof Error ? error.name : 'unknown';
        log.warn({ reason }, 'moderation API unreachable; no AI flags');
        return { ok: false };
      }
    },
  };
}

/** The adapter from config.moderation, or undefined when MODERATION_API_URL is not set. */
export function moderationFromConfig(
  moderation: { url: string; apiKey: string | undefined } | undefined,
  logger: Logger,
): ModerationAdapter | undefined {
  return moderation ? createModerationAdapter({ ...moderation, logger }) : undefined;
}
