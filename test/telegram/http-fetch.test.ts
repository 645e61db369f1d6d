import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Api, GrammyError, HttpError, InputFile } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botApiOptions } from '../../telegram/http-fetch.js';

// The Bot API's HTTP client (telegram/http-fetch.ts) as grammY uses it, against a local server
// that answers as the Bot API does: JSON, an error object, a proxy's HTML page, or nothing.
type Handler = (request: IncomingMessage, body: Buffer, response: ServerResponse) => void;

let server: Server;
let root: string;
let handler: Handler;
const sockets = new Set<unknown>();
const closed: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => handler(request, Buffer.concat(chunks), response));
    request.on('close', () => closed.push(request.url ?? ''));
  });
  server.on('connection', (socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const json = (response: ServerResponse, status: number, value: unknown) => {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(value));
};

describe('botApiFetch (grammY client.fetch)', () => {
  it('posts the JSON payload and reads the result, reusing one connection', async () => {
    const seen: { url: string; type: string; body: unknown }[] = [];
    handler = (request, body, response) => {
      seen.push({
        url: request.url ?? '',
        type: request.headers['content-type'] ?? '',
        body: JSON.parse(body.toString('utf8')),
      });
      json(response, 200, { ok: true, result: { message_id: 7, text: 'Привет ✓' } });
    };
    const before = sockets.size;
    const api = new Api('123:abc', botApiOptions(root));
    const first = await api.sendMessage(42, 'Привет ✓');
    const second = await api.sendMessage(42, 'again');
    expect(first).toEqual({ message_id: 7, text: 'Привет ✓' });
    expect(second.message_id).toBe(7);
    expect(seen[0]).toEqual({
      url: '/bot123:abc/sendMessage',
      type: 'application/json',
      body: { chat_id: 42, text: 'Привет ✓' },
    });
    expect(sockets.size - before).toBe(1);
  });

  it('gives the Bot API’s refusal as a GrammyError with its code and description', async () => {
    handler = (_request, _body, response) =>
      json(response, 400, {
        ok: false,
        error_code: 400,
        description: 'Bad Request: chat not found',
      });
    const api = new Api('123:abc', botApiOptions(root));
    const error = await api.sendMessage(1, 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect(error).toMatchObject({ error_code: 400, description: 'Bad Request: chat not found' });
  });

  it('turns a page that is not JSON (a proxy’s 502) into an HttpError', async () => {
    handler = (_request, _body, response) => {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end('<html>Bad Gateway</html>');
    };
    const api = new Api('123:abc', botApiOptions(root));
    await expect(api.getMe()).rejects.toBeInstanceOf(HttpError);
  });

  it('aborts a call that outlives grammY’s timeout, closing its request', async () => {
    handler = () => undefined; // never answers
    const api = new Api('123:abc', { ...botApiOptions(root), timeoutSeconds: 0.2 });
    const error = await api.getMe().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(String((error as HttpError).error)).toMatch(/timed out/);
    await expect.poll(() => closed.includes('/bot123:abc/getMe')).toBe(true);
  });

  it('stops at once when the caller’s signal aborts', async () => {
    handler = () => undefined;
    const api = new Api('123:abc', botApiOptions(root));
    const controller = new AbortController();
    const pending = api.getMe(controller.signal as never);
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toBeInstanceOf(HttpError);
  });

  it('streams an upload as multipart form data', async () => {
    let received = '';
    handler = (request, body, response) => {
      received = `${request.headers['content-type']}\n${body.toString('utf8')}`;
      json(response, 200, { ok: true, result: { message_id: 9 } });
    };
    const api = new Api('123:abc', botApiOptions(root));
    const file = new InputFile(Buffer.from('a file’s bytes'), 'report.csv');
    await api.sendDocument(42, file, { caption: 'Report' });
    expect(received).toMatch(/^multipart\/form-data; boundary=/);
    expect(received).toContain('filename=report.csv');
    expect(received).toContain('a file’s bytes');
    expect(received).toContain('Report');
  });

  it('reports a refused connection as an HttpError', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const api = new Api('123:abc', botApiOptions(`http://127.0.0.1:${port}`));
    const error = await api.getMe().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(String((error as HttpError).error)).toMatch(/ECONNREFUSED/);
  });
});
