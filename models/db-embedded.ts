import { mkdir } from 'node:fs/promises';
import type { PGlite } from '@electric-sql/pglite';
import { embeddedLoginRole, enterLoginRole } from './db-embedded-role.js';

export interface Embedded {
  url: string;
  stop(): Promise<void>;
}

/** Frontend messages of an extended-protocol batch: the session stays with its sender until Sync. */
const batchMessages = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map((c) => c.charCodeAt(0)));
const syncMessage = new Uint8Array([0x53, 0, 0, 0, 4]);

interface Queued {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (err: unknown) => void;
}

/**
 * Replaces pglite-socket 0.2.17's query queue, which multiplexes every connection onto one session
 * but keeps a connection's turn only inside a transaction: extended-protocol batches (Parse…Sync)
 * of two connections then interleave ("unnamed prepared statement does not exist"), and one thrown
 * error stalls the queue for good (electric-sql/pglite#1046). Here a connection keeps the session
 * while it is inside a transaction or a batch, and the queue always recovers from errors.
 */
class SessionQueue {
  private queue: Queued[] = [];
  private processing = false;
  private owner: number | undefined;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: Queued['onData']): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    const dropped = this.queue.filter((q) => q.handlerId === handlerId);
    this.queue = this.queue.filter((q) => q.handlerId !== handlerId);
    for (const q of dropped) q.reject(new Error('Handler disconnected'));
  }

  /** A connection that left while holding the session: end its batch and roll back its transaction. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    try {
      await this.db.runExclusive(() => this.db.execProtocolRaw(syncMessage));
      if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    } finally {
      this.owner = undefined;
    }
    await this.process();
  }

  private next(): Queued | undefined {
    if (this.owner === undefined) return this.queue.shift();
    const index = this.queue.findIndex((q) => q.handlerId === this.owner);
    return index === -1 ? undefined : this.queue.splice(index, 1)[0];
  }

  private async process(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      for (let item = this.next(); item; item = this.next()) {
        const current = item;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(current.message, {
              onRawData: (data) => {
                bytes += data.length;
                current.onData(data);
              },
            }),
          );
          const holds = this.db.isInTransaction() || batchMessages.has(current.message[0] ?? 0);
          this.owner = holds ? current.handlerId : undefined;
          current.resolve(bytes);
        } catch (err) {
          this.owner = this.db.isInTransaction() ? current.handlerId : undefined;
          current.reject(err);
        }
      }
    } finally {
      this.processing = false;
    }
  }
}

/**
 * Starts PGlite in dataDir as the login role (not a superuser: row-level security binds it, as on a
 * server) and serves it over the PostgreSQL protocol on 127.0.0.1:<random>.
 */
export async function startEmbedded(options: {
  dataDir: string;
  maxConnections: number;
  loadDataDir: Blob | undefined;
  sharedBuffers: string;
}): Promise<Embedded> {
  const { dataDir, maxConnections, loadDataDir, sharedBuffers } = options;
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  if (!dataDir.includes('://')) await mkdir(dataDir, { recursive: true });
  const lite = await PGlite.create({
    dataDir,
    ...(loadDataDir ? { loadDataDir } : {}),
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`],
  });
  try {
    await enterLoginRole(lite);
  } catch (err) {
    await lite.close();
    throw err;
  }
  const server = new PGLiteSocketServer({ db: lite, host: '127.0.0.1', port: 0, maxConnections });
  // Handlers take the queue from this field when a connection arrives (pinned version 0.2.17).
  (server as unknown as { queryQueue: SessionQueue }).queryQueue = new SessionQueue(lite);
  try {
    await server.start();
  } catch (err) {
    await lite.close();
    throw err;
  }
  return {
    url: `postgres://${embeddedLoginRole}@${server.getServerConn()}/postgres`,
    async stop() {
      await server.stop();
      await lite.close();
    },
  };
}
