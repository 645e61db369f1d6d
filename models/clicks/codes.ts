import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../db.js';
import { newClickCode } from './links.js';
import { clickLinks } from './table.js';

/**
 * The click codes of a placement's links, by link index (inside the claiming transaction): codes
 * already made by an earlier attempt are reused, missing ones are created with their target URL.
 */
export async function ensureClickLinks(
  tx: Tx,
  input: { placementId: string; workspaceId: string; targets: string[] },
): Promise<string[]> {
  const existing = await tx
    .select({ code: clickLinks.code, linkIndex: clickLinks.linkIndex })
    .from(clickLinks)
    .where(eq(clickLinks.placementId, input.placementId))
    .orderBy(asc(clickLinks.linkIndex));
  const codes = new Map(existing.map((row) => [row.linkIndex, row.code]));
  const missing = input.targets
    .map((targetUrl, linkIndex) => ({ targetUrl, linkIndex }))
    .filter((link) => !codes.has(link.linkIndex))
    .map((link) => ({
      ...link,
      code: newClickCode(),
      placementId: input.placementId,
      workspaceId: input.workspaceId,
    }));
  if (missing.length) await tx.insert(clickLinks).values(missing);
  for (const link of missing) codes.set(link.linkIndex, link.code);
  return input.targets.map((_, index) => codes.get(index)!);
}
