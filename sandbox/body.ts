import type { IncomingMessage } from 'node:http';
import { badRequest } from './errors.js';
import type { UploadedFile } from './validation.js';

export interface ParsedBody {
  params: Record<string, unknown>;
  files: Map<string, UploadedFile>;
  /** True when values arrived as strings (query, urlencoded, multipart). */
  form: boolean;
}

const maxBody = 50 * 1024 * 1024;

/** Reads the whole request body (up to 50 MB, Telegram's upload limit). */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > maxBody) throw badRequest('request entity too large');
    chunks.push(buf);
  }
  return chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks);
}

/** Parses query string plus a JSON, urlencoded or multipart body into parameters and files. */
export function parseBody(query: URLSearchParams, contentType: string, body: Buffer): ParsedBody {
  const params: Record<string, unknown> = {};
  const files = new Map<string, UploadedFile>();
  let form = true;
  for (const [k, v] of query) params[k] = v;
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (body.length === 0) return { params, files, form };
  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw badRequest("can't parse JSON");
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw badRequest('JSON body must be an object');
    }
    Object.assign(params, parsed);
    form = false;
  } else if (type === 'application/x-www-form-urlencoded') {
    for (const [k, v] of new URLSearchParams(body.toString('utf8'))) params[k] = v;
  } else if (type === 'multipart/form-data') {
    parseMultipart(contentType, body, params, files);
  }
  return { params, files, form };
}

function headerParam(header: string, name: string): string | undefined {
  const match = new RegExp(`;\\s*${name}=(?:"([^"]*)"|([^;\\r\\n]*))`, 'i').exec(header);
  return match ? (match[1] ?? match[2]?.trim()) : undefined;
}

/** A tolerant multipart/form-data parser (grammY writes unquoted filenames). */
function parseMultipart(
  contentType: string,
  body: Buffer,
  params: Record<string, unknown>,
  files: Map<string, UploadedFile>,
): void {
  const boundary = headerParam(contentType, 'boundary');
  if (!boundary) throw badRequest('multipart boundary is missing');
  const delimiter = Buffer.from(`--${boundary}`);
  let pos = body.indexOf(delimiter);
  while (pos !== -1) {
    let start = pos + delimiter.length;
    if (body[start] === 45 && body[start + 1] === 45) break; // "--": the end
    if (body[start] === 13 && body[start + 1] === 10) start += 2;
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    let end = next;
    if (body[end - 2] === 13 && body[end - 1] === 10) end -= 2;
    const headerEnd = body.indexOf('\r\n\r\n', start);
    if (headerEnd === -1 || headerEnd > end) throw badRequest('malformed multipart body');
    const headers = body.subarray(start, headerEnd).toString('utf8');
    const data = body.subarray(headerEnd + 4, end);
    const disposition = /content-disposition:\s*([^\r\n]*)/i.exec(headers)?.[1] ?? '';
    const name = headerParam(disposition, 'name');
    if (name !== undefined) {
      const filename = headerParam(disposition, 'filename');
      if (filename !== undefined) {
        const mime = /content-type:\s*([^\r\n;]*)/i.exec(headers)?.[1]?.trim();
        files.set(name, {
          name: filename,
          type: mime ?? 'application/octet-stream',
          data: Buffer.from(data),
        });
      } else {
        params[name] = data.toString('utf8');
      }
    }
    pos = next;
  }
}
