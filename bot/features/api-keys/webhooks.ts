import { InlineKeyboard } from 'grammy';
import {
  webhooksCallback,
  type ApiKeysOwnerKind,
} from '../../../messages/callback-data/api-keys.js';
import { deleteWebhookEndpoint } from '../../../models/partner-webhooks/delete-webhook-endpoint.js';
import type { WebhookActor } from '../../../models/partner-webhooks/endpoint-access.js';
import { listWebhookEndpoints } from '../../../models/partner-webhooks/list-webhook-endpoints.js';
import { rotateWebhookSecret } from '../../../models/partner-webhooks/rotate-webhook-secret.js';
import { updateWebhookEndpoint } from '../../../models/partner-webhooks/update-webhook-endpoint.js';
import type { BotContext, BotDeps } from '../../context.js';
import type { privateChats, WithAccount } from '../../kit/account.js';
import { showScreen } from '../../kit/show-screen.js';
import { addWebhookConversationId } from './webhook-conversation.js';
import { ownKeyOwner } from './owner.js';
import { webhooksScreen } from './webhooks-screen.js';

async function actorOf(
  ctx: WithAccount,
  deps: BotDeps,
  kind: ApiKeysOwnerKind,
): Promise<WebhookActor> {
  const owner = await ownKeyOwner(deps.database, ctx.account.id, kind);
  return { kind: 'account', owner, accountId: ctx.account.id };
}

async function showWebhooks(ctx: WithAccount, deps: BotDeps, kind: ApiKeysOwnerKind) {
  const listed = await listWebhookEndpoints(
    deps.database,
    { actor: await actorOf(ctx, deps, kind) },
    deps.clock,
  );
  if (!listed.ok) return ctx.reply(ctx.t('webhooks-forbidden'));
  await showScreen(ctx, webhooksScreen(ctx, kind, listed.value));
}

const notFound = (ctx: BotContext) =>
  ctx.answerCallbackQuery({ text: ctx.tPlain('webhooks-not-found'), show_alert: true });

/**
 * The webhooks screens under the API keys (`whk:*`; the add conversation is installed beside the key's): the list, «Add an endpoint» (a conversation
 * asking the URL; the secret is shown once), «New secret» (shown once), «Switch on» and «Delete»
 * with a confirmation. The endpoints are always the presser's own (endpointAccess).
 */
export function registerWebhooks(
  chats: ReturnType<typeof privateChats<BotContext>>,
  deps: BotDeps,
): void {
  chats.callbackQuery(webhooksCallback.show.filter, async (ctx) => {
    const { owner } = webhooksCallback.show.parse(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    await showWebhooks(ctx, deps, owner);
  });
  chats.callbackQuery(webhooksCallback.create.filter, async (ctx) => {
    const { owner } = webhooksCallback.create.parse(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(addWebhookConversationId, owner);
  });
  chats.callbackQuery(webhooksCallback.rotate.filter, async (ctx) => {
    const { owner, endpointId } = webhooksCallback.rotate.parse(ctx.callbackQuery.data);
    const actor = await actorOf(ctx, deps, owner);
    const rotated = await rotateWebhookSecret(deps.database, { actor, endpointId }, deps.clock);
    if (!rotated.ok) return notFound(ctx);
    await ctx.answerCallbackQuery();
    const { endpoint, secret } = rotated.value;
    await ctx.reply(ctx.t('webhooks-rotated', { url: endpoint.url, secret }), {
      reply_markup: new InlineKeyboard().text(
        ctx.tPlain('webhooks-back-to-list'),
        webhooksCallback.show.pack({ owner }),
      ),
    });
  });
  chats.callbackQuery(webhooksCallback.enable.filter, async (ctx) => {
    const { owner, endpointId } = webhooksCallback.enable.parse(ctx.callbackQuery.data);
    const actor = await actorOf(ctx, deps, owner);
    const policy = { allowPrivate: deps.config.webhookAllowPrivate };
    const changes = { enabled: true };
    const enabled = await updateWebhookEndpoint(
      deps.database,
      { actor, endpointId, changes },
      policy,
      deps.clock,
    );
    if (!enabled.ok) return notFound(ctx);
    await showWebhooks(ctx, deps, owner);
    await ctx.answerCallbackQuery({ text: ctx.tPlain('webhooks-enabled') });
  });
  chats.callbackQuery(webhooksCallback.remove.filter, async (ctx) => {
    const { owner, endpointId } = webhooksCallback.remove.parse(ctx.callbackQuery.data);
    const listed = await listWebhookEndpoints(
      deps.database,
      { actor: await actorOf(ctx, deps, owner) },
      deps.clock,
    );
    const endpoint = listed.ok
      ? listed.value.endpoints.find((e) => e.id === endpointId)
      : undefined;
    if (!endpoint) return notFound(ctx);
    await showScreen(
      ctx,
      ctx.t('webhooks-delete-confirm', { url: endpoint.url }),
      new InlineKeyboard()
        .text(
          ctx.tPlain('webhooks-delete-yes'),
          webhooksCallback.removeYes.pack({ owner, endpointId }),
        )
        .text(ctx.tPlain('webhooks-delete-no'), webhooksCallback.show.pack({ owner })),
    );
    await ctx.answerCallbackQuery();
  });
  chats.callbackQuery(webhooksCallback.removeYes.filter, async (ctx) => {
    const { owner, endpointId } = webhooksCallback.removeYes.parse(ctx.callbackQuery.data);
    const actor = await actorOf(ctx, deps, owner);
    const deleted = await deleteWebhookEndpoint(deps.database, { actor, endpointId }, deps.clock);
    if (!deleted.ok) return notFound(ctx);
    await showWebhooks(ctx, deps, owner);
    await ctx.answerCallbackQuery({ text: ctx.tPlain('webhooks-deleted') });
  });
}
