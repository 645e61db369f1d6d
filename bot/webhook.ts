import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Middleware } from 'koa';
import type { IntakeUpdate } from '../models/intake/order-key.js';
import type { BotDeps } from './context.js';
import type { Intake } from './intake/index.js';

/** Telegram updates are small; anything larger is not an update. */
const maxBodyBytes = 1024 * 1024;
const secretHeader = 'x-telegram-bot-api-secret-token';

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBodyBytes) throw new SyntaxError('request body too large');
    chunks.push(buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Whether the request carries the secret: compared in constant time (digests of equal length). */
export function hasWebhookSecret(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== 'string') return false;
  return timingSafeEqual(digest(header), digest(secret));
}

function isUpdate(body: unknown): body is IntakeUpdate {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return false;
  const id = (body as { update_id?: unknown }).update_id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0;
}

/**
 * Koa middleware for BOT_MODE=webhook (and sharded mode's SHARD_SOURCE=webhook, where the intake
 * is the partition streams). A request without the secret token header (when
 * BOT_WEBHOOK_SECRET is set; production requires it) gets 401 and changes nothing. An update is
 * answered 200 only once the intake stored it (then it is handled in the background, retried and
 * never lost); when it cannot be stored the answer is 503 and Telegram delivers it again.
 */
export function createWebhookHandler(
  intake: Pick<Intake, 'accept'>,
  deps: Pick<BotDeps, 'config' | 'logger'>,
): Middleware {
  const secret = deps.config.botWebhookSecret;
  return async (ctx) => {
    if (ctx.method !== 'POST') {
      ctx.status = 405;
      return;
    }
    if (secret !== undefined && !hasWebhookSecret(ctx.get(secretHeader) || undefined, secret)) {
      deps.logger.warn({ ip: ctx.ip }, 'webhook request without the secret token refused');
      ctx.status = 401;
      return;
    }
    let body: unknown;
    try {
      body = await readJson(ctx.req);
    } catch (error) {
      deps.logger.warn({ err: error }, 'webhook body is not JSON');
      ctx.status = 400;
      return;
    }
    if (!isUpdate(body)) {
      ctx.status = 400;
      return;
    }
    try {
      await intake.accept([body]);
    } catch (error) {
      deps.logger.warn({ err: error, update_id: body.update_id }, 'webhook update not stored');
      ctx.status = 503;
      return;
    }
    ctx.status = 200;
    ctx.body = '';
  };
}
