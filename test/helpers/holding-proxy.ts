import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An HTTP proxy in front of the emulator that can stop passing requests on (see hold()). */
export interface HoldingProxy {
  readonly url: string;
  /**
   * Passes no new request on (they wait, unanswered) and resolves once every request already
   * passed on has had its answer delivered: a process killed after that has made no call Telegram
   * handled but it did not see answered.
   */
  hold(): Promise<void>;
  close(): Promise<void>;
}

export async function startHoldingProxy(target: string): Promise<HoldingProxy> {
  const upstream = new URL(target);
  let holding = false;
  let inFlight = 0;
  const idle = new Set<() => void>();
  const held: ServerResponse[] = [];
  const settle = () => {
    if (inFlight === 0) for (const resolve of idle) resolve();
  };
  const forward = (req: IncomingMessage, res: ServerResponse) => {
    inFlight += 1;
    const done = () => {
      inFlight -= 1;
      settle();
    };
    const up = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        res.once('finish', done);
        res.once('close', () => res.writableFinished || done());
      },
    );
    up.once('error', () => {
      res.destroy();
      done();
    });
    req.pipe(up);
  };
  const server = createServer((req, res) => {
    if (holding) held.push(res);
    else forward(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hold() {
      holding = true;
      return new Promise<void>((resolve) => {
        idle.add(resolve);
        settle();
      });
    },
    async close() {
      for (const res of held.splice(0)) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
