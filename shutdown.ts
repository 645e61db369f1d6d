import type { Logger } from './models/logger.js';

/** From the first signal to exit, at most: inside the 10 s Docker and Kubernetes wait before SIGKILL. */
export const shutdownDeadlineMs = 8_000;

export interface Stoppable {
  stop(): Promise<void>;
}

export interface ShutdownOptions {
  deadlineMs?: number;
  signals?: readonly NodeJS.Signals[];
}

/**
 * On SIGTERM or SIGINT: stops the app gracefully and exits 0 (1 when stopping failed). A second
 * signal exits 1 at once; so does the deadline when stopping hangs. The deadline timer is not
 * unref'd on purpose: a stop stuck on a promise nothing will settle would otherwise let the process
 * end quietly with code 0. Logging is best effort, never in the way of the exit. Returns a function
 * that removes the handlers.
 */
export function installShutdown(
  app: Stoppable,
  logger: Logger,
  options: ShutdownOptions = {},
): () => void {
  const deadlineMs = options.deadlineMs ?? shutdownDeadlineMs;
  const signals = options.signals ?? ['SIGINT', 'SIGTERM'];
  const say = (level: 'info' | 'warn' | 'error', fields: object, message: string) => {
    try {
      logger[level](fields, message);
    } catch {
      // Nowhere left to log to: the exit matters more.
    }
  };
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      say('warn', { signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    say('info', { signal, deadlineMs }, 'shutting down');
    setTimeout(() => {
      say('error', { deadlineMs }, 'shutdown deadline passed: exiting');
      process.exit(1);
    }, deadlineMs);
    app.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        say('error', { err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  for (const signal of signals) process.on(signal, onSignal);
  return () => {
    for (const signal of signals) process.off(signal, onSignal);
  };
}
