import type { Context } from 'koa';

export class BodyError extends Error {
  readonly status = 400;
  readonly expose = true;
}

/** Reads the raw request body (bounded); webhooks verify signatures over these exact bytes. */
export async function readRawBody(ctx: Context, limitBytes = 1_000_000): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limitBytes) throw new BodyError('request body too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** Parses a JSON request body; an empty body is `{}`; anything unparsable is a 400. */
export async function readJsonBody(ctx: Context, limitBytes?: number): Promise<unknown> {
  const raw = await readRawBody(ctx, limitBytes);
  if (raw.length === 0) return {};
  if (!ctx.is('application/json')) throw new BodyError('expected Content-Type: application/json');
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    throw new BodyError('request body is not valid JSON');
  }
}
