import { createConversation } from '@grammyjs/conversations';
import { Composer, InlineKeyboard } from 'grammy';
import { listApiKeys } from '../../../models/api-keys/list-api-keys.js';
import { revokeApiKey } from '../../../models/api-keys/revoke-api-key.js';
import {
  apiKeysCallback,
  type ApiKeysOwnerKind,
} from '../../../messages/callback-data/api-keys.js';
import type { BotContext, BotDeps, ConversationContext } from '../../context.js';
import { privateChats, type WithAccount } from '../../kit/account.js';
import { showScreen } from '../../kit/show-screen.js';
import { createApiKeyConversation, createApiKeyConversationId } from './conversation.js';
import { ownKeyOwner } from './owner.js';
import { apiKeysHomeScreen, apiKeysScreen } from './screen.js';
import { addWebhookConversation, addWebhookConversationId } from './webhook-conversation.js';
import { registerWebhooks } from './webhooks.js';

/** Shows the presser's keys of one kind (the owner menu's and the advertiser screen's «🔑 API keys»). */
export async function showApiKeys(
  ctx: BotContext,
  deps: BotDeps,
  kind: ApiKeysOwnerKind,
): Promise<void> {
  const accountId = ctx.account?.id;
  if (!accountId) return;
  const owner = await ownKeyOwner(deps.database, accountId, kind);
  const listed = await listApiKeys(deps.database, { owner, actorAccountId: accountId }, deps.clock);
  if (!listed.ok) {
    await ctx.reply(ctx.t('apikeys-forbidden'));
    return;
  }
  await showScreen(ctx, apiKeysScreen(ctx, kind, listed.value, await ctx.i18n.getLocale()));
}

/** The key of a revoke button, when it is one of the presser's live keys of that kind. */
async function liveKey(ctx: WithAccount, deps: BotDeps, kind: ApiKeysOwnerKind, keyId: string) {
  const owner = await ownKeyOwner(deps.database, ctx.account.id, kind);
  const listed = await listApiKeys(
    deps.database,
    { owner, actorAccountId: ctx.account.id },
    deps.clock,
  );
  return listed.ok
    ? listed.value.keys.find((k) => k.id === keyId && k.revokedAt === null)
    : undefined;
}

/**
 * Partner API keys (/apikeys, `apk:*`): the presser's workspace keys (Pro) or advertiser account
 * keys — list with last use, «Create a key» (a conversation; the key is shown once), «Revoke»
 * with a confirmation. Private chats only; the keys are always the presser's own.
 */
export function createApiKeysFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.use(
    createConversation<BotContext, ConversationContext>(createApiKeyConversation(deps), {
      id: createApiKeyConversationId,
    }),
  );
  feature.use(
    createConversation<BotContext, ConversationContext>(addWebhookConversation(deps), {
      id: addWebhookConversationId,
    }),
  );
  const chats = privateChats(feature);
  registerWebhooks(chats, deps);

  chats.command('apikeys', (ctx) => showScreen(ctx, apiKeysHomeScreen(ctx)));
  chats.callbackQuery(apiKeysCallback.home, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showScreen(ctx, apiKeysHomeScreen(ctx));
  });
  chats.callbackQuery(apiKeysCallback.show.filter, async (ctx) => {
    const { owner } = apiKeysCallback.show.parse(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    await showApiKeys(ctx, deps, owner);
  });
  chats.callbackQuery(apiKeysCallback.create.filter, async (ctx) => {
    const { owner } = apiKeysCallback.create.parse(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(createApiKeyConversationId, owner);
  });
  chats.callbackQuery(apiKeysCallback.revoke.filter, async (ctx) => {
    const { owner, keyId } = apiKeysCallback.revoke.parse(ctx.callbackQuery.data);
    const key = await liveKey(ctx, deps, owner, keyId);
    if (!key)
      return ctx.answerCallbackQuery({ text: ctx.tPlain('apikeys-not-found'), show_alert: true });
    await showScreen(
      ctx,
      ctx.t('apikeys-revoke-confirm', { name: key.name, prefix: key.prefix }),
      new InlineKeyboard()
        .text(ctx.tPlain('apikeys-revoke-yes'), apiKeysCallback.revokeYes.pack({ owner, keyId }))
        .text(ctx.tPlain('apikeys-revoke-no'), apiKeysCallback.show.pack({ owner })),
    );
    await ctx.answerCallbackQuery();
  });
  chats.callbackQuery(apiKeysCallback.revokeYes.filter, async (ctx) => {
    const { owner: kind, keyId } = apiKeysCallback.revokeYes.parse(ctx.callbackQuery.data);
    const owner = await ownKeyOwner(deps.database, ctx.account.id, kind);
    const revoked = await revokeApiKey(
      deps.database,
      { owner, actorAccountId: ctx.account.id, keyId },
      deps.clock,
    );
    if (!revoked.ok)
      return ctx.answerCallbackQuery({ text: ctx.tPlain('apikeys-not-found'), show_alert: true });
    await showApiKeys(ctx, deps, kind);
    await ctx.answerCallbackQuery({
      text: ctx.tPlain('apikeys-revoked', { name: revoked.value.name }),
    });
  });
  return feature;
}
