import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeModerationOptions {
  /** Texts containing one of these words (case-insensitive) come back flagged. */
  flaggedWords?: string[];
  /** The Bearer key the fake expects; any other ⇒ 401 like the real API. */
  apiKey?: string;
}

export interface FakeModeration {
  /** POST here: the endpoint as MODERATION_API_URL. */
  url: string;
  /** Every input received, in order. */
  requests: string[];
  /** 'ok' answers; 'error' answers 500; 'hang' never answers (client timeout). */
  setMode(mode: 'ok' | 'error' | 'hang'): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const categoryNames = ['harassment', 'hate', 'illicit', 'self-harm', 'sexual', 'violence'];

/**
 * A local stand-in for an OpenAI-compatible moderation API on 127.0.0.1 (random port):
 * POST /v1/moderations with `Authorization: Bearer <key>` and JSON { input } ⇒
 * { id, model, results: [{ flagged, categories, category_scores }] }; 'illicit' is set when the
 * input contains a configured word.
 */
export async function startFakeModeration(
  options: FakeModerationOptions = {},
): Promise<FakeModeration> {
  const words = (options.flaggedWords ?? ['forbidden']).map((word) => word.toLowerCase());
  const requests: string[] = [];
  let mode: 'ok' | 'error' | 'hang' = 'ok';
  let counter = 0;
  const server = createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    void (async () => {
      if (req.method !== 'POST' || req.url !== '/v1/moderations')
        return send(404, { error: { message: 'Not found', type: 'invalid_request_error' } });
      const expected = options.apiKey ? `Bearer ${options.apiKey}` : undefined;
      if (expected && req.headers.authorization !== expected)
        return send(401, {
          error: { message: 'Incorrect API key provided', type: 'invalid_request_error' },
        });
      let input: unknown;
      try {
        input = (JSON.parse(await readBody(req)) as { input?: unknown }).input;
      } catch {
        return send(400, { error: { message: 'Invalid JSON', type: 'invalid_request_error' } });
      }
      if (typeof input !== 'string')
        return send(400, {
          error: { message: "'input' is required", type: 'invalid_request_error' },
        });
      requests.push(input);
      if (mode === 'hang') return;
      if (mode === 'error')
        return send(500, { error: { message: 'Internal error', type: 'server_error' } });
      const hit = words.some((word) => input.toLowerCase().includes(word));
      const categories = Object.fromEntries(
        categoryNames.map((name) => [name, hit && name === 'illicit']),
      );
      const scores = Object.fromEntries(
        categoryNames.map((name) => [name, hit && name === 'illicit' ? 0.97 : 0.001]),
      );
      counter++;
      send(200, {
        id: `modr-${counter}`,
        model: 'omni-moderation-latest',
        results: [{ flagged: hit, categories, category_scores: scores }],
      });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/moderations`,
    requests,
    setMode(next) {
      mode = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
