import { conflict } from './errors.js';
import { optInUpdates, type ApiUpdate } from './types.js';

interface Poller {
  deliver: () => void;
  fail: (error: Error) => void;
}

export interface WebhookState {
  url: string;
  secretToken?: string;
  maxConnections: number;
  ipAddress?: string;
  lastErrorDate?: number;
  lastErrorMessage?: string;
}

export interface UpdateQueue {
  nextUpdateId: number;
  pending: ApiUpdate[];
  /** null: Telegram's default (everything except the opt-in kinds). */
  allowed: Set<string> | null;
  poller: Poller | null;
  webhook: WebhookState | null;
  /** Called after an update is queued (the webhook deliverer hooks in here). */
  onEnqueue: (() => void) | null;
}

/** An empty queue; update ids start where Telegram's often do, far from zero. */
export function createUpdateQueue(): UpdateQueue {
  return {
    nextUpdateId: 100_000_001,
    pending: [],
    allowed: null,
    poller: null,
    webhook: null,
    onEnqueue: null,
  };
}

const defaultExcluded = new Set<string>(optInUpdates);

/** Whether updates of `kind` are currently requested by the bot (allowed_updates). */
export function isAllowed(queue: UpdateQueue, kind: string): boolean {
  return queue.allowed ? queue.allowed.has(kind) : !defaultExcluded.has(kind);
}

/** Stores allowed_updates as Telegram does: an empty list means the default set. */
export function setAllowedUpdates(queue: UpdateQueue, kinds: string[] | undefined): void {
  if (kinds === undefined) return;
  queue.allowed = kinds.length === 0 ? null : new Set(kinds);
}

/** Queues an update of `kind` unless the bot did not ask for it; returns it when queued. */
export function enqueueUpdate(
  queue: UpdateQueue,
  kind: string,
  payload: unknown,
): ApiUpdate | null {
  if (!isAllowed(queue, kind)) return null;
  const update: ApiUpdate = { update_id: queue.nextUpdateId++, [kind]: payload };
  queue.pending.push(update);
  queue.poller?.deliver();
  queue.onEnqueue?.();
  return update;
}

/** Forgets updates below `offset` (negative: keep only the last -offset). */
export function confirmUpdates(queue: UpdateQueue, offset: number | undefined): void {
  if (offset === undefined) return;
  if (offset < 0) {
    queue.pending = queue.pending.slice(offset);
    return;
  }
  const index = queue.pending.findIndex((u) => u.update_id >= offset);
  queue.pending = index === -1 ? [] : queue.pending.slice(index);
}

export interface PollParams {
  offset?: number;
  limit?: number;
  timeout?: number;
  allowed_updates?: string[];
}

/** getUpdates: confirms, then answers at once or long-polls; a newer poll terminates an older one. */
export function pollUpdates(
  queue: UpdateQueue,
  params: PollParams,
  signal: AbortSignal,
): Promise<ApiUpdate[]> {
  if (queue.webhook) {
    throw conflict(
      "can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    );
  }
  setAllowedUpdates(queue, params.allowed_updates);
  confirmUpdates(queue, params.offset);
  queue.poller?.fail(
    conflict(
      'terminated by other getUpdates request; make sure that only one bot instance is running',
    ),
  );
  const limit = Math.min(Math.max(params.limit ?? 100, 1), 100);
  const timeout = Math.max(params.timeout ?? 0, 0);
  if (queue.pending.length > 0 || timeout === 0) {
    return Promise.resolve(queue.pending.slice(0, limit));
  }
  return new Promise<ApiUpdate[]>((resolve, reject) => {
    const finish = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      if (queue.poller === poller) queue.poller = null;
    };
    const poller: Poller = {
      deliver: () => {
        finish();
        resolve(queue.pending.slice(0, limit));
      },
      fail: (error) => {
        finish();
        reject(error);
      },
    };
    const onAbort = (): void => {
      finish();
      resolve([]);
    };
    const timer = setTimeout(() => {
      finish();
      resolve([]);
    }, timeout * 1000);
    signal.addEventListener('abort', onAbort);
    queue.poller = poller;
  });
}
