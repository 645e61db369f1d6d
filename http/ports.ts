import { createServer } from 'node:net';
import type { Config } from '../config.js';

/** A port the app must listen on is taken; the message names the variable that moves it. */
export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly variable: 'HTTP_PORT' | 'SANDBOX_PORT',
  ) {
    super(
      `port ${port} is already in use: set ${variable} to a free port (or stop what listens there)`,
    );
    this.name = 'PortInUseError';
  }
}

export interface WantedPort {
  port: number;
  host: string;
  variable: PortInUseError['variable'];
}

/**
 * The ports this process will listen on: the sandbox page (no BOT_TOKEN with the bot role, as
 * startApp decides) and HTTP (http role).
 */
export function wantedPorts(config: Config): WantedPort[] {
  return [
    ...(!config.botToken && config.roles.includes('bot')
      ? [{ port: config.sandboxPort, host: '127.0.0.1', variable: 'SANDBOX_PORT' as const }]
      : []),
    // A sharded fetcher or worker serves /healthz, /readyz and /metrics on HTTP_PORT.
    ...(config.roles.includes('http') ||
    (config.botMode === 'sharded' &&
      config.roles.some((role) => role === 'bot' || role === 'fetcher' || role === 'worker'))
      ? [{ port: config.httpPort, host: config.httpHost, variable: 'HTTP_PORT' as const }]
      : []),
  ];
}

function probe(wanted: WantedPort): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new PortInUseError(wanted.port, wanted.variable) : err),
    );
    server.listen(wanted.port, wanted.host, () => server.close(() => resolve()));
  });
}

/**
 * Throws PortInUseError for the first taken port, before anything slow (the database) starts, so
 * a busy port is reported at once. Port 0 (any free port) is never taken.
 */
export async function assertPortsFree(ports: WantedPort[]): Promise<void> {
  for (const wanted of ports) if (wanted.port !== 0) await probe(wanted);
}
