import type { IncomingMessage } from 'node:http';
import { type Bot, webhookCallback } from 'grammy';
import type { Middleware } from 'koa';
import type { BotContext, BotDeps } from './context.js';

/** Telegram updates are small; anything larger is not an update. */
const maxBodyBytes = 1024 * 1024;

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

/**
 * Koa middleware for BOT_MODE=webhook (the lead mounts it at the webhook path). The secret
 * token header (config.botWebhookSecret) is checked by grammY; the body is parsed here unless a
 * body parser already did. Errors are handled by the bot's error boundary, so Telegram gets 200
 * and does not redeliver; a slow update is acknowledged after 9 s and keeps running.
 */
export function createWebhookHandler(bot: Bot<BotContext>, deps: BotDeps): Middleware {
  const callback = webhookCallback(bot, 'koa', {
    secretToken: deps.config.botWebhookSecret,
    onTimeout: 'return',
    timeoutMilliseconds: 9_000,
  });
  return async (ctx) => {
    if (ctx.method !== 'POST') {
      ctx.status = 405;
      return;
    }
    const request = ctx.request as typeof ctx.request & { body?: unknown };
    if (request.body === undefined) {
      try {
        request.body = await readJson(ctx.req);
      } catch (error) {
        deps.logger.warn({ err: error }, 'webhook body is not JSON');
        ctx.status = 400;
        return;
      }
    }
    // grammY's Koa adapter types are narrower than Koa's context; the runtime shape matches.
    await callback(ctx as unknown as Parameters<typeof callback>[0]);
  };
}
