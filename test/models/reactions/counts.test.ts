import { describe, expect, it } from 'vitest';
import { mergeCounts, tallyReactions } from '../../../models/reactions/counts.js';

describe('tallyReactions', () => {
  it('keys emoji as themselves, custom emoji by id, Stars reactions as paid; totals them', () => {
    expect(
      tallyReactions([
        { type: { type: 'emoji', emoji: '👍' }, total_count: 3 },
        { type: { type: 'custom_emoji', custom_emoji_id: '5368324170671202286' }, total_count: 2 },
        { type: { type: 'paid' }, total_count: 50 },
        { type: { type: 'emoji', emoji: '🔥' }, total_count: 0 },
        { type: { type: 'a_future_kind' }, total_count: 1 },
      ]),
    ).toEqual({
      total: 56,
      counts: { '👍': 3, 'custom_emoji:5368324170671202286': 2, paid: 50, a_future_kind: 1 },
    });
    expect(tallyReactions([])).toEqual({ total: 0, counts: {} });
  });

  it('adds an album’s messages key by key', () => {
    expect(mergeCounts([{ '👍': 1, paid: 2 }, { '👍': 4 }, {}])).toEqual({ '👍': 5, paid: 2 });
  });
});
