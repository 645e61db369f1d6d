import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BotApi } from './api.js';
import { parseBody, readBody } from './body.js';
import { TelegramApiError } from './errors.js';
import { sendJson } from './http-utils.js';
import type { World } from './world.js';

/** One Bot API request over HTTP: token first (401), then the body, then the method. */
export async function handleBotApi(
  world: World,
  api: BotApi,
  { req, res, url }: { req: IncomingMessage; res: ServerResponse; url: URL },
  token: string,
  method: string,
): Promise<void> {
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  if (!world.botsByToken.has(token)) {
    return sendJson(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
  }
  let parsed;
  try {
    parsed = parseBody(url.searchParams, req.headers['content-type'] ?? '', await readBody(req));
  } catch (error) {
    if (!(error instanceof TelegramApiError)) throw error;
    const { errorCode, description } = error;
    return sendJson(res, errorCode, { ok: false, error_code: errorCode, description });
  }
  const { status, body } = await api.call({ token, method, ...parsed, signal: controller.signal });
  if (!res.destroyed) sendJson(res, status, body);
}

/** `/file/bot<token>/<file_path>`: a stored file's bytes. */
export function handleFile(world: World, res: ServerResponse, token: string, path: string): void {
  const file = world.botsByToken.has(token) ? world.filesByPath.get(path) : undefined;
  if (!file) return sendJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
  res.writeHead(200, { 'content-type': file.mime, 'content-length': file.data.length });
  res.end(file.data);
}
