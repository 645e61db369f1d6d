import { newShareCode } from '../../models/channels/share-code.js';

// Test files share worker processes (isolate: false): one counter for the whole process, started
// at a random point so two processes writing to one server database do not collide either.
let seq = 10_000_000 + Math.floor(Math.random() * 10_000_000);

/** A number no earlier call in this process returned (Telegram user ids, usernames). */
export function nextSeq(): number {
  seq += 1;
  return seq;
}

/** A fresh channel chat id (-100… like Telegram's). */
export function nextChatId(): number {
  return -1_000_000_000_000 - nextSeq();
}

export { newShareCode };
