import { InlineKeyboard } from 'grammy';
import {
  createApiKey,
  maxApiKeyNameLength,
  maxLiveApiKeys,
  normalizeApiKeyName,
  type CreateApiKeyCode,
} from '../../../models/api-keys/create-api-key.js';
import { assertNever } from '../../../models/errors.js';
import {
  apiKeysCallback,
  type ApiKeysOwnerKind,
} from '../../../messages/callback-data/api-keys.js';
import type { BotDeps, ConversationContext } from '../../context.js';
import { accept, currentAccountId, refuse, type BotConversation } from '../../kit/conversation.js';
import { askText } from '../../kit/steps.js';
import { ownKeyOwner } from './owner.js';

export const createApiKeyConversationId = 'api-keys-create';

/** The refusal text of a createApiKey failure. */
function refusal(t: ConversationContext['t'], code: CreateApiKeyCode): string {
  switch (code) {
    case 'plan':
      return t('apikeys-pro-required');
    case 'forbidden':
      return t('apikeys-forbidden');
    case 'name_invalid':
      return t('apikeys-name-invalid', { max: String(maxApiKeyNameLength) });
    case 'too_many':
      return t('apikeys-too-many', { limit: maxLiveApiKeys });
    default:
      return assertNever(code);
  }
}

/**
 * «Create a key»: asks the name (1–60 characters, re-asked otherwise), creates the key and shows it
 * once with how to use it. The key is created and sent inside one `conversation.external`, so it
 * never enters the conversation's stored replay log; only the outcome code does.
 */
export function createApiKeyConversation(deps: BotDeps) {
  return async function createKey(
    conversation: BotConversation,
    ctx: ConversationContext,
    kind: ApiKeysOwnerKind,
  ) {
    const accountId = await currentAccountId(conversation);
    if (!accountId) return;
    const max = String(maxApiKeyNameLength);
    const name = await askText(conversation, ctx, {
      prompt: ctx.t('apikeys-ask-name', { max }),
      notText: ctx.t('apikeys-name-invalid', { max }),
      check: (text) => {
        const normalized = normalizeApiKeyName(text);
        return normalized === undefined
          ? refuse(ctx.t('apikeys-name-invalid', { max }))
          : accept(normalized);
      },
    });
    const back = new InlineKeyboard().text(
      ctx.tPlain('apikeys-back-to-list'),
      apiKeysCallback.show.pack({ owner: kind }),
    );
    const outcome = await conversation.external(async (outside) => {
      const owner = await ownKeyOwner(deps.database, accountId, kind);
      const created = await createApiKey(
        deps.database,
        { owner, actorAccountId: accountId, name },
        deps.clock,
      );
      if (!created.ok) return { code: created.code };
      await outside.reply(outside.t('apikeys-created', { name, key: created.value.key }), {
        reply_markup: back,
      });
      return { code: null };
    });
    if (outcome.code !== null)
      await ctx.reply(refusal(ctx.t, outcome.code), { reply_markup: back });
  };
}
