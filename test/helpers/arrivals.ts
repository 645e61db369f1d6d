import type { ChatState, StoredMessage } from '../../sandbox/world.js';
import type { Sandbox } from './sandbox.js';

/** A message the bot posted, as the emulator received it (monotonic ms). */
export interface Arrival {
  chatId: number;
  text: string;
  at: number;
}

/** Records, from now on, every new bot message whose text starts with `prefix`, as it arrives. */
export function recordArrivals(sandbox: Sandbox, prefix: string): Arrival[] {
  const arrivals: Arrival[] = [];
  sandbox.emulator.world.events.on(
    'message',
    ({ kind, chat, stored }: { kind: string; chat: ChatState; stored: StoredMessage }) => {
      const text = stored.message.text ?? '';
      if (kind === 'new' && text.startsWith(prefix))
        arrivals.push({ chatId: chat.id, text, at: performance.now() });
    },
  );
  return arrivals;
}

/** The most of `times` found in any window of `windowMs` (half-open). */
export function busiestWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

/** `count` new people who started the bot (the bot may write to them), by Telegram id. */
export function startedPeople(sandbox: Sandbox, count: number): number[] {
  return Array.from({ length: count }, () => {
    const user = sandbox.user();
    user.send('/start');
    return user.id;
  });
}
