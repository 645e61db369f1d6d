/** The deadlines of a published placement (columns of placements). */
export interface PlacementDeadlines {
  publishedAt: Date;
  topUntil: Date | null;
  pinUntil: Date | null;
  deleteAt: Date | null;
}

const day = 24 * 3_600_000;

/**
 * When the promised lifetime ends: delete_at for formats with deletion; for "forever" formats
 * (delete_at null) the later of top_until, pin_until and published_at + 24 h — the span that is
 * verified and settled (the post itself stays).
 */
export function lifetimeEnd(p: PlacementDeadlines): Date {
  if (p.deleteAt) return p.deleteAt;
  const ends = [p.topUntil, p.pinUntil, new Date(p.publishedAt.getTime() + day)];
  return new Date(Math.max(...ends.filter((d): d is Date => d !== null).map((d) => d.getTime())));
}
