import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';

/** What grammY's ApiClient passes to its `fetch` option and reads back (`res.json()`). */
interface BotApiRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | AsyncIterable<Uint8Array> | Readable;
  signal?: { aborted: boolean; addEventListener(type: 'abort', fn: () => void): void } | null;
  agent?: http.Agent;
}

/** The part of a fetch Response that grammY reads. */
export interface BotApiResponse {
  readonly ok: boolean;
  readonly status: number;
  json(): Promise<unknown>;
  text(): Promise<string>;
}

const agents = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
};

class AbortError extends Error {
  override readonly name = 'AbortError';
}

/**
 * The Bot API's HTTP client for grammY (its `client.fetch` option): one `http(s).request` per
 * call on a keep-alive agent, the body sent as given (grammY's JSON string, or its multipart
 * stream for uploads), the whole answer read and parsed once. grammY's default is node-fetch 2,
 * whose Request/Headers/Response objects, body streams and abort shim cost about as much CPU per
 * call as the HTTP exchange itself (docs/decisions.md, «The Bot API's HTTP client»). It follows no
 * redirects (the Bot API sends none) and asks for no compression (its answers are small JSON);
 * an agent in grammY's `baseFetchConfig` (a proxy's) is used as given.
 */
export function botApiFetch(url: string | URL, init: BotApiRequest = {}): Promise<BotApiResponse> {
  return new Promise((resolve, reject) => {
    const target = typeof url === 'string' ? new URL(url) : url;
    const transport = target.protocol === 'https:' ? https : http;
    const agent = init.agent ?? agents[target.protocol as 'http:' | 'https:'];
    if (!agent) {
      reject(new TypeError(`unsupported protocol ${target.protocol}`));
      return;
    }
    const signal = init.signal ?? undefined;
    if (signal?.aborted) {
      reject(new AbortError('The operation was aborted.'));
      return;
    }
    const body = init.body;
    const headers: Record<string, string | number> = { ...init.headers };
    if (typeof body === 'string') headers['content-length'] = Buffer.byteLength(body);
    const request = transport.request(target, { method: init.method ?? 'GET', headers, agent });
    signal?.addEventListener('abort', () =>
      request.destroy(new AbortError('The operation was aborted.')),
    );
    request.on('error', reject);
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const status = response.statusCode ?? 0;
        resolve({
          ok: status >= 200 && status < 300,
          status,
          text: () => Promise.resolve(text),
          json: () => new Promise((done) => done(JSON.parse(text) as unknown)),
        });
      });
    });
    if (body === undefined || typeof body === 'string') {
      request.end(body);
      return;
    }
    const stream = body instanceof Readable ? body : Readable.from(body);
    stream.on('error', (error) => request.destroy(error));
    stream.pipe(request);
  });
}

/** grammY client options with this client: for every Bot, Api and conversation of the app. */
export function botApiOptions(apiRoot: string | undefined): {
  apiRoot?: string;
  fetch: typeof fetch;
} {
  return { ...(apiRoot ? { apiRoot } : {}), fetch: botApiFetch as unknown as typeof fetch };
}
