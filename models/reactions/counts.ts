/**
 * A reaction type as the Bot API sends it (ReactionType: `emoji` with `emoji`, `custom_emoji` with
 * `custom_emoji_id`, `paid`); a type added later keeps its name.
 */
export interface ReactionType {
  type: string;
  emoji?: string;
  custom_emoji_id?: string;
}

/** One entry of message_reaction_count.reactions (the Bot API's ReactionCount). */
export interface ReactionCount {
  type: ReactionType;
  total_count: number;
}

/** Counts per reaction key: the emoji itself, `custom_emoji:<id>`, `paid` (⭐ Stars reactions). */
export type ReactionCounts = Record<string, number>;

export interface ReactionTally {
  total: number;
  counts: ReactionCounts;
}

/** The key a reaction is counted under: the emoji, `custom_emoji:<id>`, or the type's name. */
export function reactionKey(reaction: ReactionType): string {
  if (reaction.type === 'emoji' && reaction.emoji) return reaction.emoji;
  if (reaction.type === 'custom_emoji' && reaction.custom_emoji_id)
    return `custom_emoji:${reaction.custom_emoji_id}`;
  return reaction.type;
}

/** A message's reactions as counts per key and their total (non-positive counts are left out). */
export function tallyReactions(reactions: readonly ReactionCount[]): ReactionTally {
  const counts: ReactionCounts = {};
  for (const { type, total_count: count } of reactions) {
    if (!Number.isInteger(count) || count <= 0) continue;
    const key = reactionKey(type);
    counts[key] = (counts[key] ?? 0) + count;
  }
  return { total: sumCounts(counts), counts };
}

/** The sum of a counts map. */
export function sumCounts(counts: ReactionCounts): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

/** Counts of several messages (an album) added key by key. */
export function mergeCounts(parts: Iterable<ReactionCounts>): ReactionCounts {
  const merged: ReactionCounts = {};
  for (const part of parts)
    for (const [key, n] of Object.entries(part)) merged[key] = (merged[key] ?? 0) + n;
  return merged;
}
