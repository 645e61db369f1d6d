import { InlineKeyboard } from 'grammy';
import {
  webhooksCallback,
  type ApiKeysOwnerKind,
} from '../../../messages/callback-data/api-keys.js';
import { assertNever } from '../../../models/errors.js';
import {
  createWebhookEndpoint,
  type CreateWebhookEndpointCode,
} from '../../../models/partner-webhooks/create-webhook-endpoint.js';
import { normalizeEndpointUrl } from '../../../models/partner-webhooks/endpoint-url.js';
import { maxWebhookEndpoints } from '../../../models/partner-webhooks/queries.js';
import type { BotDeps, ConversationContext } from '../../context.js';
import { accept, currentAccountId, refuse, type BotConversation } from '../../kit/conversation.js';
import { askText } from '../../kit/steps.js';
import { ownKeyOwner } from './owner.js';

export const addWebhookConversationId = 'webhooks-add';

function refusal(t: ConversationContext['t'], code: CreateWebhookEndpointCode): string {
  switch (code) {
    case 'plan':
      return t('webhooks-pro-required');
    case 'forbidden':
      return t('webhooks-forbidden');
    case 'too_many':
      return t('webhooks-too-many', { limit: maxWebhookEndpoints });
    case 'url_invalid':
    case 'events_invalid':
    case 'description_invalid':
      return t('webhooks-url-invalid');
    default:
      return assertNever(code);
  }
}

/**
 * «Add an endpoint»: asks the https address (re-asked until it is one), creates the endpoint for
 * every event and shows its secret once — created and sent inside one `conversation.external`, so
 * the secret never enters the conversation's stored replay log.
 */
export function addWebhookConversation(deps: BotDeps) {
  const policy = { allowPrivate: deps.config.webhookAllowPrivate };
  return async function addWebhook(
    conversation: BotConversation,
    ctx: ConversationContext,
    kind: ApiKeysOwnerKind,
  ) {
    const accountId = await currentAccountId(conversation);
    if (!accountId) return;
    const url = await askText(conversation, ctx, {
      prompt: ctx.t('webhooks-ask-url'),
      notText: ctx.t('webhooks-url-invalid'),
      check: (text) => {
        const normalized = normalizeEndpointUrl(text, policy);
        return normalized === undefined
          ? refuse(ctx.t('webhooks-url-invalid'))
          : accept(normalized);
      },
    });
    const back = new InlineKeyboard().text(
      ctx.tPlain('webhooks-back-to-list'),
      webhooksCallback.show.pack({ owner: kind }),
    );
    const outcome = await conversation.external(async (outside) => {
      const owner = await ownKeyOwner(deps.database, accountId, kind);
      const created = await createWebhookEndpoint(
        deps.database,
        { actor: { kind: 'account', owner, accountId }, url },
        policy,
        deps.clock,
      );
      if (!created.ok) return { code: created.code };
      const { endpoint, secret } = created.value;
      await outside.reply(outside.t('webhooks-created', { url: endpoint.url, secret }), {
        reply_markup: back,
      });
      return { code: null };
    });
    if (outcome.code !== null)
      await ctx.reply(refusal(ctx.t, outcome.code), { reply_markup: back });
  };
}
