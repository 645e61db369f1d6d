import type { AgendaBackend, JobRepository } from 'agenda';

/**
 * Agenda's backend with a stop switch for this worker's job taking. Agenda's drain() waits for the
 * running jobs but its queue filling goes on locking due jobs (one query after another) that this
 * worker will never start, so they stayed locked for their lock lifetime and a restarted process
 * waited minutes for them. Once `stopTaking()` is called no further job is locked, and it resolves
 * when the lock queries already sent have answered.
 */
export function stoppableBackend(backend: AgendaBackend): {
  backend: AgendaBackend;
  stopTaking(): Promise<void>;
} {
  let stopping = false;
  const inFlight = new Set<Promise<unknown>>();
  const inner = backend.repository;
  const getNextJobToRun: JobRepository['getNextJobToRun'] = (...args) => {
    if (stopping) return Promise.resolve(undefined);
    const call = inner.getNextJobToRun(...args);
    inFlight.add(call);
    const forget = () => inFlight.delete(call);
    call.then(forget, forget);
    return call;
  };
  const repository = new Proxy(inner, {
    get(target, key) {
      if (key === 'getNextJobToRun') return getNextJobToRun;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return {
    backend: {
      get name() {
        return backend.name;
      },
      repository,
      get notificationChannel() {
        return backend.notificationChannel;
      },
      get logger() {
        return backend.logger;
      },
      get ownsConnection() {
        return backend.ownsConnection;
      },
      connect: () => backend.connect(),
      disconnect: () => backend.disconnect(),
    },
    async stopTaking() {
      stopping = true;
      await Promise.allSettled([...inFlight]);
    },
  };
}
