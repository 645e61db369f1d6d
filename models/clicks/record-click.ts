import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { Database, Tx } from '../db.js';
import { events } from '../events/table.js';
import { placements } from '../placements/table.js';
import { platformSettings } from '../platform/table.js';
import { clickLinks } from './table.js';

/** The platform setting holding the visitor-hash salt (created on first use, never logged). */
export const clickSaltKey = 'clicks.visitor_salt';

const botPattern = /bot|crawler|spider|preview/i;

/** Link unfurlers, crawlers and requests without a user agent: redirected, never counted. */
export function isBotUserAgent(userAgent: string | undefined): boolean {
  const ua = userAgent?.trim() ?? '';
  return ua === '' || botPattern.test(ua);
}

export interface ClickInput {
  code: string;
  /** Who clicked, as the peer sees it (IP + user agent); only its salted hash is stored. */
  visitorKey: string;
  userAgent: string | undefined;
}

export type ClickResult =
  { kind: 'unknown' } | { kind: 'redirect'; targetUrl: string; counted: boolean; unique: boolean };

async function visitorSalt(tx: Tx): Promise<string> {
  await tx
    .insert(platformSettings)
    .values({ key: clickSaltKey, value: randomBytes(32).toString('base64url') })
    .onConflictDoNothing({ target: platformSettings.key });
  const [row] = await tx
    .select({ value: platformSettings.value })
    .from(platformSettings)
    .where(eq(platformSettings.key, clickSaltKey));
  return String(row!.value);
}

/**
 * A person as the statistics keep them: the platform's salted SHA-256 of a key that names them
 * (the visitor's address and agent for clicks, the Telegram user for joins), never the key itself.
 */
export async function saltedHash(tx: Tx, key: string): Promise<string> {
  return createHash('sha256')
    .update(`${await visitorSalt(tx)}\n${key}`)
    .digest('base64url');
}

/**
 * One click on `/r/<code>`: a single audited cross-tenant transaction finds the link; bots are
 * redirected but not counted; otherwise a `click` event is written (with the salted visitor hash)
 * and placements.clicks +1, unique_clicks +1 for the visitor's first click on the placement that
 * UTC day. Unknown code ⇒ `unknown`.
 */
export async function recordClick(
  database: Database,
  input: ClickInput,
  clock: Clock,
): Promise<ClickResult> {
  return database.withSystem('click redirect', async (tx) => {
    const [link] = await tx
      .select({
        placementId: clickLinks.placementId,
        workspaceId: clickLinks.workspaceId,
        linkIndex: clickLinks.linkIndex,
        targetUrl: clickLinks.targetUrl,
        channelId: placements.channelId,
        orderId: placements.orderId,
      })
      .from(clickLinks)
      .innerJoin(placements, eq(placements.id, clickLinks.placementId))
      .where(eq(clickLinks.code, input.code))
      .limit(1);
    if (!link) return { kind: 'unknown' } as const;
    if (isBotUserAgent(input.userAgent)) {
      return {
        kind: 'redirect',
        targetUrl: link.targetUrl,
        counted: false,
        unique: false,
      } as const;
    }
    const at = clock.now();
    const visitor = await saltedHash(tx, input.visitorKey);
    // Same visitor clicking twice at once: the second waits, then sees the first's event.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`${link.placementId}:${visitor}`}))`,
    );
    const dayStart = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
    const dayEnd = new Date(dayStart.getTime() + 86_400_000);
    const [seen] = await tx
      .select({ id: events.id })
      .from(events)
      .where(
        and(
          eq(events.placementId, link.placementId),
          eq(events.kind, 'click'),
          gte(events.occurredAt, dayStart),
          lt(events.occurredAt, dayEnd),
          sql`${events.data}->>'visitor' = ${visitor}`,
        ),
      )
      .limit(1);
    const unique = !seen;
    await tx.insert(events).values({
      occurredAt: at,
      workspaceId: link.workspaceId,
      kind: 'click',
      channelId: link.channelId,
      orderId: link.orderId,
      placementId: link.placementId,
      data: { visitor, linkIndex: link.linkIndex, unique },
    });
    await tx
      .update(placements)
      .set({
        clicks: sql`${placements.clicks} + 1`,
        ...(unique ? { uniqueClicks: sql`${placements.uniqueClicks} + 1` } : {}),
      })
      .where(eq(placements.id, link.placementId));
    return { kind: 'redirect', targetUrl: link.targetUrl, counted: true, unique } as const;
  });
}
