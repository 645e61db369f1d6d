import { badRequest, conflict } from './errors.js';
import type { MethodHandler } from './methods/context.js';
import { confirmUpdates, setAllowedUpdates } from './updates.js';
import type { BotState, World } from './world.js';

export interface WebhookOptions {
  /** First retry delay after a failed delivery; doubles up to 30 s. */
  retryMs: number;
}

/** Delivers queued updates to the bot's webhook one at a time, retrying failures. */
export function startWebhookDelivery(
  world: World,
  bot: BotState,
  options: WebhookOptions,
): () => void {
  let busy = false;
  let stopped = false;
  let delay = options.retryMs;
  let timer: NodeJS.Timeout | undefined;
  const pump = async (): Promise<void> => {
    if (busy || stopped) return;
    busy = true;
    try {
      for (;;) {
        const hook = bot.updates.webhook;
        const update = bot.updates.pending[0];
        if (!hook || !update || stopped) return;
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (hook.secretToken) headers['x-telegram-bot-api-secret-token'] = hook.secretToken;
        let failure: string | null = null;
        try {
          const res = await fetch(hook.url, {
            method: 'POST',
            headers,
            body: JSON.stringify(update),
          });
          const text = await res.text();
          if (res.status < 200 || res.status > 299) {
            failure = `Wrong response from the webhook: ${res.status} ${res.statusText}`;
          } else {
            replyFromWebhook(world, bot, text);
          }
        } catch (error) {
          failure = `Connection refused: ${(error as Error).message}`;
        }
        if (failure) {
          hook.lastErrorDate = world.now();
          hook.lastErrorMessage = failure;
          timer = setTimeout(() => void pump(), delay);
          delay = Math.min(delay * 2, 30_000);
          return;
        }
        delay = options.retryMs;
        if (bot.updates.pending[0] === update) bot.updates.pending.shift();
      }
    } finally {
      busy = false;
    }
  };
  bot.updates.onEnqueue = () => void pump();
  void pump();
  return () => {
    stopped = true;
    clearTimeout(timer);
    bot.updates.onEnqueue = null;
  };
}

/** Telegram runs a method returned in the webhook's response body; the sandbox does too. */
function replyFromWebhook(world: World, bot: BotState, text: string): void {
  if (!text.trim().startsWith('{')) return;
  try {
    const body = JSON.parse(text) as { method?: unknown };
    if (typeof body.method === 'string') world.events.emit('webhook_reply', { bot, body });
  } catch {
    // not JSON: Telegram ignores the body
  }
}

/** setWebhook/deleteWebhook/getWebhookInfo bound to a delivery starter. */
export function createWebhookMethods(
  startDelivery: (bot: BotState) => void,
  stopDelivery: (bot: BotState) => void,
): Record<string, MethodHandler> {
  return {
    setWebhook: ({ bot, params }) => {
      const url = params.url as string;
      if (params.drop_pending_updates === true)
        confirmUpdates(bot.updates, Number.MAX_SAFE_INTEGER);
      if (url === '') {
        stopDelivery(bot);
        bot.updates.webhook = null;
        return true;
      }
      if (!/^https?:\/\/[^\s/]+/.test(url))
        throw badRequest('bad webhook: Failed to resolve host: Name or service not known');
      const secret = params.secret_token as string | undefined;
      if (secret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) {
        throw badRequest('secret token contains unallowed characters');
      }
      setAllowedUpdates(bot.updates, params.allowed_updates as string[] | undefined);
      bot.updates.poller?.fail(
        conflict(
          "can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
        ),
      );
      bot.updates.webhook = {
        url,
        maxConnections: (params.max_connections as number | undefined) ?? 40,
        ...(secret ? { secretToken: secret } : {}),
        ...(typeof params.ip_address === 'string' ? { ipAddress: params.ip_address } : {}),
      };
      startDelivery(bot);
      return true;
    },
    deleteWebhook: ({ bot, params }) => {
      stopDelivery(bot);
      bot.updates.webhook = null;
      if (params.drop_pending_updates === true)
        confirmUpdates(bot.updates, Number.MAX_SAFE_INTEGER);
      return true;
    },
    getWebhookInfo: ({ bot }) => {
      const hook = bot.updates.webhook;
      const info: Record<string, unknown> = {
        url: hook?.url ?? '',
        has_custom_certificate: false,
        pending_update_count: bot.updates.pending.length,
      };
      if (hook) {
        info.max_connections = hook.maxConnections;
        if (hook.ipAddress) info.ip_address = hook.ipAddress;
        if (hook.lastErrorDate) info.last_error_date = hook.lastErrorDate;
        if (hook.lastErrorMessage) info.last_error_message = hook.lastErrorMessage;
        if (bot.updates.allowed) info.allowed_updates = [...bot.updates.allowed];
      }
      return info;
    },
  };
}
