import type { Emulator } from '../../sandbox/emulator.js';
import type { ApiMessage } from '../../sandbox/types.js';
import type { StoredMessage } from '../../sandbox/world.js';
import type { Sandbox } from './sandbox.js';
import type { TestUser } from './telegram-user.js';

const owner = '📢 I own channels';
const advertiser = '🎯 I advertise';
const back = '‹ Back';

const buttons = (m: ApiMessage) =>
  (m.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.text);

/**
 * A user's journey through the owner and advertiser menus and what the bot must answer, in this
 * order: three updates sent at once (/start, /help, free text) answered by three new messages,
 * then three button presses (owner → back → advertiser) answered by three edits.
 */
export const journeyReplies: {
  kind: 'new' | 'edit';
  what: string;
  is: (m: ApiMessage) => boolean;
}[] = [
  { kind: 'new', what: 'start menu', is: (m) => buttons(m).includes(owner) },
  { kind: 'new', what: 'help', is: (m) => m.text?.includes('LytSlot help') === true },
  { kind: 'new', what: 'fallback hint', is: (m) => m.text?.includes('/help') === true },
  { kind: 'edit', what: 'owner menu', is: (m) => buttons(m).includes('➕ Add a channel') },
  { kind: 'edit', what: 'role menu', is: (m) => buttons(m).includes(advertiser) },
  { kind: 'edit', what: 'advertiser menu', is: (m) => buttons(m).includes('🔎 Find channels') },
];

export interface Reply {
  kind: string;
  message: ApiMessage;
  /** performance.now() when the emulator stored it. */
  at: number;
}

/** Every message the bot sends or edits in private chats, per chat, copied as it was then. */
export function recordReplies(emulator: Emulator, botId: number) {
  const log = new Map<number, Reply[]>();
  const listener = (event: { kind: string; stored: StoredMessage }) => {
    if (event.stored.byBotId !== botId) return;
    const chatId = event.stored.message.chat.id;
    const entries = log.get(chatId) ?? [];
    // A copy: the emulator edits a stored message in place.
    entries.push({
      kind: event.kind,
      message: structuredClone(event.stored.message),
      at: performance.now(),
    });
    log.set(chatId, entries);
  };
  emulator.world.events.on('message', listener);
  return { log, stop: () => void emulator.world.events.off('message', listener) };
}

export interface JourneyOptions {
  sandbox: Sandbox;
  log: Map<number, Reply[]>;
  users: number;
  /** Users on their journey at once. */
  inFlight: number;
  /** Longest wait for one reply. */
  timeoutMs: number;
  /** Called once per user after their first three replies (the run's progress). */
  onProgress?: (done: number) => void;
}

export interface JourneyRun {
  people: TestUser[];
  /** Milliseconds from each update sent to its reply, for the replies that came. */
  latencies: number[];
  /** Journeys that stopped at a reply that never came (the rest of it counts as lost). */
  stalled: number;
  ms: number;
}

/** Runs `users` journeys, `inFlight` at a time; a journey whose reply does not come stops there. */
export async function runJourneys(options: JourneyOptions): Promise<JourneyRun> {
  const { sandbox, log, timeoutMs } = options;
  const people: TestUser[] = [];
  const latencies: number[] = [];
  let started = 0;
  let progressed = 0;
  let stalled = 0;
  const wait = { timeoutMs };
  const journey = async (user: TestUser) => {
    const replies = () => log.get(user.chatId) ?? [];
    const sentAt = performance.now();
    user.send('/start');
    user.send('/help');
    user.send('how much is a post?');
    await user.waitFor(() => replies().length >= 3, { ...wait, what: 'three replies' });
    for (const reply of replies().slice(0, 3)) latencies.push(reply.at - sentAt);
    options.onProgress?.(++progressed);
    const presses: [string, number][] = [
      [owner, 3],
      [back, 4],
      [advertiser, 5],
    ];
    for (const [label, index] of presses) {
      const pressedAt = performance.now();
      await user.click(label, wait);
      await user.waitFor(journeyReplies[index]!.is, { ...wait, what: journeyReplies[index]!.what });
      const edit = replies().find((r, i) => i >= index && r.kind === 'edit');
      latencies.push((edit?.at ?? performance.now()) - pressedAt);
    }
  };
  const began = performance.now();
  await Promise.all(
    Array.from({ length: options.inFlight }, async () => {
      while (started < options.users) {
        started += 1;
        const user = sandbox.user({ first_name: `Journey ${started}` });
        people.push(user);
        await journey(user).catch(() => {
          stalled += 1;
        });
      }
    }),
  );
  return { people, latencies, stalled, ms: performance.now() - began };
}

export interface JourneyCheck {
  /** One line per user whose replies were not exactly the expected ones in order. */
  wrong: string[];
  /** Replies that came before one expected earlier. */
  inversions: number;
  /** Expected replies that never came. */
  lost: number;
  /** Replies that came more than once. */
  duplicated: number;
}

/** Compares each user's replies with journeyReplies. */
export function checkJourneys(people: TestUser[], log: Map<number, Reply[]>): JourneyCheck {
  const result: JourneyCheck = { wrong: [], inversions: 0, lost: 0, duplicated: 0 };
  for (const user of people) {
    const seen = log.get(user.chatId) ?? [];
    const exact =
      seen.length === journeyReplies.length &&
      seen.every((s, i) => s.kind === journeyReplies[i]!.kind && journeyReplies[i]!.is(s.message));
    if (exact) continue;
    // Which expected reply each one is (the first that fits, of its kind, in order of expectation).
    const matched = seen.map((s) =>
      journeyReplies.findIndex((r) => r.kind === s.kind && r.is(s.message)),
    );
    const counts = journeyReplies.map((_, i) => matched.filter((m) => m === i).length);
    result.lost += counts.filter((c) => c === 0).length;
    result.duplicated += counts.reduce((sum, c) => sum + Math.max(0, c - 1), 0);
    for (let i = 1; i < matched.length; i++)
      if (matched[i]! >= 0 && matched[i]! < matched[i - 1]!) result.inversions += 1;
    result.wrong.push(
      `${user.chatId}: ${seen.map((s) => `${s.kind} ${JSON.stringify(s.message.text?.slice(0, 40))}`).join(' | ')}`,
    );
  }
  return result;
}
