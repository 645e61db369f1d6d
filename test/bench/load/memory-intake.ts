import { orderKeyOf } from '../../../models/intake/order-key.js';
import type { IntakeStore } from '../../../models/intake/store.js';

/**
 * The intake without durability, for the benchmark's "before" side only: updates are remembered
 * in memory, so the difference to the real bot is the cost of storing each update first.
 */
export function createMemoryIntakeStore(): IntakeStore {
  const seen = new Set<number>();
  return {
    async append(updates) {
      const fresh = updates.filter((u) => !seen.has(u.update_id));
      for (const u of fresh) seen.add(u.update_id);
      return fresh.map((update) => ({ update, attempts: 0, orderKey: orderKeyOf(update) }));
    },
    claim: async () => [],
    renew: async () => undefined,
    complete: async () => undefined,
    fail: async () => undefined,
    purge: async () => 0,
    parkedCount: async () => 0,
  };
}
